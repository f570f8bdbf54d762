/**
 * CSV import and export. Import maps columns to record fields by header name (editable, and a
 * mapping can be saved and reused), reads dates into partial ISO dates, and turns name columns
 * ("Author", "Party"...) into links to people and organisations, matched by name or created.
 * Export writes one row per record with its links, and escapes cells a spreadsheet would run as a
 * formula (=, +, -, @, and tab or carriage return first) by putting a ' in front.
 */
import Papa from 'papaparse';
import {
  AGREEMENT_KINDS,
  AGREEMENT_KIND_LABELS,
  CSL_NAME_ROLES,
  LINK_ROLES,
  RECORD_TYPES,
  RECORD_TYPE_LABELS,
  type AuthorityKind,
  type LinkRole,
  type RecordView,
} from '../../shared/model';
import type { RowProblem } from '../../shared/channels/exchange';
import { ArchiveFailure } from '../../shared/result';
import { parseLooseDate } from './dates';
import type { ImportName } from './from-csl';
import type { ImportRow } from './import-records';

/** Record fields a column can fill, with the header each has in our own CSV export. */
const CSV_FIELDS: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  titleAlt: 'Title (other language)',
  date: 'Date',
  dateEnd: 'End date',
  description: 'Description',
  referenceCode: 'Reference code',
  // Not "Publisher": that header is the column of linked publishers (the role), beside it in an export.
  publisher: 'Publisher (as written)',
  outlet: 'Outlet',
  programme: 'Programme',
  medium: 'Medium',
  url: 'URL',
  rights: 'Rights',
  accessStatus: 'Access status',
  physicalLocation: 'Physical location',
  extent: 'Extent',
  notes: 'Notes',
  agreementKind: 'Agreement kind',
  dateSigned: 'Date signed',
  placeSigned: 'Place signed',
  languages: 'Languages',
  tags: 'Tags',
  // The bibliographic description (CSL's variables).
  cslType: 'Publication type',
  dateText: 'Date as written',
  containerTitle: 'Container title',
  collectionTitle: 'Series title',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages',
  edition: 'Edition',
  number: 'Number',
  publisherPlace: 'Place of publication',
  genre: 'Genre',
  format: 'Format',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  accessed: 'Accessed',
};
const DATE_FIELDS = new Set(['date', 'dateEnd', 'dateSigned', 'accessed']);
const LIST_FIELDS = new Set(['languages', 'tags']);
/**
 * Roles whose new authorities are people; the others (issuer, party, publisher, mentioned, subject)
 * organisations. CSL's name roles (editor, translator, recipient…) are people's names in every
 * bibliography a CSV comes from; a name that is an organisation's can be merged afterwards.
 */
const PERSON_ROLES = new Set<LinkRole>([
  'author',
  'signatory',
  'speaker',
  'performer',
  'photographer',
  ...CSL_NAME_ROLES,
]);
/** Columns of names by kind rather than role: linked as "mentioned", created with that kind. */
const KIND_COLUMNS: Record<string, AuthorityKind> = {
  people: 'person',
  organisations: 'organisation',
  places: 'place',
};
const ALIASES: Record<string, string> = {
  person: 'people',
  persons: 'people',
  organisation: 'organisations',
  organization: 'organisations',
  organizations: 'organisations',
  place: 'places',
  ref: 'referenceCode',
  reference: 'referenceCode',
  refno: 'referenceCode',
  language: 'languages',
  tag: 'tags',
  keywords: 'tags',
  link: 'url',
  authors: 'author',
  parties: 'party',
  signatories: 'signatory',
  photographers: 'photographer',
  issuedby: 'issuer',
  kind: 'agreementKind',
  // The names the app shows for fields and roles (the record editor's labels, in English), where
  // they differ from our CSV export's headers: a mapping written from what the user sees works.
  titleinanotherlanguage: 'titleAlt',
  publisherissuer: 'publisher',
  webaddress: 'url',
  rightsstatement: 'rights',
  access: 'accessStatus',
  kindofagreement: 'agreementKind',
  publishedin: 'containerTitle',
  series: 'collectionTitle',
  formatormedium: 'format',
  dateissued: 'date',
  dateoftheagreement: 'date',
  datetaken: 'date',
  broadcastorpublicationdate: 'date',
  authorofthebookorcontainer: 'container-author',
  serieseditor: 'collection-editor',
  authorofthereviewedwork: 'reviewed-author',
};

/**
 * A role's "on behalf of" column ("Signatory on behalf of"): the organisation each name of the
 * role's own column acted for, in the same order, a place left empty for a name that acted for
 * nobody ("Leeds City Council; " for two signatories, the first signing for the council).
 */
const BEHALF_SUFFIX = '-on-behalf-of';
const behalfTarget = (role: LinkRole) => `${role}${BEHALF_SUFFIX}`;
const BEHALF_TARGETS = new Map<string, LinkRole>(LINK_ROLES.map((r) => [behalfTarget(r), r]));
const roleHeader = (role: LinkRole) => role[0]!.toUpperCase() + role.slice(1);
const behalfHeader = (role: LinkRole) => `${roleHeader(role)} on behalf of`;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const TARGETS = new Map<string, string>([
  ...Object.entries(CSV_FIELDS).flatMap(([field, header]) => [
    [norm(field), field] as [string, string],
    [norm(header), field] as [string, string],
  ]),
  ...LINK_ROLES.map((r) => [norm(r), r] as [string, string]),
  ...LINK_ROLES.map((r) => [norm(behalfHeader(r)), behalfTarget(r)] as [string, string]),
  ...Object.keys(KIND_COLUMNS).map((k) => [k, k] as [string, string]),
  ...Object.entries(ALIASES),
]);
export const MAPPABLE = [
  ...Object.keys(CSV_FIELDS),
  ...LINK_ROLES,
  ...Object.keys(KIND_COLUMNS),
  ...BEHALF_TARGETS.keys(),
];

/** Delimiters a CSV may use: found from the file (the one that splits its rows most evenly) or named. */
const CSV_DELIMITERS = [',', ';', '\t', ':', '|'] as const;
type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvOptions {
  /** Left out: detected among CSV_DELIMITERS. */
  delimiter?: CsvDelimiter;
  /** False: the first row is data, and columns are named by position ("1", "2", ...). */
  header?: boolean;
}

export function parseCsv(
  content: string,
  options: CsvOptions = {},
): { headers: string[]; rows: string[][]; delimiter: string } {
  const bad = content.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = content.slice(0, bad).split('\n').length;
    throw new ArchiveFailure('invalid_input', 'not_utf8', { line, source: 'csv' }, 'content');
  }
  const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimiter: options.delimiter ?? '',
    delimitersToGuess: [...CSV_DELIMITERS],
  });
  // A one-column file has no delimiter to find: Papa says so, and its rows are read whole, which is right.
  const fatal = parsed.errors.find(
    (e) => e.type === 'Quotes' || (e.type === 'Delimiter' && e.code !== 'UndetectableDelimiter'),
  );
  if (fatal)
    throw new ArchiveFailure(
      'invalid_input',
      'parse_failed',
      { format: 'csv', problem: 'parser', detail: fatal.message, row: (fatal.row ?? 0) + 1 },
      'content',
    );
  const delimiter = parsed.meta.delimiter;
  if (options.header === false) {
    const width = Math.max(0, ...parsed.data.map((r) => r.length));
    if (width === 0)
      throw new ArchiveFailure('invalid_input', 'parse_failed', { format: 'csv', problem: 'no_rows' }, 'content');
    return { headers: Array.from({ length: width }, (_, i) => String(i + 1)), rows: parsed.data, delimiter };
  }
  const [headers, ...rows] = parsed.data;
  if (!headers || headers.length === 0)
    throw new ArchiveFailure('invalid_input', 'parse_failed', { format: 'csv', problem: 'no_header' }, 'content');
  return { headers: headers.map((h) => h.trim()), rows, delimiter };
}

/** A mapping's target as the app or our export names it ("place", "Place of publication"), or as it is. */
function targetOf(target: string): string {
  return MAPPABLE.includes(target) ? target : (TARGETS.get(norm(target)) ?? target);
}

/** Headers matched to fields by name; a given mapping wins over the guess. */
export function mapColumns(
  headers: string[],
  given: Record<string, string> = {},
): { mapping: Record<string, string>; unmapped: string[] } {
  const mapping: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const h of headers) {
    const named = given[h];
    const target = named !== undefined ? targetOf(named) : TARGETS.get(norm(h));
    if (target && target !== '' && target !== 'ignore') {
      if (!MAPPABLE.includes(target))
        throw new ArchiveFailure('invalid_input', 'mapping_not_field', { target, column: h }, 'mapping');
      mapping[h] = target;
    } else unmapped.push(h);
  }
  return { mapping, unmapped };
}

const slugFor = (value: string, slugs: readonly string[], labels: Record<string, string>) => {
  const n = norm(value);
  return slugs.find((s) => norm(s) === n || norm(labels[s] ?? '') === n) ?? value.trim();
};

const unescapeCell = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export function csvRows(content: string, given?: Record<string, string>, options: CsvOptions = {}): ImportRow[] {
  const { headers, rows } = parseCsv(content, options);
  const firstLine = options.header === false ? 1 : 2;
  const { mapping } = mapColumns(headers, given);
  if (!Object.values(mapping).includes('title')) {
    throw new ArchiveFailure('invalid_input', 'mapping_no_title', { columns: headers.join(', ') }, 'mapping');
  }
  return rows.map((cells, i) => {
    const where = { unit: 'row' as const, n: i + 1, line: i + firstLine };
    const fields: Record<string, unknown> = {};
    const names: ImportName[] = [];
    const behalf: { role: LinkRole; column: string; value: string }[] = [];
    let problem: RowProblem | undefined;
    headers.forEach((h, c) => {
      const target = mapping[h];
      const value = unescapeCell(cells[c] ?? '').trim();
      if (!target || value === '') return;
      const behalfRole = BEHALF_TARGETS.get(target);
      if (behalfRole) {
        behalf.push({ role: behalfRole, column: h, value });
        return;
      }
      const kind = KIND_COLUMNS[target];
      if (kind) {
        for (const name of value
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean))
          names.push({ name, kind, role: 'mentioned' });
        return;
      }
      if ((LINK_ROLES as readonly string[]).includes(target)) {
        const linkRole = target as LinkRole;
        for (const name of value
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)) {
          names.push({ name, kind: PERSON_ROLES.has(linkRole) ? 'person' : 'organisation', role: linkRole });
        }
        return;
      }
      if (DATE_FIELDS.has(target)) {
        try {
          fields[target] = parseLooseDate(value);
        } catch (error) {
          // The model's own key for a date it cannot read, as a hand-typed one gets.
          problem ??= {
            reason: 'field_invalid',
            params: { field: target, problem: 'not_date', value, detail: (error as Error).message },
          };
        }
        return;
      }
      if (LIST_FIELDS.has(target))
        fields[target] = value
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter(Boolean);
      else if (target === 'type') fields.type = slugFor(value, RECORD_TYPES, RECORD_TYPE_LABELS);
      else if (target === 'agreementKind')
        fields.agreementKind = slugFor(value, AGREEMENT_KINDS, AGREEMENT_KIND_LABELS);
      else if (target === 'medium' || target === 'accessStatus') fields[target] = value.toLowerCase();
      else fields[target] = value;
    });
    problem ??= pairBehalf(names, behalf, mapping);
    fields.type ??= 'other';
    return { where, fields, names, role: 'author', ...(problem ? { problem } : {}) };
  });
}

/**
 * Gives each name of a role the organisation its "on behalf of" column puts in the same place.
 * More organisations than names cannot be paired with certainty: the row is refused, naming the column.
 */
function pairBehalf(
  names: ImportName[],
  behalf: { role: LinkRole; column: string; value: string }[],
  mapping: Record<string, string>,
): RowProblem | undefined {
  for (const { role, column, value } of behalf) {
    const places = value.split(';').map((s) => s.trim());
    while (places.length > 0 && places[places.length - 1] === '') places.pop();
    const ofRole = names.filter((n) => n.role === role);
    if (places.length > ofRole.length) {
      const namesColumn = Object.keys(mapping).find((h) => mapping[h] === role) ?? roleHeader(role);
      return {
        reason: 'on_behalf_unpaired',
        params: { column, value, entries: places.length, names: ofRole.length, namesColumn },
      };
    }
    places.forEach((organisation, i) => {
      if (organisation) ofRole[i]!.onBehalfOf = organisation;
    });
  }
  return undefined;
}

/** A cell a spreadsheet would run as a formula gets a ' in front (OWASP's CSV-injection advice). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function recordsToCsv(records: RecordView[]): string {
  const roles = LINK_ROLES.filter((r) => records.some((rec) => rec.links.some((l) => l.role === r)));
  // Each role's names, then (where any of them acted for an organisation) its "on behalf of" column.
  const columns = roles.flatMap((role) =>
    records.some((rec) => rec.links.some((l) => l.role === role && l.onBehalfOf))
      ? [
          { role, behalf: false },
          { role, behalf: true },
        ]
      : [{ role, behalf: false }],
  );
  const header = [
    'ID',
    ...Object.values(CSV_FIELDS),
    ...columns.map((c) => (c.behalf ? behalfHeader(c.role) : roleHeader(c.role))),
  ];
  const rows = records.map((r) => {
    const cells = Object.keys(CSV_FIELDS).map((field) => {
      const v = (r as unknown as Record<string, unknown>)[field];
      if (Array.isArray(v)) return v.join('; ');
      if (field === 'type') return RECORD_TYPE_LABELS[r.type];
      // Numbers and booleans print as String() would; anything structured as JSON, never [object Object].
      return v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    });
    const links = columns.map(({ role, behalf }) => {
      const ofRole = r.links.filter((l) => l.role === role);
      if (!behalf) return ofRole.map((l) => l.name).join('; ');
      // Empty where no name of the row acted for anyone; else one place per name.
      return ofRole.some((l) => l.onBehalfOf) ? ofRole.map((l) => l.onBehalfOf?.name ?? '').join('; ') : '';
    });
    return [String(r.id), ...cells, ...links].map(safeCell);
  });
  return `${Papa.unparse([header, ...rows], { newline: '\r\n' })}\r\n`;
}
