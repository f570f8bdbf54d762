/**
 * The record editor's single fields: a text field of the form (labelled for the record's type —
 * an agreement's "Title" may read differently from a photograph's), and each detail field a type's
 * layout places (layout.ts), the place of signing with its link included.
 */
import { AGREEMENT_KINDS, MEDIA, type AgreementKind, type Medium, type RecordType } from '../../../shared/model';
import { FieldError } from '../common/FormField';
import { AGREEMENT_KIND_LABELS, MEDIUM_LABELS } from '../common/labels';
import { currentLanguage, useT } from '../i18n/i18n';
import { resources } from '../i18n/resources';
import { AuthorityCombobox } from './AuthorityCombobox';
import { CommitmentsEditor } from './CommitmentsEditor';
import { DateField } from './DateField';
import { errorAt, type FieldErrors } from './errors';
import { fieldId, SelectField, TextField } from './Field';
import type { RecordForm } from './form';
import type { DetailField } from './layout';

export type Labelled = keyof (typeof resources)['en']['editor']['fields'];

/** A field's label as this type of record calls it. */
export function labelFor(type: RecordType, name: Labelled): string {
  const labels = resources[currentLanguage()].editor;
  return (labels.byType[type] as Partial<Record<string, string>>)[name] ?? labels.fields[name];
}

function fieldHint(name: string): string | undefined {
  return (resources[currentLanguage()].editor.hints as Partial<Record<string, string>>)[name];
}

/** The date's own errors, and the service's about its end or its "approximate" flag, all belong beside the one date box. */
function dateError(errors: FieldErrors): string | undefined {
  return errorAt(errors, 'date') ?? errorAt(errors, 'dateEnd') ?? errorAt(errors, 'dateApproximate');
}

interface PartProps {
  form: RecordForm;
  errors: FieldErrors;
  onChange: (change: Partial<RecordForm>) => void;
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

/**
 * Where an agreement was signed: text, or a place chosen from the authorities — which is then
 * linked too, so its page lists the agreements signed there. The combobox carries its own label;
 * the hint and error are tied to it as on every other form row.
 */
function PlaceSigned({ form, errors, onChange }: PartProps) {
  const { t } = useT('editor');
  const id = fieldId('placeSigned');
  const error = errorAt(errors, 'placeSigned');
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <AuthorityCombobox
        inputId={id}
        label={labelFor(form.type, 'placeSigned')}
        kinds={['place']}
        text={{ value: form.placeSigned, onChange: (placeSigned) => onChange({ placeSigned }) }}
        describedBy={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        invalid={Boolean(error)}
        onPick={(place) => {
          const linked = form.links.some((l) => l.authorityId === place.id);
          onChange({
            placeSigned: place.name,
            ...(linked
              ? {}
              : {
                  links: [
                    ...form.links,
                    {
                      authorityId: place.id,
                      name: place.name,
                      kind: place.kind,
                      role: 'mentioned',
                      note: t('placeSignedNote'),
                    },
                  ],
                }),
          });
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {fieldHint('placeSigned')}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
