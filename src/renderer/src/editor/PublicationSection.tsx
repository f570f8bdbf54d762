/**
 * The record's bibliographic description, for a published item (a book, a journal article, a
 * report…): its CSL type, where it was published, volume, pages, identifiers, and its editors and
 * translators as links to authority records. Collapsed while the record has none of it, so an
 * archivist describing a letter is not shown a journal's fields; open as soon as it has any.
 */
import { CSL_TYPES, type AuthorityKind, type LinkRole } from '../../../shared/model';
import { CSL_TYPE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { errorAt, type FieldErrors } from './errors';
import { SelectField } from './Field';
import { PUBLICATION_FIELDS, type RecordForm } from './form';
import { RecordText } from './RecordFieldParts';
import { RolePicker } from './RolePicker';

/** The name roles the section picks; the record's other links stay in "Other links". */
export const PUBLICATION_PICKS: readonly { role: LinkRole; picker: 'editors' | 'translators' }[] = [
  { role: 'editor', picker: 'editors' },
  { role: 'translator', picker: 'translators' },
];
const NAME_KINDS: readonly AuthorityKind[] = ['person', 'organisation'];

/** Whether the section shows this link (so the list of other links leaves it out). */
export const publicationShows = (link: { role: LinkRole; kind: AuthorityKind }) =>
  PUBLICATION_PICKS.some((p) => p.role === link.role) && NAME_KINDS.includes(link.kind);

interface Props {
  form: RecordForm;
  errors: FieldErrors;
  onChange: (change: Partial<RecordForm>) => void;
}

/** Fields shown side by side: short numbers and identifiers. */
const ROWS: (typeof PUBLICATION_FIELDS)[number][][] = [
  ['containerTitle'],
  ['collectionTitle', 'number'],
  ['volume', 'issue', 'page', 'edition'],
  ['publisherPlace', 'genre'],
  ['format'],
  ['doi', 'isbn', 'issn'],
  ['accessed', 'dateText'],
];

export function PublicationSection({ form, errors, onChange }: Props) {
  const { t } = useT('editor');
  const part = { form, errors, onChange };
  const filled =
    form.cslType !== '' || PUBLICATION_FIELDS.some((f) => form[f] !== '') || form.links.some(publicationShows);
  return (
    <details className="publication-section" open={filled}>
      <summary>{t('sections.publication')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('sections.publication')}</legend>
        <SelectField
          name="cslType"
          label={t('fields.cslType')}
          hint={t('hints.cslType')}
          value={form.cslType}
          options={[
            ['', t('publication.asRecordType')] as const,
            ...CSL_TYPES.map((c) => [c, CSL_TYPE_LABELS[c]] as const),
          ]}
          error={errorAt(errors, 'cslType')}
          onChange={(cslType) => onChange({ cslType })}
        />
        {ROWS.map((row) => (
          <div className="field-row" key={row.join('/')}>
            {row.map((name) => (
              <RecordText key={name} name={name} {...part} className={row.length === 1 ? 'grow' : undefined} />
            ))}
          </div>
        ))}
        {PUBLICATION_PICKS.map(({ role, picker }) => (
          <RolePicker
            key={role}
            role={role}
            kinds={NAME_KINDS}
            title={t(`pickers.${picker}.title`)}
            addLabel={t(`pickers.${picker}.add`)}
            links={form.links}
            errors={errors}
            onChange={(links) => onChange({ links })}
          />
        ))}
      </fieldset>
    </details>
  );
}
