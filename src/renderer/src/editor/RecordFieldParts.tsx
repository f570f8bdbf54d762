/**
 * The record editor's single fields: a text field of the form (labelled for the record's type —
 * an agreement's "Title" may read differently from a photograph's), and each detail field a type's
 * layout places (layout.ts); the place of signing is PlaceSigned.tsx.
 */
import { AGREEMENT_KINDS, MEDIA, type AgreementKind, type Medium } from '../../../shared/model';
import { AGREEMENT_KIND_LABELS, MEDIUM_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { CommitmentsEditor } from './CommitmentsEditor';
import { DateField } from './DateField';
import { errorAt, type FieldErrors } from './errors';
import { SelectField, TextField } from './Field';
import type { RecordForm } from './form';
import { fieldHint, labelFor, type Labelled, type PartProps } from './fieldLabels';
import type { DetailField } from './layout';
import { PlaceSigned } from './PlaceSigned';

/** The date's own errors, and the service's about its end or its "approximate" flag, all belong beside the one date box. */
function dateError(errors: FieldErrors): string | undefined {
  return errorAt(errors, 'date') ?? errorAt(errors, 'dateEnd') ?? errorAt(errors, 'dateApproximate');
}

type TextExtra = Pick<
  Parameters<typeof TextField>[0],
  'multiline' | 'rows' | 'required' | 'lang' | 'inputMode' | 'className'
>;

export function RecordText({
  name,
  form,
  errors,
  onChange,
  ...extra
}: PartProps & TextExtra & { name: Labelled & keyof RecordForm }) {
  return (
    <TextField
      name={name}
      label={labelFor(form.type, name)}
      value={String(form[name] ?? '')}
      error={errorAt(errors, name)}
      hint={fieldHint(name)}
      onChange={(value) => onChange({ [name]: value })}
      {...extra}
    />
  );
}

export function RecordDetail({ field, form, errors, onChange }: PartProps & { field: DetailField }) {
  const { t } = useT('editor');
  const label = (name: Labelled) => labelFor(form.type, name);
  switch (field) {
    case 'date':
      return (
        <DateField
          name="date"
          label={label('date')}
          value={form.date}
          error={dateError(errors)}
          onChange={(date) => onChange({ date })}
        />
      );
    case 'dateSigned':
      return (
        <DateField
          name="dateSigned"
          label={label('dateSigned')}
          single
          value={form.dateSigned}
          error={errorAt(errors, 'dateSigned')}
          onChange={(dateSigned) => onChange({ dateSigned })}
        />
      );
    case 'placeSigned':
      return <PlaceSigned form={form} errors={errors} onChange={onChange} />;
    case 'medium':
      return (
        <SelectField
          name="medium"
          label={label('medium')}
          value={form.medium}
          options={
            [['', t('notStated')] as const, ...MEDIA.map((m) => [m, MEDIUM_LABELS[m]] as const)] as readonly (readonly [
              Medium | '',
              string,
            ])[]
          }
          error={errorAt(errors, 'medium')}
          onChange={(medium) => onChange({ medium })}
        />
      );
    case 'agreementKind':
      return (
        <SelectField
          name="agreementKind"
          label={label('agreementKind')}
          value={form.agreementKind}
          options={
            [
              ['', t('notStated')] as const,
              ...AGREEMENT_KINDS.map((k) => [k, AGREEMENT_KIND_LABELS[k]] as const),
            ] as readonly (readonly [AgreementKind | '', string])[]
          }
          error={errorAt(errors, 'agreementKind')}
          onChange={(agreementKind) => onChange({ agreementKind })}
        />
      );
    case 'commitments':
      return (
        <CommitmentsEditor
          commitments={form.commitments}
          errors={errors}
          onChange={(commitments) => onChange({ commitments })}
        />
      );
    case 'bodyText':
      return <RecordText name="bodyText" form={form} errors={errors} onChange={onChange} multiline rows={6} />;
    case 'url':
      return <RecordText name="url" form={form} errors={errors} onChange={onChange} inputMode="url" />;
    default:
      return <RecordText name={field} form={form} errors={errors} onChange={onChange} />;
  }
}
