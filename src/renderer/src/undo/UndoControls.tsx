/**
 * Undo and redo for the header: two buttons naming what they would undo or redo, the keys
 * (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, and Ctrl+Y on Windows and Linux) and a status line saying what
 * happened — or why it was refused. In a text field the keys stay the field's own text undo.
 */
import { useEffect } from 'react';
import { navigate } from '../app/route';
import { Message } from '../common/Message';
import { useT } from '../i18n/i18n';
import { belongsTo, dismiss, redo, undo, useHistory, type Outcome } from './history';
import './undo.css';
import { undoKey } from './keys';

interface Props {
  /** The library open now (its id): each library has its own history, kept across reloads. */
  library: string;
  /** Something in the catalogue changed: refresh what shows it. */
  onChanged: () => void;
}

export function UndoControls({ library, onChanged }: Props) {
  const { t } = useT('undo');
  const history = useHistory();
  useEffect(() => belongsTo(library), [library]);

  useEffect(() => {
    const after = (outcome: Outcome | null) => {
      if (!outcome?.ok) return;
      onChanged();
      if (outcome.show !== undefined)
        navigate(outcome.show === null ? { view: 'none' } : { view: 'record', id: outcome.show });
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const which = undoKey(e);
      if (!which) return;
      e.preventDefault();
      void (which === 'undo' ? undo() : redo()).then(after);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onChanged]);

  const run = (which: typeof undo) =>
    void which().then((outcome) => {
      if (!outcome?.ok) return;
      onChanged();
      if (outcome.show !== undefined)
        navigate(outcome.show === null ? { view: 'none' } : { view: 'record', id: outcome.show });
    });

  const undoLabel = history.undo ? t('undoWhat', { what: history.undo.label() }) : t('nothingToUndo');
  const redoLabel = history.redo ? t('redoWhat', { what: history.redo.label() }) : t('nothingToRedo');
  const last = history.last;
  return (
    <div className="undo-controls" role="group" aria-label={`${t('undo')} / ${t('redo')}`}>
      <button
        type="button"
        aria-label={undoLabel}
        title={undoLabel}
        disabled={!history.undo || history.busy}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => run(undo)}
      >
        ↶ {t('undo')}
      </button>
      <button
        type="button"
        aria-label={redoLabel}
        title={redoLabel}
        disabled={!history.redo || history.busy}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        onClick={() => run(redo)}
      >
        ↷ {t('redo')}
      </button>
      {/* Undone and redone go by themselves; a refusal, and what could not be kept, stay until dismissed. */}
      <Message
        className="undo-status"
        text={
          history.busy
            ? t('working')
            : last?.kind === 'undone'
              ? t('undone', { what: last.label })
              : last?.kind === 'redone'
                ? t('redone', { what: last.label })
                : last?.kind === 'refused'
                  ? t('refused', { what: last.label, message: last.message ?? '' })
                  : last?.kind === 'notKept'
                    ? t(`notKept.${last.notKept.reason}`, { what: last.label, count: last.notKept.count })
                    : ''
        }
        tone={last?.kind === 'refused' ? 'error' : last?.kind === 'notKept' || history.busy ? 'lasting' : 'passing'}
        onGone={dismiss}
      />
    </div>
  );
}
