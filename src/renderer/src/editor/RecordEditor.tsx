import { useEffect, useRef, useState, type FormEvent } from 'react';
import { contract } from '../../../shared/contract';
import type { RecordType, RecordView } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { createCommand, editCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';
import { dateProblemText } from './date-messages';
import { fieldErrorsFromService, fieldErrorsFromZod, type FieldErrors } from './errors';
import { zodIssueText } from './zod-messages';
import { fieldId } from './Field';
import { emptyForm, formFromRecord, toCreateInput, toUpdateInput, type DateProblems, type RecordForm } from './form';
import { RecordFormFields, showsField } from './RecordForm';

interface Props {
  /** The record to edit, or null to create one. */
  id: number | null;
  initialType?: RecordType;
  onSaved: (record: RecordView) => void;
  onCancel: () => void;
}

/**
 * Create or edit a record. The form is checked against the contract's own schema first (so every
 * problem shows at once, beside its field), then the service has the last word (unique reference
 * codes, links, edits made elsewhere in the meantime). A saved change can be undone.
 */
export function RecordEditor({ id, initialType, onSaved, onCancel }: Props) {
  const { t } = useT('editor');
  const [reloads, setReloads] = useState(0);
  const loaded = useResult(() => (id === null ? null : archive.getRecord({ id })), [id, reloads]);
  const collections = useResult(() => archive.listCollections({}), []);
  const [form, setForm] = useState<RecordForm | null>(id === null ? emptyForm(initialType) : null);
  const [base, setBase] = useState<RecordView | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (loaded.value && loaded.value.id === id) {
      setForm(formFromRecord(loaded.value));
      setBase(loaded.value);
      setErrors({});
    }
  }, [loaded.value, id]);

  const collectionList = collections.value ?? [];
  const errorCount = Object.keys(errors).length;

  const focusFirstError = (found: FieldErrors) => {
    requestAnimationFrame(() => {
      const first = Object.keys(found).find((k) => k !== '' && form && showsField(form, collectionList, k));
      const target = first
        ? (document.getElementById(fieldId(first)) ?? document.getElementById(fieldId(first.split('.')[0] ?? '')))
        : null;
      (target ?? summary.current)?.focus();
    });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || saving) return;
    const editing = id !== null && base !== null;
    const problems: DateProblems = {};
    const input = editing ? toUpdateInput(form, id, base.revision, problems) : toCreateInput(form, problems);
    const local = (editing ? contract.updateRecord.input : contract.createRecord.input).safeParse(input);
    const found: FieldErrors = local.success ? {} : fieldErrorsFromZod(local.error, (i) => zodIssueText(t, i));
    for (const [field, problem] of Object.entries(problems)) found[field] = dateProblemText(t, problem);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    setSaving(true);
    const result: Result<RecordView> = editing
      ? await archive.updateRecord(toUpdateInput(form, id, base.revision))
      : await archive.createRecord(toCreateInput(form));
    setSaving(false);
    if (result.ok) {
      setErrors({});
      if (editing) {
        if (result.value.revision !== base.revision) recordUndo(editCommand(base, result.value));
      } else {
        recordUndo(createCommand(result.value));
      }
      onSaved(result.value);
    } else {
      const fromService = fieldErrorsFromService(result.error);
      setErrors(fromService);
      focusFirstError(fromService);
    }
  };

  if (id !== null && !form) {
    return (
      <section className="record-pane">
        <ErrorText error={loaded.error} prefix={t('loadFailed')} />
        {loaded.loading ? <p className="muted">{t('loading')}</p> : null}
      </section>
    );
  }
  if (!form) return null;

  const unplaced = Object.entries(errors).filter(([field]) => field === '' || !showsField(form, collectionList, field));
  const conflict = errors['expectedRevision'] !== undefined;

  return (
    <section className="record-pane editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{id === null ? t('newRecord') : t('editing', { title: base?.title ?? '' })}</h2>
      <form noValidate onSubmit={(e) => void save(e)}>
        <div ref={summary} tabIndex={-1} className="form-summary">
          {errorCount > 0 ? (
            <div className="error" role="alert">
              <p>
                {t('notSaved', { count: errorCount })}
                {unplaced.length < errorCount ? t('markedBelow') : ''}.
              </p>
              {unplaced.length > 0 ? (
                <ul>
                  {unplaced.map(([field, message]) => (
                    <li key={field}>{message}</li>
                  ))}
                </ul>
              ) : null}
              {conflict && id !== null ? (
                <button type="button" onClick={() => setReloads((n) => n + 1)}>
                  {t('reload')}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
        <RecordFormFields
          form={form}
          errors={errors}
          collections={collectionList}
          onChange={(change) => setForm((f) => (f ? { ...f, ...change } : f))}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('saving') : id === null ? t('create') : t('save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
