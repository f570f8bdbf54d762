/**
 * Saving the editor's form. The form is checked against the contract's own schema first (so every
 * problem shows at once, beside its field), then the service has the last word (unique reference
 * codes, links, edits made elsewhere in the meantime). A saved change can be undone — a creation
 * or an edit together with the people and bodies the form created for it.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { RecordView } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { archive } from '../archive';
import { contractSchemas } from '../common/contractSchemas';
import { useT } from '../i18n/i18n';
import { createCommand, editCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';
import { dateProblemText } from './date-messages';
import { fieldErrorsFromService, fieldErrorsFromZod, type FieldErrors } from './errors';
import { formLinkPath, toCreateInput, toUpdateInput, type DateProblems, type RecordForm } from './form';

interface Saving {
  id: number | null;
  form: RecordForm | null;
  base: RecordView | null;
  onSaved: (record: RecordView) => void;
  /** Problems found: put the focus on the first. */
  onProblems: (errors: FieldErrors) => void;
}

/** Error paths as the form shows them (a new link's error beside that link). */
function inForm(form: RecordForm, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [formLinkPath(form, k), v]));
}

export function useRecordSave({ id, form, base, onSaved, onProblems }: Saving) {
  const { t } = useT('editor');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);

  const refuse = (found: FieldErrors) => {
    setErrors(found);
    onProblems(found);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    // Set at once, not through state: the schemas may still be loading when a second Enter comes.
    if (!form || busy.current) return;
    busy.current = true;
    try {
      await saveForm(form);
    } finally {
      busy.current = false;
    }
  };

  const saveForm = async (form: RecordForm) => {
    const editing = id !== null && base !== null;
    const problems: DateProblems = {};
    const input = editing ? toUpdateInput(form, id, base.revision, problems) : toCreateInput(form, problems);
    const contract = await contractSchemas();
    const local = (editing ? contract.updateRecord.input : contract.createRecord.input).safeParse(input);
    const found: FieldErrors = local.success ? {} : inForm(form, fieldErrorsFromZod(local.error));
    for (const [field, problem] of Object.entries(problems)) found[field] = dateProblemText(t, problem);
    if (Object.keys(found).length > 0) return refuse(found);
    setSaving(true);
    const result: Result<RecordView> = editing
      ? await archive.updateRecord(toUpdateInput(form, id, base.revision))
      : await archive.createRecord(toCreateInput(form));
    setSaving(false);
    if (!result.ok) return refuse(inForm(form, fieldErrorsFromService(result.error)));
    setErrors({});
    // The people and bodies this save created: linked now, but not by any link the form already knew.
    const known = new Set(form.links.map((l) => l.authorityId));
    const created = result.value.links.map((l) => l.authorityId).filter((a) => !known.has(a));
    if (editing) {
      if (result.value.revision !== base.revision) recordUndo(editCommand(base, result.value, created));
    } else {
      recordUndo(createCommand(result.value, created));
    }
    onSaved(result.value);
  };

  return { errors, setErrors, saving, save };
}
