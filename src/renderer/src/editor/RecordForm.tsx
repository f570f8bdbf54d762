/**
 * The fields of the record editor, grouped as an archivist reads a description: who and what it
 * is, the details that matter for its type (layout.ts: an agreement's parties, signatories,
 * signing and commitments; media coverage's outlet, programme, medium and duration…), its
 * description, its other links and its archival description.
 */
import {
  ACCESS_STATUSES,
  AGREEMENT_KINDS,
  MEDIA,
  RECORD_TYPES,
  type AgreementKind,
  type CollectionView,
  type Medium,
} from '../../../shared/model';
import { ACCESS_LABELS, AGREEMENT_KIND_LABELS, MEDIUM_LABELS, RECORD_TYPE_LABELS } from '../common/labels';
import { currentLanguage, useT } from '../i18n/i18n';
import { resources } from '../i18n/resources';
import { AuthorityCombobox } from './AuthorityCombobox';
import { CommitmentsEditor } from './CommitmentsEditor';
import { DateField } from './DateField';
import { errorAt, type FieldErrors } from './errors';
import { FieldError } from '../common/FormField';
import { fieldId, SelectField, TextField } from './Field';
import type { RecordForm } from './form';
import { isRolePick, LAYOUT, layoutFields, pickerShows, PORTABLE_FIELDS, type DetailField } from './layout';
import { LinksEditor } from './LinksEditor';
import { RolePicker } from './RolePicker';
import './editor.css';

interface Props {
  form: RecordForm;
  errors: FieldErrors;
  collections: CollectionView[];
  onChange: (change: Partial<RecordForm>) => void;
}

type Labelled = keyof (typeof resources)['en']['editor']['fields'];

/** The date's own errors, and the service's about its end or its "approximate" flag, all belong beside the one date box. */
export function dateError(errors: FieldErrors): string | undefined {
  return errorAt(errors, 'date') ?? errorAt(errors, 'dateEnd') ?? errorAt(errors, 'dateApproximate');
}

/** Portable fields this type does not place but the record holds a value in. */
function strays(form: RecordForm): (typeof PORTABLE_FIELDS)[number][] {
  const placed = layoutFields(form.type);
  return PORTABLE_FIELDS.filter((f) => !placed.includes(f) && form[f] !== '');
}

/** Whether the form shows a field, so an error for any other field is listed at the top instead. */
export function showsField(form: RecordForm, collections: CollectionView[], path: string): boolean {
  const field = path.split('.')[0] ?? '';
  if (['dateEnd', 'dateApproximate'].includes(field)) return true;
  if (field === 'collectionId') return collections.length > 0;
  if (['medium', 'outlet', 'programme', 'agreementKind', 'dateSigned', 'placeSigned', 'commitments', 'publisher', 'url', 'bodyText', 'extent', 'referenceCode'].includes(field)) {
    return layoutFields(form.type).includes(field as DetailField) || (strays(form) as string[]).includes(field);
  }
  return field in form;
}

export function RecordFormFields({ form, errors, collections, onChange }: Props) {
  const { t } = useT('editor');
  const labels = resources[currentLanguage()].editor;
  const label = (name: Labelled): string => (labels.byType[form.type] as Partial<Record<string, string>>)[name] ?? labels.fields[name];
  const hint = (name: string): string | undefined => (labels.hints as Partial<Record<string, string>>)[name];

  const text = (name: Labelled & keyof RecordForm, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      key={name}
      name={name}
      label={label(name)}
      value={String(form[name] ?? '')}
      error={errorAt(errors, name)}
      hint={hint(name)}
      onChange={(value) => onChange({ [name]: value } as Partial<RecordForm>)}
      {...extra}
    />
  );

  const detail = (field: DetailField) => {
    switch (field) {
      case 'date':
        return <DateField key="date" name="date" label={label('date')} value={form.date} error={dateError(errors)} onChange={(date) => onChange({ date })} />;
      case 'dateSigned':
        return (
          <DateField
            key="dateSigned"
            name="dateSigned"
            label={label('dateSigned')}
            single
            value={form.dateSigned}
            error={errorAt(errors, 'dateSigned')}
            onChange={(dateSigned) => onChange({ dateSigned })}
          />
        );
      case 'placeSigned': {
        const id = fieldId('placeSigned');
        const error = errorAt(errors, 'placeSigned');
        return (
          <div key="placeSigned" className={`form-field${error ? ' has-error' : ''}`}>
            <AuthorityCombobox
              inputId={id}
              label={label('placeSigned')}
              kinds={['place']}
              text={{ value: form.placeSigned, onChange: (placeSigned) => onChange({ placeSigned }) }}
              describedBy={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
              invalid={Boolean(error)}
              onPick={(place) => {
                // The place is linked too, so its page lists the agreements signed there.
                const linked = form.links.some((l) => l.authorityId === place.id);
                onChange({
                  placeSigned: place.name,
                  ...(linked ? {} : { links: [...form.links, { authorityId: place.id, name: place.name, kind: place.kind, role: 'mentioned', note: t('placeSignedNote') }] }),
                });
              }}
            />
            <p className="hint" id={`${id}-hint`}>
              {hint('placeSigned')}
            </p>
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      }
      case 'medium':
        return (
          <SelectField
            key="medium"
            name="medium"
            label={label('medium')}
            value={form.medium}
            options={[['', t('notStated')] as const, ...MEDIA.map((m) => [m, MEDIUM_LABELS[m]] as const)] as readonly (readonly [Medium | '', string])[]}
            error={errorAt(errors, 'medium')}
            onChange={(medium) => onChange({ medium })}
          />
        );
      case 'agreementKind':
        return (
          <SelectField
            key="agreementKind"
            name="agreementKind"
            label={label('agreementKind')}
            value={form.agreementKind}
            options={
              [['', t('notStated')] as const, ...AGREEMENT_KINDS.map((k) => [k, AGREEMENT_KIND_LABELS[k]] as const)] as readonly (readonly [AgreementKind | '', string])[]
            }
            error={errorAt(errors, 'agreementKind')}
            onChange={(agreementKind) => onChange({ agreementKind })}
          />
        );
      case 'commitments':
        return <CommitmentsEditor key="commitments" commitments={form.commitments} errors={errors} onChange={(commitments) => onChange({ commitments })} />;
      case 'bodyText':
        return text('bodyText', { multiline: true, rows: 6 });
      case 'url':
        return text('url', { inputMode: 'url' });
      default:
        return text(field);
    }
  };

  const extra = strays(form);
  return (
    <>
      <fieldset>
        <legend>{t('sections.identity')}</legend>
        <SelectField
          name="type"
          label={label('type')}
          value={form.type}
          options={RECORD_TYPES.map((type) => [type, RECORD_TYPE_LABELS[type]] as const)}
          error={errorAt(errors, 'type')}
          onChange={(type) => onChange({ type })}
        />
        {text('title', { required: true })}
        <div className="field-row">
          {text('titleAlt', { lang: form.titleAltLanguage || undefined, className: 'grow' })}
          {text('titleAltLanguage')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{RECORD_TYPE_LABELS[form.type]}</legend>
        {LAYOUT[form.type].map((item) =>
          isRolePick(item) ? (
            <RolePicker
              key={`${item.role}/${item.picker}`}
              role={item.role}
              kinds={item.kinds}
              title={t(`pickers.${item.picker}.title`)}
              addLabel={t(`pickers.${item.picker}.add`)}
              links={form.links}
              errors={errors}
              onChange={(links) => onChange({ links })}
            />
          ) : (
            detail(item.field)
          ),
        )}
      </fieldset>

      <fieldset>
        <legend>{t('sections.description')}</legend>
        {text('description', { multiline: true, rows: 5 })}
        {text('languages')}
      </fieldset>

      {extra.length > 0 ? (
        <fieldset>
          <legend>{t('sections.otherFields')}</legend>
          {extra.map((field) => detail(field))}
        </fieldset>
      ) : null}

      <LinksEditor links={form.links} shownElsewhere={(l) => pickerShows(form.type, l)} errors={errors} onChange={(links) => onChange({ links })} />

      <fieldset>
        <legend>{t('sections.archival')}</legend>
        {collections.length > 0 ? (
          <SelectField
            name="collectionId"
            label={label('collectionId')}
            value={form.collectionId === null ? '' : String(form.collectionId)}
            options={[['', t('none')] as const, ...collections.map((c) => [String(c.id), c.name] as const)]}
            error={errorAt(errors, 'collectionId')}
            onChange={(v) => onChange({ collectionId: v === '' ? null : Number(v) })}
          />
        ) : null}
        {text('tags')}
        {text('rights', { multiline: true, rows: 2 })}
        <SelectField
          name="accessStatus"
          label={label('accessStatus')}
          value={form.accessStatus}
          options={ACCESS_STATUSES.map((s) => [s, ACCESS_LABELS[s]] as const)}
          error={errorAt(errors, 'accessStatus')}
          onChange={(accessStatus) => onChange({ accessStatus })}
        />
        <div className="field-row">
          {text('physicalLocation', { className: 'grow' })}
          {layoutFields(form.type).includes('extent') ? null : text('extent')}
        </div>
        {text('notes', { multiline: true, rows: 3 })}
      </fieldset>
    </>
  );
}
