/** The shortcut list (`?`): every shortcut, grouped, with its keys as printed on this computer's keyboard. */
import { Fragment } from 'react';
import { Modal } from '../common/Modal';
import { useT } from '../i18n/i18n';
import { availableOn, chordKeys, SHORTCUTS, type ShortcutGroup } from './shortcuts';

const GROUPS: ShortcutGroup[] = ['records', 'navigation', 'editing', 'app'];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT('keyboard');
  const { t: tc } = useT('common');
  return (
    <Modal open={open} labelledBy="shortcuts-title" className="shortcuts-dialog" onClose={onClose}>
      <h2 id="shortcuts-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {GROUPS.map((group) => (
        <table key={group} className="shortcuts">
          <caption>{t(`groups.${group}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('keys')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <tr key={s.id}>
                <td>{t(`actions.${s.id}`)}</td>
                <td>
                  {s.chords
                    .filter((c) => availableOn(c))
                    .map((chord, i) => (
                      <Fragment key={i}>
                        {i > 0 ? <span className="muted"> {t('or')} </span> : null}
                        <kbd>
                          {chordKeys(chord).map((k, j) => (
                            <Fragment key={j}>
                              {j > 0 ? '+' : null}
                              <kbd>{k}</kbd>
                            </Fragment>
                          ))}
                        </kbd>
                      </Fragment>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div className="actions">
        <button type="button" autoFocus onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </Modal>
  );
}
