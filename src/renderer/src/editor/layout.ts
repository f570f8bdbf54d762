/**
 * Which fields each type of record shows, in the order an archivist describes it, and which
 * links get a picker of their own — a role and the kinds it offers: an agreement's parties and
 * signatories, a photograph's photographer, any record's partnerships. A field another type uses but this record still has a value in is shown under
 * "Other fields", so changing the type never hides anything.
 */
import type { AuthorityKind, LinkRole, RecordType } from '../../../shared/model';

/** Fields placed by the layout (the identity, description and archival groups are the same for every type). */
export type DetailField =
  | 'date'
  | 'referenceCode'
  | 'publisher'
  | 'url'
  | 'bodyText'
  | 'outlet'
  | 'programme'
  | 'medium'
  | 'extent'
  | 'agreementKind'
  | 'dateSigned'
  | 'placeSigned'
  | 'commitments';

export interface RolePick {
  role: LinkRole;
  kinds: readonly AuthorityKind[];
  /** Key of its title and "add" label in the editor catalogue. */
  picker:
    | 'issuers'
    | 'parties'
    | 'signatories'
    | 'authors'
    | 'recipients'
    | 'photographers'
    | 'subjects'
    | 'events'
    | 'performers'
    | 'speakers'
    | 'partnerships';
}

export type LayoutItem = { field: DetailField } | RolePick;

const f = (field: DetailField): LayoutItem => ({ field });
const PEOPLE_AND_BODIES: readonly AuthorityKind[] = ['person', 'organisation'];
/** Every record can belong to a partnership (Leeds–Hangzhou): linked as its subject. */
const PARTNERSHIPS: LayoutItem = { role: 'subject', kinds: ['partnership'], picker: 'partnerships' };

export const LAYOUT: Record<RecordType, LayoutItem[]> = {
  'press-release': [
    f('date'),
    f('referenceCode'),
    { role: 'issuer', kinds: ['organisation', 'person'], picker: 'issuers' },
    f('publisher'),
    f('url'),
    PARTNERSHIPS,
    f('bodyText'),
  ],
  agreement: [
    f('agreementKind'),
    { role: 'party', kinds: ['organisation', 'place', 'person'], picker: 'parties' },
    { role: 'signatory', kinds: ['person'], picker: 'signatories' },
    f('dateSigned'),
    f('placeSigned'),
    f('date'),
    f('referenceCode'),
    PARTNERSHIPS,
    f('commitments'),
  ],
  'media-coverage': [
    f('medium'),
    f('outlet'),
    f('programme'),
    f('date'),
    f('extent'),
    f('url'),
    { role: 'speaker', kinds: ['person'], picker: 'speakers' },
    f('referenceCode'),
    PARTNERSHIPS,
    f('bodyText'),
  ],
  photograph: [
    f('date'),
    { role: 'photographer', kinds: PEOPLE_AND_BODIES, picker: 'photographers' },
    { role: 'subject', kinds: ['person', 'organisation', 'place', 'event'], picker: 'subjects' },
    f('extent'),
    f('referenceCode'),
    PARTNERSHIPS,
  ],
  letter: [
    f('date'),
    { role: 'author', kinds: PEOPLE_AND_BODIES, picker: 'authors' },
    // Who it was sent to: the role existed (CSL's recipient) but no type offered it, so letters had none.
    { role: 'recipient', kinds: PEOPLE_AND_BODIES, picker: 'recipients' },
    f('referenceCode'),
    PARTNERSHIPS,
    f('bodyText'),
  ],
  report: [
    f('date'),
    { role: 'author', kinds: PEOPLE_AND_BODIES, picker: 'authors' },
    f('publisher'),
    f('referenceCode'),
    f('extent'),
    f('url'),
    PARTNERSHIPS,
    f('bodyText'),
  ],
  'event-programme': [
    { role: 'subject', kinds: ['event'], picker: 'events' },
    f('date'),
    { role: 'performer', kinds: PEOPLE_AND_BODIES, picker: 'performers' },
    { role: 'speaker', kinds: ['person'], picker: 'speakers' },
    f('publisher'),
    f('referenceCode'),
    f('extent'),
    PARTNERSHIPS,
  ],
  other: [f('date'), f('referenceCode'), f('publisher'), f('url'), f('extent'), PARTNERSHIPS, f('bodyText')],
};

/**
 * Text fields any type may hold: shown under "Other fields" when the type does not place them but
 * they have a value (extent needs no such care: the archival group shows it when the type does not).
 */
export const PORTABLE_FIELDS = ['referenceCode', 'publisher', 'url', 'bodyText', 'outlet', 'programme'] as const;

export const isRolePick = (item: LayoutItem): item is RolePick => 'role' in item;

export function layoutFields(type: RecordType): DetailField[] {
  return LAYOUT[type].flatMap((i) => (isRolePick(i) ? [] : [i.field]));
}

export function picks(type: RecordType): RolePick[] {
  return LAYOUT[type].filter(isRolePick);
}

/** Whether one of the type's pickers shows this link (a role and a kind it offers). */
export function pickerShows(type: RecordType, link: { role: LinkRole; kind: AuthorityKind }): boolean {
  return picks(type).some((p) => p.role === link.role && p.kinds.includes(link.kind));
}
