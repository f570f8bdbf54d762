/**
 * CSL-JSON items back to our records: the inverse of src/main/cite/csl-item.ts, so that records ->
 * CSL-JSON -> import -> CSL-JSON gives the same items. Types we do not have (a journal article, a
 * book from Zotero) become "other" documents; genres and media tell press releases, agreements,
 * broadcasts, letters and event programmes apart.
 */
import {
  AGREEMENT_KIND_LABELS,
  type AgreementKind,
  type AuthorityKind,
  type LinkRole,
  type RecordCreateInput,
} from '../../shared/model';
import { parseLooseDate } from './dates';
import { BROADCAST_GENRES, EVENT_PROGRAMME_GENRE, LETTER_GENRE, PRESS_RELEASE_GENRE } from '../cite/csl-item';

export interface ImportName {
  name: string;
  /** The kind of authority to create when no authority has this name. */
  kind: AuthorityKind;
  /** The link role, when it differs from the row's (CSV: one column per role). */
  role?: LinkRole;
  /** The link's note (our own JSON carries it). */
  note?: string | null;
}

export interface MappedRecord {
  fields: Omit<RecordCreateInput, 'links'>;
  names: ImportName[];
  role: LinkRole;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** CSL date -> partial ISO date ("2018", "2018-09", "2018-09-14"); dates it cannot read are left as text for validation to refuse. */
function partialDate(value: unknown): { date?: string; end?: string; circa?: boolean } {
  if (!value || typeof value !== 'object') return {};
  const v = value as { 'date-parts'?: unknown[][]; raw?: string; literal?: string; circa?: unknown };
  const iso = (parts: unknown[] | undefined) => {
    if (!parts || parts.length === 0 || parts[0] === undefined || parts[0] === '') return undefined;
    const [y, m, d] = parts.map((p) => Number(p));
    if (!Number.isFinite(y)) return undefined;
    let out = String(y).padStart(4, '0');
    if (m && Number.isFinite(m)) out += `-${String(m).padStart(2, '0')}`;
    if (m && d && Number.isFinite(d)) out += `-${String(d).padStart(2, '0')}`;
    return out;
  };
  if (Array.isArray(v['date-parts'])) {
    const date = iso(v['date-parts'][0]);
    const end = iso(v['date-parts'][1]);
    return { ...(date ? { date } : {}), ...(end ? { end } : {}), ...(v.circa ? { circa: true } : {}) };
  }
  const raw = text(v.raw) ?? text(v.literal);
  if (!raw) return {};
  try {
    return { date: parseLooseDate(raw) };
  } catch {
    return { date: raw }; // left as written, for validation to refuse with the value
  }
}

function namesOf(value: unknown): ImportName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((n): ImportName[] => {
    if (!n || typeof n !== 'object') return [];
    const { family, given, literal } = n as { family?: string; given?: string; literal?: string };
    if (literal) return [{ name: literal.trim(), kind: 'organisation' }];
    if (family && given) return [{ name: `${given.trim()} ${family.trim()}`, kind: 'person' }];
    if (family) return [{ name: family.trim(), kind: 'organisation' }];
    return [];
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

export function fromCsl(item: Record<string, unknown>): MappedRecord {
  const genre = text(item.genre);
  const type = recoverType(text(item.type) ?? 'document', genre, item);
  const medium = text(item.medium);
  const issued = partialDate(item.issued);
  const fields: MappedRecord['fields'] = { type: 'other', title: text(item.title) ?? '' };
  let role: LinkRole = 'author';
  const put = (key: keyof MappedRecord['fields'], value: unknown) => {
    if (value !== undefined && value !== null && value !== '') (fields as Record<string, unknown>)[key] = value;
  };
  if (issued.date) put('date', issued.date);
  if (issued.end) put('dateEnd', issued.end);
  if (issued.circa) put('dateApproximate', true);

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
  return { fields, names: namesOf(item.author), role };
}
