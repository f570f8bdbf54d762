/**
 * The fields of the record editor, grouped as an archivist reads a description: who and what it
 * is, the details that matter for its type (layout.ts: an agreement's parties, signatories,
 * signing and commitments; media coverage's outlet, programme, medium and duration…), its
 * description, its publication (a published item's bibliographic description), its other links
 * and its archival description.
 */
import { ACCESS_STATUSES, RECORD_TYPES, type CollectionView } from '../../../shared/model';
import { collectionChoices } from '../collections/tree';
import { ACCESS_LABELS, COLLECTION_LEVEL_LABELS, RECORD_TYPE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { errorAt, type FieldErrors } from './errors';
import { SelectField } from './Field';
import type { RecordForm } from './form';
import { isRolePick, LAYOUT, layoutFields, pickerShows, type DetailField } from './layout';
import { strays } from './shownFields';
import { LinksEditor } from './LinksEditor';
import { PublicationSection, publicationShows } from './PublicationSection';
import { labelFor, type Labelled } from './fieldLabels';
import { RecordDetail, RecordText } from './RecordFieldParts';
import { RolePicker } from './RolePicker';
import './editor.css';

interface Props {
  form: RecordForm;
  errors: FieldErrors;
  collections: CollectionView[];
  onChange: (change: Partial<RecordForm>) => void;
}

export function RecordFormFields({ form, errors, collections, onChange }: Props) {
  const { t } = useT('editor');
  const { t: tcol } = useT('collections');
  const label = (name: Labelled): string => labelFor(form.type, name);
  const part = { form, errors, onChange };
  const detail = (field: DetailField) => <RecordDetail key={field} field={field} {...part} />;

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
        <RecordText name="title" {...part} required />
        <div className="field-row">
          <RecordText name="titleAlt" {...part} lang={form.titleAltLanguage || undefined} className="grow" />
          <RecordText name="titleAltLanguage" {...part} />
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
        <RecordText name="description" {...part} multiline rows={5} />
        <RecordText name="languages" {...part} />
      </fieldset>

      <PublicationSection {...part} />

      {extra.length > 0 ? (
        <fieldset>
          <legend>{t('sections.otherFields')}</legend>
          {extra.map((field) => detail(field))}
        </fieldset>
      ) : null}

      <LinksEditor
        links={form.links}
        shownElsewhere={(l) => pickerShows(form.type, l) || publicationShows(l)}
        errors={errors}
        onChange={(links) => onChange({ links })}
      />

      <fieldset>
        <legend>{t('sections.archival')}</legend>
        {/* Always shown, so the archivist learns where records are arranged even before the first collection. */}
        <SelectField
          name="collectionId"
          label={label('collectionId')}
          value={form.collectionId === null ? '' : String(form.collectionId)}
          options={[
            ['', t('none')] as const,
            ...collectionChoices(collections, (name, level) =>
              tcol('option', { name, level: COLLECTION_LEVEL_LABELS[level] }),
            ),
          ]}
          hint={collections.length === 0 ? t('collectionsNone') : undefined}
          error={errorAt(errors, 'collectionId')}
          onChange={(v) => onChange({ collectionId: v === '' ? null : Number(v) })}
        />
        <RecordText name="tags" {...part} />
        <RecordText name="rights" {...part} multiline rows={2} />
        <SelectField
          name="accessStatus"
          label={label('accessStatus')}
          value={form.accessStatus}
          options={ACCESS_STATUSES.map((s) => [s, ACCESS_LABELS[s]] as const)}
          error={errorAt(errors, 'accessStatus')}
          onChange={(accessStatus) => onChange({ accessStatus })}
        />
        <div className="field-row">
          <RecordText name="physicalLocation" {...part} className="grow" />
          {layoutFields(form.type).includes('extent') ? null : <RecordText name="extent" {...part} />}
        </div>
        <RecordText name="notes" {...part} multiline rows={3} />
      </fieldset>
    </>
  );
}
