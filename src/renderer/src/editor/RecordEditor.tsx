import { useEffect, useRef, useState } from 'react';
import type { RecordType, RecordView } from '../../../shared/model';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import type { FieldErrors } from './errors';
import { fieldId } from './Field';
import { emptyForm, formFromRecord, type RecordForm } from './form';
import { RecordFormFields } from './RecordForm';
import { showsField } from './shownFields';
import { useDiscardGuard } from './useDiscardGuard';
import { useRecordSave } from './useRecordSave';

interface Props {
  /** The record to edit, or null to create one. */
  id: number | null;
  initialType?: RecordType;
  onSaved: (record: RecordView) => void;
  onCancel: () => void;
}

/**
 * Create or edit a record (saving: useRecordSave). Cancel, Escape or going elsewhere asks before
 * typing is thrown away (useDiscardGuard); a form left as it was opened closes at once.
 */
export function RecordEditor({ id, initialType, onSaved, onCancel }: Props) {
  const { t } = useT('editor');
  const [reloads, setReloads] = useState(0);
  const loaded = useResult(() => (id === null ? null : archive.getRecord({ id })), [id, reloads]);
  const collections = useResult(() => archive.listCollections({}), []);
  const [opened, setOpened] = useState<RecordForm | null>(id === null ? emptyForm(initialType) : null);
  const [form, setForm] = useState<RecordForm | null>(opened);
  const [base, setBase] = useState<RecordView | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const collectionList = collections.value ?? [];
  const dirty = form !== opened && JSON.stringify(form) !== JSON.stringify(opened);
  const guard = useDiscardGuard(dirty);

  const focusFirstError = (found: FieldErrors) => {
    requestAnimationFrame(() => {
      const first = Object.keys(found).find((k) => k !== '' && form && showsField(form, collectionList, k));
      const target = first
        ? (document.getElementById(fieldId(first)) ?? document.getElementById(fieldId(first.split('.')[0] ?? '')))
        : null;
      (target ?? summary.current)?.focus();
    });
  };
  const { errors, setErrors, saving, save } = useRecordSave({
    id,
    form,
    base,
    onProblems: focusFirstError,
    onSaved: (r) => {
      guard.release();
      onSaved(r);
    },
  });

  useEffect(() => {
    if (loaded.value && loaded.value.id === id) {
      const fresh = formFromRecord(loaded.value);
      setOpened(fresh);
      setForm(fresh);
      setBase(loaded.value);
      setErrors({});
    }
  }, [loaded.value, id, setErrors]);

  const cancel = () => guard.ask(onCancel);
  const cancelRef = useRef(cancel);
  cancelRef.current = cancel;
  // Escape leaves the form, unless something inside it (an open list of names) used the key
  // already: listened for on the document, so after React's own handlers have had their say.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (!(e.target instanceof Node) || !formRef.current?.contains(e.target)) return;
      e.preventDefault();
      cancelRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (id !== null && !form) {
    return (
      <section className="record-pane">
        <ErrorText error={loaded.error} prefix={t('loadFailed')} />
        {loaded.loading ? <p className="muted">{t('loading')}</p> : null}
      </section>
    );
  }
  if (!form) return null;

  const errorCount = Object.keys(errors).length;
  const unplaced = Object.entries(errors).filter(([field]) => field === '' || !showsField(form, collectionList, field));
  const conflict = errors['expectedRevision'] !== undefined;

  return (
    <section className="record-pane editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{id === null ? t('newRecord') : t('editing', { title: base?.title ?? '' })}</h2>
      <form ref={formRef} noValidate onSubmit={(e) => void save(e)}>
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
          <button type="button" onClick={cancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
      {guard.dialog}
    </section>
  );
}
