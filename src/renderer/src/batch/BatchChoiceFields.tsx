/** The batch change as the archivist chooses it: the operation, then its tag, collection or field and value. */
import { ACCESS_STATUSES, AGREEMENT_KINDS, MEDIA } from '../../../shared/model';
import { CollectionSelect } from '../collections/CollectionSelect';
import { FormField } from '../common/FormField';
import { TagNameInput } from '../common/TagNameInput';
import { ACCESS_LABELS, AGREEMENT_KIND_LABELS, MEDIUM_LABELS } from '../common/labels';
import { DateField } from '../editor/DateField';
import { useT } from '../i18n/i18n';
import { defaultValue, SETTABLE, type BatchChoice, type Settable } from './operation';

interface Props {
  choice: BatchChoice;
  onChange: (change: Partial<BatchChoice>) => void;
}

const OPERATIONS = ['addTag', 'removeTag', 'setCollection', 'setField'] as const;

export function BatchChoiceFields({ choice, onChange }: Props) {
  const { t } = useT('batch');
  return (
    <>
      <fieldset className="batch-operations">
        <legend>{t('operation')}</legend>
        {OPERATIONS.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="batch-operation"
              value={kind}
              checked={choice.kind === kind}
              onChange={() => onChange({ kind })}
            />{' '}
            {t(`operations.${kind}`)}
          </label>
        ))}
      </fieldset>
      {choice.kind === 'addTag' || choice.kind === 'removeTag' ? (
        <FormField id="batch-tag" label={t('tag')}>
          {(control) => (
            <TagNameInput
              control={control}
              listId="batch-tags"
              value={choice.tag}
              onChange={(tag) => onChange({ tag })}
            />
          )}
        </FormField>
      ) : choice.kind === 'setCollection' ? (
        <FormField id="batch-collection" label={t('collection')}>
          {(control) => (
            <CollectionSelect
              control={control}
              value={choice.collectionId}
              onChange={(collectionId) => onChange({ collectionId })}
              noneLabel={t('noCollection')}
            />
          )}
        </FormField>
      ) : (
        <div className="field-row">
          <FormField id="batch-field" label={t('field')}>
            {(control) => (
              <select
                {...control}
                value={choice.field}
                onChange={(e) =>
                  onChange({ field: e.target.value as Settable, value: defaultValue(e.target.value as Settable) })
                }
              >
                {SETTABLE.map((f) => (
                  <option key={f} value={f}>
                    {t(`fields.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <ValueField field={choice.field} value={choice.value} onChange={(value) => onChange({ value })} />
        </div>
      )}
    </>
  );
}

/** The new value for a field: a choice for the fields that have a fixed set, a date, or text. */
function ValueField({ field, value, onChange }: { field: Settable; value: string; onChange: (value: string) => void }) {
  const { t } = useT('batch');
  const select = (options: readonly (readonly [string, string])[]) => (
    <FormField id="batch-value" label={t('value')}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  switch (field) {
    case 'accessStatus':
      return select(ACCESS_STATUSES.map((s) => [s, ACCESS_LABELS[s]] as const));
    case 'medium':
      return select([['', t('notStated')] as const, ...MEDIA.map((m) => [m, MEDIUM_LABELS[m]] as const)]);
    case 'agreementKind':
      return select([
        ['', t('notStated')] as const,
        ...AGREEMENT_KINDS.map((k) => [k, AGREEMENT_KIND_LABELS[k]] as const),
      ]);
    case 'date':
      return <DateField name="batch-date" label={t('value')} value={value} onChange={onChange} />;
    default:
      return (
        <FormField
          id="batch-value"
          label={t('value')}
          hint={field === 'languages' ? t('languagesHint') : t('clearHint')}
        >
          {(control) => <input {...control} type="text" value={value} onChange={(e) => onChange(e.target.value)} />}
        </FormField>
      );
  }
}
