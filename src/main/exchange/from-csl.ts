/**
 * CSL-JSON items back to our records: the inverse of src/main/cite/csl-item.ts, so that CSL-JSON ->
 * import -> CSL-JSON gives the same items, variable by variable. The archival type is chosen from
 * the CSL type (genres and media tell press releases, agreements, broadcasts, letters and event
 * programmes apart; a book or a journal article is an "other" record); the CSL type itself is kept
 * beside it, with the bibliographic fields (container title, volume, pages, DOI...). Names stay
 * structured (family, given, particles, suffix) on the authority records they create, with the
 * CSL role they had (editor, translator...). Whatever has no field of its own is kept verbatim
 * (`extraCsl`), and where our fields hold a value in another form than the item's (a season, a
 * number written as a number) the item's form is kept too (`cslForms`).
 */
import {
  AGREEMENT_KIND_LABELS,
  CSL_NAME_ROLES,
  CSL_TYPES,
  nameFromParts,
  NameParts,
  RecordCreate,
  type AgreementKind,
  type AuthorityKind,
  type LinkRole,
  type RecordCreateInput,
  type RecordView,
} from '../../shared/model';
import { readBibliographicDate } from './dates';
import {
  BROADCAST_GENRES,
  canonicalJson,
  EVENT_PROGRAMME_GENRE,
  LETTER_GENRE,
  PRESS_RELEASE_GENRE,
  toCslItem,
  type HoldingArchive,
} from '../cite/csl-item';

export interface ImportName {
  name: string;
  /** The kind of authority to create when no authority has this name. */
  kind: AuthorityKind;
  /** The name split as the source split it (CSL name parts), for a new authority record. */
  parts?: NameParts;
  /** The link role, when it differs from the row's (CSV: one column per role). */
  role?: LinkRole;
  /** The link's note (our own JSON carries it). */
  note?: string | null;
  /** The name of the organisation the linked person acted for (our own JSON carries it). */
  onBehalfOf?: string;
}

export interface MappedRecord {
  fields: Omit<RecordCreateInput, 'links'>;
  names: ImportName[];
  role: LinkRole;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

interface DateReading {
  date?: string;
  end?: string;
  circa?: boolean;
  text?: string;
  /** A year suffix ("1992a") was dropped: the item's own form of the date is then not kept. */
  suffix?: boolean;
}

/** One entry of CSL date-parts -> a partial ISO date ("2018", "2018-09", "2018-09-14"). */
function isoOf(parts: unknown[] | undefined): { date?: string; suffix?: boolean } {
  if (!parts || parts.length === 0 || parts[0] === undefined || parts[0] === '') return {};
  const first = parts[0];
  if (typeof first !== 'string' && typeof first !== 'number') return {};
  const year = /^\s*(-?\d+)\s*([a-z])?\s*$/.exec(String(first));
  if (!year) return {};
  const [m, d] = parts.slice(1).map((p) => Number(p));
  let out = String(Number(year[1])).padStart(4, '0');
  // A month or day that does not exist is kept, for validation to refuse with the value: never guessed away.
  if (m && Number.isFinite(m)) {
    out += `-${String(m).padStart(2, '0')}`;
    if (d && Number.isFinite(d)) out += `-${String(d).padStart(2, '0')}`;
  }
  return year[2] ? { date: out, suffix: true } : { date: out };
}

/**
 * A CSL date -> partial ISO dates: date-parts (one entry, or two for a range), circa, a literal
 * ("[1965?]", kept as written and read for sorting) or a raw date ("2001--2009", "Winter 1999").
 */
function readCslDate(value: unknown): DateReading {
  if (!value || typeof value !== 'object') return {};
  const v = value as { 'date-parts'?: unknown[][]; raw?: unknown; literal?: unknown; circa?: unknown };
  const literal = text(v.literal);
  if (Array.isArray(v['date-parts']) && v['date-parts'].length > 0) {
    const start = isoOf(v['date-parts'][0]);
    const end = isoOf(v['date-parts'][1]);
    return {
      ...(start.date ? { date: start.date } : {}),
      ...(end.date && end.date !== start.date ? { end: end.date } : {}),
      ...(v.circa && v.circa !== 'false' && v.circa !== '0' ? { circa: true } : {}),
      ...(literal ? { text: literal } : {}),
      ...(start.suffix || end.suffix ? { suffix: true } : {}),
    };
  }
  const written = literal ?? text(v.raw);
  if (!written) return {};
  const read = readBibliographicDate(written);
  return {
    ...(read.date ? { date: read.date } : {}),
    ...(read.end ? { end: read.end } : {}),
    ...(read.circa ? { circa: true } : {}),
    // A literal is printed as written; a raw date only when it says more than the partial date.
    ...(literal ? { text: literal } : read.text ? { text: read.text } : {}),
    ...(read.suffix ? { suffix: true } : {}),
  };
}

function namesOf(value: unknown, role?: LinkRole): ImportName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((n): ImportName[] => {
    const parsed = NameParts.safeParse(n);
    if (!parsed.success) return [];
    const parts = Object.fromEntries(
      Object.entries(parsed.data).filter(([, v]) => v !== undefined && v !== ''),
    ) as NameParts;
    const name = nameFromParts(parts);
    if (!name) return [];
    // A person has a given name (or a family name and particles); a name given whole is an organisation.
    const kind: AuthorityKind = parts.given && parts.family ? 'person' : 'organisation';
    return [{ name, kind, parts, ...(role ? { role } : {}) }];
  });
}

const AGREEMENT_KIND_BY_LABEL = new Map(
  Object.entries(AGREEMENT_KIND_LABELS).map(([kind, label]) => [label.toLowerCase(), kind as AgreementKind]),
);

/**
 * BibTeX has no type for broadcasts, web pages, letters or programmes: they travel as @misc with
 * their genre in the "type" field (or, for web pages, citation-js's "[Online; accessed ...]" note),
 * and come back as CSL "document". Recover the CSL type from those.
 */
function recoverType(type: string, genre: string | undefined, item: Record<string, unknown>): string {
  if (type !== 'document') return type;
  const g = genre?.toLowerCase();
  if (g === BROADCAST_GENRES.television.toLowerCase() || g === BROADCAST_GENRES.radio.toLowerCase()) return 'broadcast';
  if (g === LETTER_GENRE.toLowerCase()) return 'personal_communication';
  if (g === EVENT_PROGRAMME_GENRE.toLowerCase()) return 'pamphlet';
  if (!g && /^\[Online; accessed/.test(text(item.note) ?? '')) return 'webpage';
  return type;
}

const NO_ARCHIVE: HoldingArchive = { name: null, place: null };

/**
 * One CSL-JSON item as a record. `archive` is the library's holding archive, which every exported
 * item carries: an item naming another archive keeps its own.
 */
export function fromCsl(item: Record<string, unknown>, archive: HoldingArchive = NO_ARCHIVE): MappedRecord {
  const genre = text(item.genre);
  const sourceType = text(item.type) ?? 'document';
  const type = recoverType(sourceType, genre, item);
  const medium = text(item.medium);
  const issued = readCslDate(item.issued);
  const fields: MappedRecord['fields'] = { type: 'other', title: text(item.title) ?? '' };
  let role: LinkRole = 'author';
  const put = (key: keyof MappedRecord['fields'], value: unknown) => {
    if (value !== undefined && value !== null && value !== '') (fields as Record<string, unknown>)[key] = value;
  };
  if (issued.date) put('date', issued.date);
  if (issued.end) put('dateEnd', issued.end);
  if (issued.circa) put('dateApproximate', true);
  put('dateText', issued.text);

  const agreementKind = genre ? AGREEMENT_KIND_BY_LABEL.get(genre.toLowerCase()) : undefined;
  if (type === 'report' && genre?.toLowerCase() === PRESS_RELEASE_GENRE.toLowerCase()) {
    fields.type = 'press-release';
    role = 'issuer';
    put('publisher', text(item.publisher));
  } else if (type === 'report') {
    fields.type = 'report';
    put('publisher', text(item.publisher));
  } else if (agreementKind && (type === 'document' || type === 'legal_case' || type === 'treaty')) {
    fields.type = 'agreement';
    fields.agreementKind = agreementKind;
    role = 'party';
    if (issued.date) put('dateSigned', issued.date);
    put('placeSigned', text(item['event-place']));
    put('publisher', text(item.publisher));
  } else if (type === 'broadcast' || type === 'motion_picture') {
    fields.type = 'media-coverage';
    fields.medium = genre === BROADCAST_GENRES.radio || /radio/i.test(medium ?? '') ? 'radio' : 'television';
    put('programme', text(item['container-title']));
    put('outlet', text(item.publisher));
  } else if (type === 'article-newspaper' || type === 'article-magazine') {
    fields.type = 'media-coverage';
    fields.medium = type === 'article-newspaper' ? 'newspaper' : 'magazine';
    put('outlet', text(item['container-title']));
    put('publisher', text(item.publisher));
  } else if (type === 'webpage' || type === 'post-weblog' || type === 'post') {
    fields.type = 'media-coverage';
    fields.medium = 'web';
    put('outlet', text(item['container-title']));
    put('publisher', text(item.publisher));
  } else if (type === 'graphic') {
    fields.type = 'photograph';
    role = 'photographer';
    put('publisher', text(item.publisher));
  } else if (type === 'personal_communication' || type === 'letter') {
    fields.type = 'letter';
  } else if (type === 'pamphlet' && genre?.toLowerCase() === EVENT_PROGRAMME_GENRE.toLowerCase()) {
    fields.type = 'event-programme';
    put('publisher', text(item.publisher));
  } else {
    fields.type = 'other';
    put('publisher', text(item.publisher));
  }
  put('url', text(item.URL) ?? text(item.url));
  const language = text(item.language);
  if (language) {
    try {
      Intl.getCanonicalLocales(language);
      put('languages', [language]);
    } catch {
      /* a free-text language ("English") is not a BCP 47 tag: left out rather than refusing the row */
    }
  }
  put('description', text(item.abstract));
  put('referenceCode', text(item.archive_location));
  put('physicalLocation', text(item['call-number']));
  // The bibliographic description. A type CSL does not define (an old "misc") is a document, its own name kept verbatim.
  put('cslType', (CSL_TYPES as readonly string[]).includes(type) ? type : 'document');
  put('genre', genre);
  put('format', medium);
  const container = text(item['container-title']);
  if (container && fields.programme !== container && fields.outlet !== container) put('containerTitle', container);
  put('collectionTitle', text(item['collection-title']));
  put('volume', text(item.volume));
  put('issue', text(item.issue));
  put('page', text(item.page));
  put('edition', text(item.edition));
  put('number', text(item.number));
  put('publisherPlace', text(item['publisher-place']));
  put('doi', text(item.DOI));
  put('isbn', text(item.ISBN));
  put('issn', text(item.ISSN));
  const accessed = readCslDate(item.accessed);
  if (accessed.date && !accessed.end && !accessed.text) put('accessed', accessed.date);
  const names = [...namesOf(item.author), ...CSL_NAME_ROLES.flatMap((r) => namesOf(item[r], r))];
  // A type recovered from a genre (BibTeX's @misc) is the item's real type: the source's "document" is not kept.
  const skip = new Set(['id', ...(issued.suffix ? ['issued'] : []), ...(type !== sourceType ? ['type'] : [])]);
  keepTheRest(item, fields, names, role, archive, skip);
  return { fields, names, role };
}

/**
 * What the record will cite as is compared with the item, variable by variable: a variable it
 * leaves out is kept verbatim (extraCsl); one it gives in another form keeps the item's form, with
 * what the fields made of it (cslForms). Not kept: the item's id (a record's is its own), a dropped
 * year suffix (citeproc adds its own) and a type that stood for one we recovered.
 */
function keepTheRest(
  item: Record<string, unknown>,
  fields: MappedRecord['fields'],
  names: ImportName[],
  role: LinkRole,
  archive: HoldingArchive,
  skip: Set<string>,
): void {
  const parsed = RecordCreate.safeParse({ ...fields, links: [] });
  if (!parsed.success) return; // the row is refused with its reason; nothing to keep
  const r = parsed.data;
  const view: RecordView = {
    id: 0,
    type: r.type,
    title: r.title,
    titleAlt: null,
    titleAltLanguage: null,
    date: r.date ?? null,
    dateEnd: r.dateEnd ?? null,
    dateApproximate: r.dateApproximate ?? false,
    description: r.description ?? null,
    bodyText: null,
    languages: r.languages ?? [],
    referenceCode: r.referenceCode ?? null,
    publisher: r.publisher ?? null,
    outlet: r.outlet ?? null,
    programme: r.programme ?? null,
    medium: r.medium ?? null,
    url: r.url ?? null,
    rights: null,
    accessStatus: 'open',
    physicalLocation: r.physicalLocation ?? null,
    extent: null,
    notes: null,
    agreementKind: r.agreementKind ?? null,
    dateSigned: r.dateSigned ?? null,
    placeSigned: r.placeSigned ?? null,
    commitments: [],
    collection: null,
    links: names.map((n) => ({
      authorityId: 0,
      kind: n.kind,
      name: n.name,
      nameParts: n.parts ?? null,
      role: n.role ?? role,
      note: null,
    })),
    tags: [],
    cslType: r.cslType ?? null,
    dateText: r.dateText ?? null,
    containerTitle: r.containerTitle ?? null,
    collectionTitle: r.collectionTitle ?? null,
    volume: r.volume ?? null,
    issue: r.issue ?? null,
    page: r.page ?? null,
    edition: r.edition ?? null,
    number: r.number ?? null,
    publisherPlace: r.publisherPlace ?? null,
    genre: r.genre ?? null,
    format: r.format ?? null,
    doi: r.doi ?? null,
    isbn: r.isbn ?? null,
    issn: r.issn ?? null,
    accessed: r.accessed ?? null,
    extraCsl: null,
    cslForms: null,
    createdAt: '',
    updatedAt: '',
    revision: 0,
  };
  const made = toCslItem(view, archive) as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  const forms: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(item), ...Object.keys(made)])) {
    if (skip.has(key)) continue;
    const source = item[key];
    if (canonicalJson(source ?? null) === canonicalJson(made[key] ?? null)) continue;
    if (made[key] === undefined) extra[key] = source;
    else forms[key] = [source ?? null, made[key]];
  }
  if (Object.keys(extra).length) fields.extraCsl = extra;
  if (Object.keys(forms).length) fields.cslForms = forms;
}
