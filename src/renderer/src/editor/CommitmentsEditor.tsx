import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../shared/model';
import { COMMITMENT_STATUS_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { errorAt, type FieldErrors } from './errors';
import { FieldError } from '../common/FormField';
import { fieldId } from './Field';
import { commitmentKey, type CommitmentDraft } from './form';

interface Props {
  commitments: CommitmentDraft[];
  errors: FieldErrors;
  onChange: (commitments: CommitmentDraft[]) => void;
}

/** An agreement's commitments: text and status per row, added and removed in place. */
export function CommitmentsEditor({ commitments, errors, onChange }: Props) {
  const { t } = useT('editor');
  const update = (i: number, change: Partial<CommitmentDraft>) =>
    onChange(commitments.map((c, j) => (j === i ? { ...c, ...change } : c)));
  return (
    <fieldset className="subfieldset">
      <legend>{t('commitments.title')}</legend>
      <FieldError id={`${fieldId('commitments')}-error`} message={errors['commitments']} />
      {commitments.length === 0 ? <p className="muted">{t('commitments.none')}</p> : null}
      <ol className="commitment-rows">
        {commitments.map((c, i) => {
          const n = i + 1;
          const textId = fieldId(`commitments.${i}.text`);
          const error = errorAt(errors, `commitments.${i}`);
          return (
            <li key={c.key} className={error ? 'has-error' : undefined}>
              <label htmlFor={textId}>{t('commitments.label', { n })}</label>
              <textarea
                id={textId}
                rows={2}
                value={c.text}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${textId}-error` : undefined}
                onChange={(e) => update(i, { text: e.target.value })}
              />
              <div className="row-controls">
                <label htmlFor={fieldId(`commitments.${i}.status`)} className="visually-hidden">
                  {t('commitments.status', { n })}
                </label>
                <select
                  id={fieldId(`commitments.${i}.status`)}
                  value={c.status}
                  onChange={(e) => update(i, { status: e.target.value as CommitmentStatus })}
                >
                  {COMMITMENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {COMMITMENT_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="danger-quiet"
                  aria-label={t('commitments.removeLabel', { n })}
                  onClick={() => onChange(commitments.filter((_, j) => j !== i))}
                >
                  {t('commitments.remove')}
                </button>
              </div>
              <FieldError id={`${textId}-error`} message={error} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => onChange([...commitments, { key: commitmentKey(), text: '', status: 'unknown' }])}
      >
        {t('commitments.add')}
      </button>
    </fieldset>
  );
}
