/**
 * The fields of the record editor, grouped as an archivist reads a description. Which groups
 * show depends on the record type: agreements get their signing and commitments, media
 * coverage its medium, outlet and programme.
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
import {
  ACCESS_LABELS,
  AGREEMENT_KIND_LABELS,
  MEDIUM_LABELS,
  RECORD_TYPE_LABELS,
} from '../common/labels';
import { CommitmentsEditor } from './CommitmentsEditor';
import { errorAt, type FieldErrors } from './errors';
import { Field, SelectField, TextField } from './Field';
import { isAgreement, isMedia, type RecordForm } from './form';
import { LinksEditor } from './LinksEditor';

export const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD: as much as is known, e.g. 2018 or 2018-09.';

interface Props {
  form: RecordForm;
  errors: FieldErrors;
  collections: CollectionView[];
  onChange: (change: Partial<RecordForm>) => void;
}

/** Whether the form shows a field, so an error for any other field is listed at the top instead. */
export function showsField(form: RecordForm, collections: CollectionView[], path: string): boolean {
  const field = path.split('.')[0] ?? '';
  if (['medium', 'outlet', 'programme'].includes(field)) return showsMedia(form);
  if (['agreementKind', 'dateSigned', 'placeSigned', 'commitments'].includes(field)) return isAgreement(form);
  if (field === 'collectionId') return collections.length > 0;
  return field in form;
}

/** Media fields show for media coverage, and for any record that already has some. */
function showsMedia(form: RecordForm): boolean {
  return isMedia(form) || form.outlet !== '' || form.programme !== '';
}

export function RecordFormFields({ form, errors, collections, onChange }: Props) {
  const text = (name: keyof RecordForm & string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={name}
      label={label}
      value={String(form[name] ?? '')}
      error={errorAt(errors, name)}
      onChange={(value) => onChange({ [name]: value } as Partial<RecordForm>)}
      {...extra}
    />
  );
  return (
    <>
      <fieldset>
        <legend>Identity</legend>
        <SelectField
          name="type"
          label="Type"
          value={form.type}
          options={RECORD_TYPES.map((t) => [t, RECORD_TYPE_LABELS[t]] as const)}
          error={errorAt(errors, 'type')}
          onChange={(type) => onChange({ type })}
        />
        {text('title', 'Title', { required: true })}
        <div className="field-row">
          {text('titleAlt', 'Title in another language', { lang: form.titleAltLanguage || undefined, className: 'grow' })}
          {text('titleAltLanguage', 'Its language', { hint: 'e.g. zh-Hans' })}
        </div>
        <div className="field-row">
          {text('date', 'Date', { hint: DATE_HINT })}
          {text('dateEnd', 'End date', { hint: 'Only for a span of time.' })}
        </div>
        <Field name="dateApproximate" label="Approximate date" error={errorAt(errors, 'dateApproximate')} className="checkbox">
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={form.dateApproximate}
              onChange={(e) => onChange({ dateApproximate: e.target.checked })}
            />
          )}
        </Field>
        {text('referenceCode', 'Reference code', { hint: 'Unique in the catalogue, e.g. LCC/IP/2018/004.' })}
        {text('description', 'Description', { multiline: true, rows: 5 })}
        {text('languages', 'Languages', { hint: 'Comma-separated BCP 47 tags, e.g. en, zh-Hans.' })}
        {text('publisher', 'Publisher / issuer')}
        {text('url', 'Web address', { inputMode: 'url', hint: 'http:// or https://' })}
      </fieldset>

      {showsMedia(form) ? (
        <fieldset>
          <legend>Media</legend>
          {isMedia(form) ? (
            <SelectField
              name="medium"
              label="Medium"
              value={form.medium}
              options={[['', 'Not stated'] as const, ...MEDIA.map((m) => [m, MEDIUM_LABELS[m]] as const)] as readonly (readonly [Medium | '', string])[]}
              error={errorAt(errors, 'medium')}
              onChange={(medium) => onChange({ medium })}
            />
          ) : null}
          {text('outlet', 'Outlet', { hint: 'The newspaper, channel or site, e.g. Hangzhou TV.' })}
          {text('programme', 'Programme')}
        </fieldset>
      ) : null}

      {isAgreement(form) ? (
        <fieldset>
          <legend>Agreement</legend>
          <SelectField
            name="agreementKind"
            label="Kind of agreement"
            value={form.agreementKind}
            options={
              [['', 'Not stated'] as const, ...AGREEMENT_KINDS.map((k) => [k, AGREEMENT_KIND_LABELS[k]] as const)] as readonly (readonly [
                AgreementKind | '',
                string,
              ])[]
            }
            error={errorAt(errors, 'agreementKind')}
            onChange={(agreementKind) => onChange({ agreementKind })}
          />
          <div className="field-row">
            {text('dateSigned', 'Date signed', { hint: DATE_HINT })}
            {text('placeSigned', 'Place signed', { className: 'grow' })}
          </div>
          <CommitmentsEditor commitments={form.commitments} errors={errors} onChange={(commitments) => onChange({ commitments })} />
        </fieldset>
      ) : null}

      <LinksEditor links={form.links} errors={errors} onChange={(links) => onChange({ links })} />

      <fieldset>
        <legend>Archival description</legend>
        {collections.length > 0 ? (
          <SelectField
            name="collectionId"
            label="Collection"
            value={form.collectionId === null ? '' : String(form.collectionId)}
            options={[['', 'None'] as const, ...collections.map((c) => [String(c.id), c.name] as const)]}
            error={errorAt(errors, 'collectionId')}
            onChange={(v) => onChange({ collectionId: v === '' ? null : Number(v) })}
          />
        ) : null}
        {text('tags', 'Tags', { hint: 'Comma-separated, e.g. sister cities, culture.' })}
        {text('rights', 'Rights statement', { multiline: true, rows: 2 })}
        <SelectField
          name="accessStatus"
          label="Access"
          value={form.accessStatus}
          options={ACCESS_STATUSES.map((s) => [s, ACCESS_LABELS[s]] as const)}
          error={errorAt(errors, 'accessStatus')}
          onChange={(accessStatus) => onChange({ accessStatus })}
        />
        <div className="field-row">
          {text('physicalLocation', 'Physical location', { className: 'grow' })}
          {text('extent', 'Extent', { hint: 'e.g. 2 pages' })}
        </div>
        {text('notes', 'Notes', { multiline: true, rows: 3 })}
        {text('bodyText', 'Text of the record', { multiline: true, rows: 6, hint: 'For born-digital text such as a press release.' })}
      </fieldset>
    </>
  );
}
