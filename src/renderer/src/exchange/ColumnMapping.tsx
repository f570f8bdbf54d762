/** A CSV's columns and the record field each one fills (or "ignore"), with saved mappings to reuse and save. */
import { FormField } from '../common/FormField';
import { useT } from '../i18n/i18n';

/** CSV header → record field name, or 'ignore'. */
export type Mapping = Record<string, string>;

interface Props {
  columns: { headers: string[]; fields: string[] };
  mapping: Mapping;
  saved: { name: string; mapping: Mapping }[];
  onMapping: (mapping: Mapping) => void;
  onSave: () => void;
}

export function ColumnMapping({ columns, mapping, saved, onMapping, onSave }: Props) {
  const { t } = useT('cite');
  return (
    <fieldset>
      <legend>{t('import.columns')}</legend>
      {saved.length > 0 ? (
        <FormField id="import-saved-mapping" label={t('import.savedMapping')} inline>
          {(control) => (
            <select
              {...control}
              defaultValue=""
              onChange={(e) =>
                onMapping({ ...mapping, ...(saved.find((m) => m.name === e.target.value)?.mapping ?? {}) })
              }
            >
              <option value="">—</option>
              {saved.map((m) => (
                <option key={m.name}>{m.name}</option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {columns.headers.map((h, i) => (
        <FormField key={h} id={`map-${i}`} label={h} inline>
          {(control) => (
            <select
              {...control}
              value={mapping[h] ?? 'ignore'}
              onChange={(e) => onMapping({ ...mapping, [h]: e.target.value })}
            >
              <option value="ignore">{t('import.ignore')}</option>
              {columns.fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ))}
      <button type="button" className="quiet" onClick={onSave}>
        {t('import.saveMapping')}
      </button>
    </fieldset>
  );
}
