/** A "Columns" button opening a short list of checkboxes: which columns the list shows. */
import { useEffect, useId, useRef, useState } from 'react';
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
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  // Closes on Escape or a click elsewhere, like any menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  return (
    // Escape closes the menu from wherever focus is inside it (the keys reach this wrapper).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className="column-chooser"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector('button')?.focus();
        }
      }}
    >
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
