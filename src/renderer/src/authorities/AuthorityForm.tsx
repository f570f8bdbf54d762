/**
 * Editing an authority record: its name (with possible duplicates of it), other names (any script),
 * description, date (an event's, or a partnership's start; partial or a range), an event's place. Undoable.
 */
import { useState, type FormEvent } from 'react';
import type { AuthorityView } from '../../../shared/model';
import { parseDateEntry, dateEntryText } from '../../../shared/partial-date';
import { archive } from '../archive';
import { contractSchemas } from '../common/contractSchemas';
import { AuthorityCombobox, type PickedAuthority } from '../editor/AuthorityCombobox';
import { dateProblemText } from '../editor/date-messages';
import { DateField } from '../editor/DateField';
import { errorAt, fieldErrorsFromService, fieldErrorsFromZod, type FieldErrors } from '../editor/errors';
import { FieldError } from '../common/FormField';
import { TextField } from '../editor/Field';
import { useT } from '../i18n/i18n';
import { authorityEditCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';
import { altNamesText, parseAltNames } from './altNames';
import { SimilarNames } from './SimilarNames';

interface Props {
  authority: AuthorityView;
  onSaved: (after: AuthorityView) => void;
  onCancel: () => void;
}

export function AuthorityForm({ authority: a, onSaved, onCancel }: Props) {
  const { t } = useT('authorities');
  const { t: te } = useT('editor');
  const [name, setName] = useState(a.name);
  const [altNames, setAltNames] = useState(altNamesText(a.altNames));
  const [description, setDescription] = useState(a.description ?? '');
  const [date, setDate] = useState(dateEntryText(a.date, a.dateEnd));
  const [place, setPlace] = useState<PickedAuthority | null>(
    a.place ? { id: a.place.id, name: a.place.name, kind: 'place' } : null,
  );
  const [placeText, setPlaceText] = useState(a.place?.name ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    // Dates of authorities have no "approximate" flag: "c. 1988" is refused here rather than silently made exact.
    const when = parseDateEntry(date, { approximate: false });
    if (!when.ok) {
      setErrors({ date: dateProblemText(te, when.problem) });
      return;
    }
    // A typed place must be one chosen from the list: an event's place is a place record, not text.
    const typed = placeText.trim();
    if (a.kind === 'event' && typed !== '' && place?.name !== typed) {
      setErrors({ placeId: t('form.choosePlace') });
      return;
    }
    const input = {
      id: a.id,
      patch: {
        name,
        altNames: parseAltNames(altNames),
        description,
        date: when.value?.date ?? null,
        dateEnd: when.value?.dateEnd ?? null,
        ...(a.kind === 'event' ? { placeId: typed === '' ? null : (place?.id ?? null) } : {}),
      },
    };
    // The contract's own check first, as the record editor does, so its problems are worded here.
    const local = (await contractSchemas()).updateAuthority.input.safeParse(input);
    if (!local.success) {
      setErrors(fieldErrorsFromZod(local.error));
      return;
    }
    setSaving(true);
    const result = await archive.updateAuthority(input);
    setSaving(false);
    if (!result.ok) {
      setErrors(fieldErrorsFromService(result.error));
      return;
    }
    if (result.value.updatedAt !== a.updatedAt) recordUndo(authorityEditCommand(a, result.value));
    onSaved(result.value);
  };

  return (
    <form className="authority-form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="authority-form-heading">
      <h3 id="authority-form-heading">{t('form.heading', { name: a.name })}</h3>
      {errors[''] ? (
        <p className="error" role="alert">
          {t('form.notSaved')}: {errors['']}
        </p>
      ) : null}
      <TextField
        name="authority-name"
        label={t('form.name')}
        value={name}
        required
        error={errorAt(errors, 'name')}
        onChange={setName}
      />
      <SimilarNames id="authority-name-similar" name={name} kind={a.kind} excludeId={a.id} saved={a.name} />
      <TextField
        name="authority-altNames"
        label={t('form.altNames')}
        hint={t('form.altNamesHint')}
        multiline
        rows={3}
        value={altNames}
        error={errorAt(errors, 'altNames')}
        onChange={setAltNames}
      />
      <TextField
        name="authority-description"
        label={t('form.description')}
        multiline
        rows={3}
        value={description}
        error={errorAt(errors, 'description')}
        onChange={setDescription}
      />
      <DateField
        name="authority-date"
        label={a.kind === 'partnership' ? t('form.dateSince') : t('form.date')}
        exact
        value={date}
        error={errorAt(errors, 'date') ?? errorAt(errors, 'dateEnd')}
        onChange={setDate}
      />
      {a.kind === 'event' ? (
        <div className="form-field">
          <AuthorityCombobox
            label={t('form.place')}
            kinds={['place']}
            text={{ value: placeText, onChange: setPlaceText }}
            onPick={(p) => setPlace(p)}
            invalid={Boolean(errorAt(errors, 'placeId'))}
          />
          <FieldError id="authority-place-error" message={errorAt(errors, 'placeId')} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('form.saving') : t('form.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
