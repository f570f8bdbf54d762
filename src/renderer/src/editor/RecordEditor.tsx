import { useEffect, useRef, useState, type FormEvent } from 'react';
import { contract } from '../../../shared/contract';
import type { RecordType, RecordView } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { fieldErrorsFromService, fieldErrorsFromZod, type FieldErrors } from './errors';
import { fieldId } from './Field';
import { emptyForm, formFromRecord, toCreateInput, toUpdateInput, type RecordForm } from './form';
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
 * codes, links, edits made elsewhere in the meantime).
 */
export function RecordEditor({ id, initialType, onSaved, onCancel }: Props) {
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
      const target = first ? document.getElementById(fieldId(first)) ?? document.getElementById(fieldId(first.split('.')[0] ?? '')) : null;
      (target ?? summary.current)?.focus();
    });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form || saving) return;
    const editing = id !== null && base !== null;
    const input = editing ? toUpdateInput(form, id, base.revision) : toCreateInput(form);
    const local = (editing ? contract.updateRecord.input : contract.createRecord.input).safeParse(input);
    if (!local.success) {
      const found = fieldErrorsFromZod(local.error);
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
      onSaved(result.value);
    } else {
      const found = fieldErrorsFromService(result.error);
      setErrors(found);
      focusFirstError(found);
    }
  };

  if (id !== null && !form) {
    return (
      <section className="record-pane">
        <ErrorText error={loaded.error} prefix="The record could not be loaded" />
        {loaded.loading ? <p className="muted">Loading…</p> : null}
      </section>
    );
  }
  if (!form) return null;

  const unplaced = Object.entries(errors).filter(([field]) => field === '' || !showsField(form, collectionList, field));
  const conflict = errors['expectedRevision'] !== undefined;

  return (
    <section className="record-pane editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{id === null ? 'New record' : `Edit: ${base?.title ?? ''}`}</h2>
      <form noValidate onSubmit={(e) => void save(e)}>
        <div ref={summary} tabIndex={-1} className="form-summary">
          {errorCount > 0 ? (
            <div className="error" role="alert">
              <p>
                Not saved: {errorCount === 1 ? 'one thing needs' : `${errorCount} things need`} correcting
                {unplaced.length < errorCount ? ' (marked below)' : ''}.
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
                  Discard my changes and load the current version
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
            {saving ? 'Saving…' : id === null ? 'Create record' : 'Save changes'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
