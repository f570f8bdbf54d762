/**
 * The one place where what is selected is acted on: the ticked rows, else the search's results.
 * The header's "3 selected" button opens it (so does a right-click on the list's rows, through
 * `openSelectionMenu` in library/selection.ts), and it says how many records each action takes: cite them, export them in
 * any format, edit them together.
 */
import { useEffect, useState } from 'react';
import { usePopover } from '../common/usePopover';
import { archive } from '../archive';
import { BatchDialog } from '../batch/BatchDialog';
import { CiteDialog } from '../cite/CiteDialog';
import { saveText } from '../common/download';
import { errorWords } from '../common/errorWords';
import { Message } from '../common/Message';
import { useT } from '../i18n/i18n';
import { onSelectionMenu } from '../library/selection';
import { useNoticeUntilUndone } from '../undo/history';

const FORMATS = [
  { id: 'csv', ext: 'csv', type: 'text/csv', via: 'records' },
  { id: 'json', ext: 'json', type: 'application/json', via: 'records' },
  { id: 'bibtex', ext: 'bib', type: 'application/x-bibtex', via: 'citations' },
  { id: 'ris', ext: 'ris', type: 'application/x-research-info-systems', via: 'citations' },
  { id: 'csl-json', ext: 'csl.json', type: 'application/vnd.citationstyles.csl+json', via: 'citations' },
] as const;
type Format = (typeof FORMATS)[number];

interface Props {
  ids: number[];
  /** Where the ids come from: ticked rows, or a search's results (all of them found, or the first shown). */
  source: 'ticked' | 'results';
  onChanged: () => void;
}

export function SelectionMenu({ ids, source, onChanged }: Props) {
  const { t } = useT('layout');
  const { t: tb } = useT('batch');
  const { open, setOpen, panelId, root, onKeyDown } = usePopover();
  const [dialog, setDialog] = useState<'cite' | 'batch' | null>(null);
  const [notice, setNotice] = useNoticeUntilUndone();
  const [error, setError] = useState('');
  const count = ids.length;

  useEffect(() => {
    const show = () => {
      setOpen(true);
      requestAnimationFrame(() => root.current?.querySelector<HTMLButtonElement>('.menu-panel button')?.focus());
    };
    return onSelectionMenu(show);
  }, [root, setOpen]);

  const say = (text: string, failure = '') => {
    setNotice(text);
    setError(failure);
  };
  const exportAs = async (format: Format) => {
    setOpen(false);
    const result =
      format.via === 'records'
        ? await archive.exportRecords({ ids, format: format.id })
        : await archive.exportCitations({ ids, format: format.id });
    if (!result.ok) return say('', errorWords(result.error));
    saveText(`records.${format.ext}`, result.value.content, format.type);
    say(t('selection.exported', { count: result.value.count, format: t(`selection.formats.${format.id}`) }));
  };
  const choose = (next: 'cite' | 'batch') => {
    setOpen(false);
    say('');
    setDialog(next);
  };

  return (
    // Escape closes the menu from wherever focus is inside it.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="selection-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="selection-button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={count === 0}
        onClick={() => setOpen(!open)}
      >
        {source === 'ticked' ? t('selection.ticked', { count }) : t('selection.results', { count })}
      </button>
      {open ? (
        <div id={panelId} className="menu-panel" role="group" aria-label={t('selection.label', { count })}>
          <button type="button" onClick={() => choose('cite')}>
            {t('selection.cite', { count })}
          </button>
          {FORMATS.map((f) => (
            <button key={f.id} type="button" onClick={() => void exportAs(f)}>
              {t('selection.export', { count, format: t(`selection.formats.${f.id}`) })}
            </button>
          ))}
          <button type="button" onClick={() => choose('batch')}>
            {tb('action', { count })}
          </button>
        </div>
      ) : null}
      <Message text={error || notice} tone={error ? 'error' : 'passing'} onGone={() => say('')} />
      <CiteDialog ids={dialog === 'cite' ? ids : []} open={dialog === 'cite'} onClose={() => setDialog(null)} />
      <BatchDialog
        open={dialog === 'batch'}
        ids={ids}
        onClose={() => setDialog(null)}
        onApplied={(changed) => {
          setDialog(null);
          say(tb('applied', { count: changed }));
          onChanged();
        }}
      />
    </div>
  );
}
