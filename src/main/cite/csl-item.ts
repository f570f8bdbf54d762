/**
 * Records as CSL-JSON items: the one place where our record model meets citation styles.
 *
 * The mapping is deliberate, per record type (also in the README, "Citations and exchange"):
 *
 * | record type                 | CSL type                | notes                                                         |
 * | --------------------------- | ----------------------- | ------------------------------------------------------------- |
 * | press release               | report                  | genre "Press release"; issuer links (else the publisher field) |
 * |                             |                         | as author, the publisher field as publisher                   |
 * | agreement                   | document                | genre from its kind ("Memorandum of understanding"); parties  |
 * |                             |                         | as authors; date signed as issued; place signed as event-place |
 * | media coverage, TV / radio  | broadcast               | programme as container-title, broadcaster (outlet) as publisher;|
 * |                             |                         | genre "Television broadcast" / "Radio broadcast"              |
 * | media coverage, newspaper   | article-newspaper       | outlet as container-title                                     |
 * | media coverage, magazine    | article-magazine        | outlet as container-title                                     |
 * | media coverage, web         | webpage                 | outlet as container-title, URL, accessed = the day catalogued |
 * | photograph                  | graphic                 | photographer links as authors; medium "Photograph"            |
 * | letter                      | personal_communication  | author links as authors; genre "Letter"                       |
 * | report                      | report                  | author (else issuer) links as authors; publisher              |
 * | event programme             | pamphlet                | genre "Event programme"                                       |
 * | other                       | document                |                                                               |
 *
 * Every item carries its archival location: `archive` (the holding archive, a library setting),
 * `archive_location` (the record's reference code), `archive-place` (a library setting) and
 * `call-number` (the record's physical location, e.g. a box and shelf) where set.
 * People's names are split as the styles expect them (personName below): family and given, particles
 * ("van Gennep", "de la Fontaine") as the non-dropping particle, "Jr." and "III" as the suffix,
 * titles and offices dropped ("Cllr J. Blake" is Blake, J.), CJK names family first, initials after a
 * family name ("Толстой Л.Н.") kept as the given name. Organisations and places are literal names,
 * never split. The item's `language` is the record's first language: CSL title-cases English titles only.
 *
 * A record with a CSL type (a published item: a book, an article, or any imported item) is cited from
 * its bibliographic fields: its CSL type, genre, medium, container title, volume, pages, DOI..., its
 * editors, translators and other name roles (links of those roles), and its other CSL variables kept
 * verbatim (`extraCsl`); the constants above (genre "Press release", medium "Photograph", accessed =
 * the day catalogued, the publisher as author) are for archival records without one. An authority's
 * name parts (from an imported bibliography) are used while they still spell its name. `cslForms`
 * gives back the exact form an imported item gave a variable, while the record's fields still make
 * what they made of it on import: so CSL-JSON import → export is the identity.
 */
import {
  AGREEMENT_KIND_LABELS,
  CSL_NAME_ROLES,
  nameFromParts,
  type LinkRole,
  type NameParts,
  type RecordView,
} from '../../shared/model';

export type CslName = NameParts;
interface CslDate {
  'date-parts': (number | string)[][];
  circa?: boolean;
}
export interface CslItem {
  id: string;
  type: string;
  title: string;
  [key: string]: unknown;
}

export interface HoldingArchive {
  name: string | null;
  place: string | null;
}

export const PRESS_RELEASE_GENRE = 'Press release';
export const EVENT_PROGRAMME_GENRE = 'Event programme';
export const LETTER_GENRE = 'Letter';
const PHOTOGRAPH_MEDIUM = 'Photograph';
export const BROADCAST_GENRES = { television: 'Television broadcast', radio: 'Radio broadcast' } as const;

/** "2018-09-14" -> { date-parts: [[2018, 9, 14]] }; an end date makes a range. */
function cslDate(date: string | null, end: string | null = null, approximate = false): CslDate | undefined {
  if (!date) return undefined;
  const parts = (d: string) => d.split('-').map(Number);
  const out: CslDate = { 'date-parts': end ? [parts(date), parts(end)] : [parts(date)] };
  if (approximate) out.circa = true;
  return out;
}

/** Titles and offices that come before a name and are not part of it (longest first). */
const HONORIFICS = [
  'the right honourable',
  'the rt hon',
  'the rt. hon.',
  'right honourable',
  'rt hon',
  'rt. hon.',
  'the hon',
  'hon',
  'deputy lord mayor',
  'lord mayor',
  'lady mayoress',
  'councillor',
  'cllr',
  'alderman',
  'ald',
  'mayor',
  'professor',
  'prof',
  'doctor',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'baroness',
  'baron',
  'the reverend',
  'the revd',
  'reverend',
  'revd',
  'rev',
  'father',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'madam',
  'mme',
  'mlle',
  'herr',
  'frau',
];
/** After a name: kept as CSL's suffix (generational) or dropped (honours, degrees, offices). */
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'jnr', 'jnr.', 'snr', 'snr.', 'ii', 'iii', 'iv']);
const POST_NOMINALS = new Set(
  'obe mbe cbe kbe dbe gbe ch kg kt bt bart mp mep msp ms qc kc jp dl frs fba frsa fsa phd dphil md ma ba msc bsc llb llm esq esq. rn'.split(
    ' ',
  ),
);
/** Lower-case words before a family name that are part of it (CSL's non-dropping particle). */
const PARTICLES = new Set(
  'van von de der den del della degli dei di da dal dos das do du des la le lo ten ter te zu zum zur vom af av bin ibn al el'.split(
    ' ',
  ),
);
/** Chinese and Korean surnames of two characters. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 夏侯 轩辕 軒轅 令狐 宇文 司徒 端木 南宫 南宮 西门 西門 남궁 선우 제갈 황보 독고'.split(
    ' ',
  ),
);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const INITIALS = /^(\p{Lu}\.)+(-\p{Lu}\.)*$|^\p{Lu}$/u;

const bare = (w: string) => w.toLowerCase().replace(/,$/, '');

function stripHonorifics(words: string[]): string[] {
  let rest = words;
  for (let changed = true; changed && rest.length > 1;) {
    changed = false;
    const lower = rest.map((w) => w.toLowerCase());
    for (const h of HONORIFICS) {
      const hw = h.split(' ');
      if (hw.length < rest.length && hw.every((w, i) => lower[i] === w || lower[i] === `${w}.`)) {
        rest = rest.slice(hw.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** Takes a suffix ("Jr.") and post-nominals ("OBE", "MP") off the end; returns the suffix kept. */
function stripSuffixes(words: string[]): { words: string[]; suffix?: string } {
  let rest = words.map((w) => w.replace(/,$/, ''));
  let suffix: string | undefined;
  while (rest.length > 1) {
    const last = rest[rest.length - 1]!;
    if (SUFFIXES.has(last.toLowerCase())) suffix ??= last;
    else if (!POST_NOMINALS.has(last.toLowerCase().replace(/\.$/, '')) || last === last.toLowerCase()) break;
    rest = rest.slice(0, -1);
  }
  return suffix ? { words: rest, suffix } : { words: rest };
}

/** Leading lower-case particles of a family name: "van Gennep" -> ["van", "Gennep"]. */
function splitParticle(family: string): CslName {
  const words = family.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has(words[i]!) && words[i] === words[i]!.toLowerCase()) i++;
  return i === 0
    ? { family }
    : { 'non-dropping-particle': words.slice(0, i).join(' '), family: words.slice(i).join(' ') };
}

/** A CJK name: family first, no comma. A name written without spaces is split after the surname, but only in Chinese or Korean. */
function cjkName(name: string, language: string | undefined): CslName {
  const words = name.split(/\s+/);
  if (words.length > 1) return { family: words[0]!, given: words.slice(1).join(' ') };
  const hangul = /^\p{Script=Hangul}{2,4}$/u.test(name);
  const han = /^\p{Script=Han}{2,4}$/u.test(name) && !/^ja\b/i.test(language ?? '');
  if (!hangul && !han) return { family: name };
  const surname = name.length > 2 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1;
  return { family: name.slice(0, surname), given: name.slice(surname) };
}

/**
 * A person's name as CSL's name parts. "Blake, Judith", "Judith Blake", "Cllr J. Blake", "Arnold van
 * Gennep", "van Gennep, Arnold", "Martin Luther King Jr.", "King, Martin Luther, Jr.", "周峰", "村上 春樹",
 * "Лев Николаевич Толстой", "Толстой Л.Н.". The record's language decides whether a Han name written
 * without a space can be split (Chinese) or not (Japanese).
 */
function personName(name: string, language?: string): CslName {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const comma = trimmed.indexOf(',');
  if (CJK.test(trimmed)) {
    return comma > 0
      ? { family: trimmed.slice(0, comma).trim(), given: trimmed.slice(comma + 1).trim() }
      : cjkName(trimmed, language);
  }
  if (comma > 0) {
    // "Family, Given[, Suffix]"
    const [familyPart, ...rest] = trimmed.split(',').map((p) => p.trim());
    const tail = rest.length > 1 ? rest.slice(1) : [];
    let suffix: string | undefined;
    for (const t of tail) if (SUFFIXES.has(t.toLowerCase())) suffix ??= t;
    const givenWords = stripHonorifics((rest[0] ?? '').split(' ').filter(Boolean));
    const stripped = stripSuffixes(givenWords);
    suffix ??= stripped.suffix;
    // Trailing particles of the given name belong to the family name ("Gennep, Arnold van").
    let g = stripped.words;
    const moved: string[] = [];
    while (g.length > 1 && PARTICLES.has(g[g.length - 1]!)) {
      moved.unshift(g[g.length - 1]!);
      g = g.slice(0, -1);
    }
    const family = splitParticle([...moved, familyPart!].join(' '));
    return { ...family, ...(g.length ? { given: g.join(' ') } : {}), ...(suffix ? { suffix } : {}) };
  }
  const { words, suffix } = stripSuffixes(stripHonorifics(trimmed.split(' ')));
  const withSuffix = (n: CslName): CslName => (suffix ? { ...n, suffix } : n);
  if (words.length < 2) return withSuffix({ family: words[0] ?? trimmed });
  // "Blake J." and "Толстой Л.Н.": initials after a family name.
  if (words.slice(1).every((w) => INITIALS.test(w)))
    return withSuffix({ family: words[0]!, given: words.slice(1).join(' ') });
  // The family name is the last word, with the particles before it ("de la Fontaine"); a capitalised
  // particle ("Van Buren") is part of the family name itself.
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(bare(words[start - 1]!))) start--;
  const particle = words.slice(start, -1);
  const family = words[words.length - 1]!;
  const given = words.slice(0, start).join(' ');
  if (particle.length === 0) return withSuffix({ family, given });
  if (particle.every((w) => w === w.toLowerCase()))
    return withSuffix({ 'non-dropping-particle': particle.join(' '), family, given });
  return withSuffix({ family: [...particle, family].join(' '), given });
}

function names(record: RecordView, roles: readonly LinkRole[]): CslName[] {
  for (const role of roles) {
    const linked = record.links.filter((l) => l.role === role);
    if (linked.length > 0)
      return linked.map((l) =>
        l.nameParts && nameFromParts(l.nameParts) === l.name
          ? { ...l.nameParts }
          : l.kind === 'person'
            ? personName(l.name, record.languages[0])
            : { literal: l.name },
      );
  }
  return [];
}

/** JSON with its object keys sorted: two values are the same when these are equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function toCslItem(record: RecordView, archive: HoldingArchive): CslItem {
  const item: CslItem = { id: `record-${record.id}`, type: 'document', title: record.title };
  const set = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    item[key] = value;
  };
  // The constants an archival record type implies; a published item says for itself.
  const archival = record.cslType === null;
  const invent = (key: string, value: unknown) => {
    if (archival) set(key, value);
  };
  set('issued', cslDate(record.date, record.dateEnd, record.dateApproximate));
  switch (record.type) {
    case 'press-release': {
      item.type = 'report';
      invent('genre', PRESS_RELEASE_GENRE);
      const issuers = names(record, ['issuer', 'author']);
      set('author', issuers);
      if (!issuers.length && record.publisher) invent('author', [{ literal: record.publisher }]);
      set('publisher', record.publisher);
      break;
    }
    case 'agreement':
      item.type = 'document';
      invent('genre', record.agreementKind ? AGREEMENT_KIND_LABELS[record.agreementKind] : 'Agreement');
      set('author', names(record, ['party', 'signatory']));
      set(
        'issued',
        cslDate(record.dateSigned ?? record.date, record.dateSigned ? null : record.dateEnd, record.dateApproximate),
      );
      set('event-place', record.placeSigned);
      set('publisher', record.publisher);
      break;
    case 'media-coverage':
      set('author', names(record, ['author']));
      if (record.medium === 'television' || record.medium === 'radio' || record.medium === null) {
        item.type = 'broadcast';
        invent('genre', BROADCAST_GENRES[record.medium ?? 'television']);
        set('container-title', record.programme);
        set('publisher', record.outlet ?? record.publisher);
      } else if (record.medium === 'newspaper' || record.medium === 'magazine') {
        item.type = record.medium === 'newspaper' ? 'article-newspaper' : 'article-magazine';
        set('container-title', record.outlet);
        set('publisher', record.publisher);
      } else {
        item.type = 'webpage';
        set('container-title', record.outlet);
        set('publisher', record.publisher);
        invent('accessed', cslDate(record.createdAt.slice(0, 10)));
      }
      break;
    case 'photograph':
      item.type = 'graphic';
      invent('medium', PHOTOGRAPH_MEDIUM);
      set('author', names(record, ['photographer', 'author']));
      set('publisher', record.publisher);
      break;
    case 'letter':
      item.type = 'personal_communication';
      invent('genre', LETTER_GENRE);
      set('author', names(record, ['author', 'signatory']));
      break;
    case 'report':
      item.type = 'report';
      set('author', names(record, ['author', 'issuer']));
      set('publisher', record.publisher);
      break;
    case 'event-programme':
      item.type = 'pamphlet';
      invent('genre', EVENT_PROGRAMME_GENRE);
      set('author', names(record, ['author', 'issuer']));
      set('publisher', record.publisher);
      break;
    default:
      item.type = 'document';
      set('author', names(record, ['author', 'issuer']));
      set('publisher', record.publisher);
  }
  set('URL', record.url);
  set('language', record.languages[0]);
  set('abstract', record.description);
  set('collection-title', record.collectionTitle ?? record.collection?.name);
  set('archive', archive.name);
  set('archive_location', record.referenceCode);
  set('archive-place', archive.place);
  set('call-number', record.physicalLocation);
  // The bibliographic description: where the record gives a value, it is the value.
  if (record.cslType) item.type = record.cslType;
  if (record.dateText) item.issued = { literal: record.dateText };
  set('genre', record.genre);
  set('medium', record.format);
  set('container-title', record.containerTitle);
  set('volume', record.volume);
  set('issue', record.issue);
  set('page', record.page);
  set('edition', record.edition);
  set('number', record.number);
  set('publisher-place', record.publisherPlace);
  set('DOI', record.doi);
  set('ISBN', record.isbn);
  set('ISSN', record.issn);
  set('accessed', cslDate(record.accessed));
  for (const role of CSL_NAME_ROLES) set(role, names(record, [role]));
  return withSourceForms(item, record);
}

/** Adds the variables kept verbatim, and gives back the source's forms while the fields still make what they made. */
function withSourceForms(item: CslItem, record: RecordView): CslItem {
  for (const [key, value] of Object.entries(record.extraCsl ?? {})) if (!(key in item)) item[key] = value;
  for (const [key, [form, made]] of Object.entries(record.cslForms ?? {})) {
    if (canonicalJson(item[key] ?? null) !== canonicalJson(made)) continue;
    if (form === null) delete item[key];
    else item[key] = form;
  }
  return item;
}
