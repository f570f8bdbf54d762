/**
 * The editor's state: every field as the text the archivist typed, turned into the contract's
 * input only on save, so a half-typed date stays on screen until the service has judged it.
 */
import type { InputOf } from '../../../shared/contract';
import type {
  AccessStatus,
  AgreementKind,
  AuthorityKind,
  CommitmentStatus,
  CSL_TYPES,
  LinkRole,
  Medium,
  RecordType,
  RecordView,
} from '../../../shared/model';
import { BIBLIOGRAPHIC_FIELDS } from '../../../shared/model';
import { splitList } from '../common/format';
import { dateEntryText, parseDateEntry, type DateEntryProblem } from '../../../shared/partial-date';

export interface LinkDraft {
  /** null: a person or body typed in this form, created when the record is saved (shown as "new"). */
  authorityId: number | null;
  name: string;
  kind: AuthorityKind;
  role: LinkRole;
  note: string;
  /** The organisation a signatory acted for (an authority linked to the record), or nobody. */
  onBehalfOf?: number | null;
}

export interface CommitmentDraft {
  /** A stable key for React while rows are added and removed. */
  key: number;
  text: string;
  status: CommitmentStatus;
}

export interface RecordForm {
  type: RecordType;
  title: string;
  titleAlt: string;
  titleAltLanguage: string;
  /** The date as typed: a single date, a range or an approximate date ("c. 1988", "Sept 2018 to June 2019"). */
  date: string;
  description: string;
  bodyText: string;
  languages: string;
  referenceCode: string;
  publisher: string;
  outlet: string;
  programme: string;
  medium: Medium | '';
  url: string;
  rights: string;
  accessStatus: AccessStatus;
  physicalLocation: string;
  extent: string;
  notes: string;
  agreementKind: AgreementKind | '';
  dateSigned: string;
  placeSigned: string;
  commitments: CommitmentDraft[];
  collectionId: number | null;
  links: LinkDraft[];
  tags: string;
  // The bibliographic description (the Publication section).
  cslType: (typeof CSL_TYPES)[number] | '';
  dateText: string;
  containerTitle: string;
  collectionTitle: string;
  volume: string;
  issue: string;
  page: string;
  edition: string;
  number: string;
  publisherPlace: string;
  genre: string;
  format: string;
  doi: string;
  isbn: string;
  issn: string;
  accessed: string;
}

/** The Publication section's text fields, in the order it shows them. */
export const PUBLICATION_FIELDS = [...BIBLIOGRAPHIC_FIELDS, 'dateText'] as const;

const emptyPublication = () =>
  ({ cslType: '', ...Object.fromEntries(PUBLICATION_FIELDS.map((f) => [f, ''])) }) as Pick<
    RecordForm,
    'cslType' | (typeof PUBLICATION_FIELDS)[number]
  >;

let nextKey = 1;
export const commitmentKey = () => nextKey++;

export function emptyForm(type: RecordType = 'press-release'): RecordForm {
  return {
    type,
    title: '',
    titleAlt: '',
    titleAltLanguage: '',
    date: '',
    description: '',
    bodyText: '',
    languages: '',
    referenceCode: '',
    publisher: '',
    outlet: '',
    programme: '',
    medium: '',
    url: '',
    rights: '',
    accessStatus: 'open',
    physicalLocation: '',
    extent: '',
    notes: '',
    agreementKind: '',
    dateSigned: '',
    placeSigned: '',
    commitments: [],
    collectionId: null,
    links: [],
    tags: '',
    ...emptyPublication(),
  };
}

export function formFromRecord(r: RecordView): RecordForm {
  return {
    type: r.type,
    title: r.title,
    titleAlt: r.titleAlt ?? '',
    titleAltLanguage: r.titleAltLanguage ?? '',
    date: dateEntryText(r.date, r.dateEnd, r.dateApproximate),
    description: r.description ?? '',
    bodyText: r.bodyText ?? '',
    languages: r.languages.join(', '),
    referenceCode: r.referenceCode ?? '',
    publisher: r.publisher ?? '',
    outlet: r.outlet ?? '',
    programme: r.programme ?? '',
    medium: r.medium ?? '',
    url: r.url ?? '',
    rights: r.rights ?? '',
    accessStatus: r.accessStatus,
    physicalLocation: r.physicalLocation ?? '',
    extent: r.extent ?? '',
    notes: r.notes ?? '',
    agreementKind: r.agreementKind ?? '',
    dateSigned: r.dateSigned ?? '',
    placeSigned: r.placeSigned ?? '',
    commitments: r.commitments.map((c) => ({ key: commitmentKey(), text: c.text, status: c.status })),
    collectionId: r.collection?.id ?? null,
    links: r.links.map((l) => ({
      authorityId: l.authorityId,
      name: l.name,
      kind: l.kind,
      role: l.role,
      note: l.note ?? '',
      onBehalfOf: l.onBehalfOf?.id ?? null,
    })),
    tags: r.tags.join(', '),
    cslType: r.cslType ?? '',
    ...(Object.fromEntries(PUBLICATION_FIELDS.map((f) => [f, r[f] ?? ''])) as Pick<
      RecordForm,
      (typeof PUBLICATION_FIELDS)[number]
    >),
  };
}

const isAgreement = (f: Pick<RecordForm, 'type'>) => f.type === 'agreement';
const isMedia = (f: Pick<RecordForm, 'type'>) => f.type === 'media-coverage';

/** Dates the form could not read, by field: shown beside the field, nothing is sent. */
export type DateProblems = Partial<Record<'date' | 'dateSigned', DateEntryProblem>>;

/**
 * The whole form as record fields. Fields that the chosen type does not allow are cleared
 * (a record changed from agreement to letter loses its signing details), so the service's
 * cross-field rules hold; dates are read from what was typed; everything else is sent as typed
 * and validated there.
 */
function recordFields(f: RecordForm, problems: DateProblems) {
  const agreement = isAgreement(f);
  const date = parseDateEntry(f.date);
  if (!date.ok) problems.date = date.problem;
  const signed = agreement ? parseDateEntry(f.dateSigned, { range: false, approximate: false }) : null;
  if (signed && !signed.ok) problems.dateSigned = signed.problem;
  const when = date.ok ? date.value : null;
  return {
    title: f.title,
    titleAlt: f.titleAlt,
    titleAltLanguage: f.titleAltLanguage.trim() === '' ? null : f.titleAltLanguage,
    date: when?.date ?? null,
    dateEnd: when?.dateEnd ?? null,
    dateApproximate: when?.approximate ?? false,
    description: f.description,
    bodyText: f.bodyText,
    languages: splitList(f.languages),
    referenceCode: f.referenceCode,
    publisher: f.publisher,
    outlet: f.outlet,
    programme: f.programme,
    medium: isMedia(f) && f.medium !== '' ? f.medium : null,
    url: f.url,
    rights: f.rights,
    accessStatus: f.accessStatus,
    physicalLocation: f.physicalLocation,
    extent: f.extent,
    notes: f.notes,
    agreementKind: agreement && f.agreementKind !== '' ? f.agreementKind : null,
    dateSigned: signed?.ok ? (signed.value?.date ?? null) : null,
    placeSigned: agreement ? f.placeSigned : null,
    commitments: agreement ? f.commitments.map((c) => ({ text: c.text, status: c.status })) : [],
    collectionId: f.collectionId,
    links: f.links.flatMap((l) =>
      l.authorityId === null
        ? []
        : [
            {
              authorityId: l.authorityId,
              role: l.role,
              note: l.note,
              ...(l.onBehalfOf ? { onBehalfOf: l.onBehalfOf } : {}),
            },
          ],
    ),
    tags: splitList(f.tags),
    cslType: f.cslType === '' ? null : f.cslType,
    ...Object.fromEntries(PUBLICATION_FIELDS.map((field) => [field, f[field]])),
  };
}

/** The links to authorities created with the record, sent only when there are some. */
function newLinks(f: RecordForm): { newLinks?: InputOf<'createRecord'>['newLinks'] } {
  const fresh = f.links.filter((l) => l.authorityId === null);
  return fresh.length
    ? { newLinks: fresh.map((l) => ({ kind: l.kind, name: l.name, role: l.role, note: l.note })) }
    : {};
}

/**
 * The service names a link by its place in `links` or `newLinks`; the form shows them as one
 * list: `newLinks.0.name` -> `links.3.name`, so the error sits beside the link it is about.
 */
export function formLinkPath(f: RecordForm, path: string): string {
  const m = /^(links|newLinks)\.(\d+)(.*)$/.exec(path);
  if (!m) return path;
  const fresh = m[1] === 'newLinks';
  const at = f.links.map((l, i) => [l, i] as const).filter(([l]) => (l.authorityId === null) === fresh)[Number(m[2])];
  return at ? `links.${at[1]}${m[3]}` : path;
}

export function toCreateInput(f: RecordForm, problems: DateProblems = {}): InputOf<'createRecord'> {
  return { type: f.type, ...recordFields(f, problems), ...newLinks(f) };
}

export function toUpdateInput(
  f: RecordForm,
  id: number,
  expectedRevision: number,
  problems: DateProblems = {},
): InputOf<'updateRecord'> {
  return { id, expectedRevision, patch: { type: f.type, ...recordFields(f, problems) }, ...newLinks(f) };
}
