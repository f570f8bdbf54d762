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
 * People's names are split into family and given ("Blake, Judith" or the last word of "Judith Blake");
 * organisations and places are literal names, never split.
 */
import { AGREEMENT_KIND_LABELS, type LinkRole, type RecordView } from '../../shared/model';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
export interface CslDate {
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
export const PHOTOGRAPH_MEDIUM = 'Photograph';
export const BROADCAST_GENRES = { television: 'Television broadcast', radio: 'Radio broadcast' } as const;

/** "2018-09-14" -> { date-parts: [[2018, 9, 14]] }; an end date makes a range. */
export function cslDate(date: string | null, end: string | null = null, approximate = false): CslDate | undefined {
  if (!date) return undefined;
  const parts = (d: string) => d.split('-').map(Number);
  const out: CslDate = { 'date-parts': end ? [parts(date), parts(end)] : [parts(date)] };
  if (approximate) out.circa = true;
  return out;
}

export function personName(name: string): CslName {
  const comma = name.indexOf(',');
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { family: name.trim() };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

function names(record: RecordView, roles: LinkRole[]): CslName[] {
  for (const role of roles) {
    const linked = record.links.filter((l) => l.role === role);
    if (linked.length > 0) return linked.map((l) => (l.kind === 'person' ? personName(l.name) : { literal: l.name }));
  }
  return [];
}

export function toCslItem(record: RecordView, archive: HoldingArchive): CslItem {
  const item: CslItem = { id: `record-${record.id}`, type: 'document', title: record.title };
  const set = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    item[key] = value;
  };
  set('issued', cslDate(record.date, record.dateEnd, record.dateApproximate));
  switch (record.type) {
    case 'press-release': {
      item.type = 'report';
      set('genre', PRESS_RELEASE_GENRE);
      const issuers = names(record, ['issuer', 'author']);
      set('author', issuers.length ? issuers : record.publisher ? [{ literal: record.publisher }] : []);
      set('publisher', record.publisher);
      break;
    }
    case 'agreement':
      item.type = 'document';
      set('genre', record.agreementKind ? AGREEMENT_KIND_LABELS[record.agreementKind] : 'Agreement');
      set('author', names(record, ['party', 'signatory']));
      set('issued', cslDate(record.dateSigned ?? record.date, record.dateSigned ? null : record.dateEnd, record.dateApproximate));
      set('event-place', record.placeSigned);
      set('publisher', record.publisher);
      break;
    case 'media-coverage':
      set('author', names(record, ['author']));
      if (record.medium === 'television' || record.medium === 'radio' || record.medium === null) {
        item.type = 'broadcast';
        set('genre', BROADCAST_GENRES[record.medium ?? 'television']);
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
        set('accessed', cslDate(record.createdAt.slice(0, 10)));
      }
      break;
    case 'photograph':
      item.type = 'graphic';
      set('medium', PHOTOGRAPH_MEDIUM);
      set('author', names(record, ['photographer', 'author']));
      set('publisher', record.publisher);
      break;
    case 'letter':
      item.type = 'personal_communication';
      set('genre', LETTER_GENRE);
      set('author', names(record, ['author', 'signatory']));
      break;
    case 'report':
      item.type = 'report';
      set('author', names(record, ['author', 'issuer']));
      set('publisher', record.publisher);
      break;
    case 'event-programme':
      item.type = 'pamphlet';
      set('genre', EVENT_PROGRAMME_GENRE);
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
  set('collection-title', record.collection?.name);
  set('archive', archive.name);
  set('archive_location', record.referenceCode);
  set('archive-place', archive.place);
  set('call-number', record.physicalLocation);
  return item;
}
