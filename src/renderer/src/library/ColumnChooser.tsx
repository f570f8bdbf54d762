/** A "Columns" button opening a short list of checkboxes: which columns the list shows. */
import { usePopover } from '../common/usePopover';
import { useT } from '../i18n/i18n';
import { COLUMN_IDS, type ColumnId } from './columns';

export function ColumnChooser({
  columns,
  onToggle,
}: {
  columns: readonly ColumnId[];
  onToggle: (id: ColumnId) => void;
}) {
  const { t } = useT('library');
  // Closes on Escape or a click elsewhere, like any menu.
  const { open, setOpen, panelId, root, onKeyDown } = usePopover();

  return (
    // Escape closes the menu from wherever focus is inside it (the keys reach this wrapper).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="column-chooser" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t('chooser.button')}
      </button>
      {open ? (
        <fieldset id={panelId} className="column-panel">
          <legend>{t('chooser.legend')}</legend>
          {COLUMN_IDS.map((id) => (
            <label key={id} title={id === 'title' ? t('chooser.titleAlways') : undefined}>
              <input
                type="checkbox"
                checked={columns.includes(id)}
                disabled={id === 'title'}
                onChange={() => onToggle(id)}
              />{' '}
              {t(`columns.${id}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
