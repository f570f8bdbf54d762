/**
 * What the record-level search engine holds for one record: its short, named fields (titles,
 * names, places, tags, codes), where search-as-you-type needs prefix and typo matching. Prose —
 * the description and the body text — and documents' pages are searched by SQLite FTS5 in the
 * catalogue (records_fts, pages_fts), which holds them in a fraction of the memory. Built in the
 * catalogue, shipped to the renderer's worker and to the CLI by the change feed.
 */
import { z } from 'zod';
import { AGREEMENT_KIND_LABELS, AUTHORITY_KINDS, LINK_ROLES, RECORD_TYPES, type AgreementKind } from '../model';

export const SearchLink = z.object({
  kind: z.enum(AUTHORITY_KINDS),
  name: z.string(),
  altNames: z.array(z.string()),
  roles: z.array(z.enum(LINK_ROLES)),
});
export type SearchLink = z.output<typeof SearchLink>;

export const SearchDocument = z.object({
  id: z.number(),
  type: z.enum(RECORD_TYPES),
  /** For agreements: mou, memorandum, contract… ("" otherwise). */
  agreementKind: z.string(),
  title: z.string(),
  titleAlt: z.string(),
  date: z.string(),
  dateEnd: z.string(),
  referenceCode: z.string(),
  links: z.array(SearchLink),
  tags: z.array(z.string()),
  languages: z.array(z.string()),
  /** Outlet, programme and publisher. */
  outlet: z.string(),
  /** The opening of the description (SUMMARY_CHARS), for snippets; not indexed here (FTS5 searches it whole). */
  description: z.string(),
  hasFile: z.boolean(),
  hasText: z.boolean(),
});
export type SearchDocument = z.output<typeof SearchDocument>;

/** The fields MiniSearch indexes; the link fields are drawn from `links` by kind. */
export const SEARCH_FIELDS = [
  'title',
  'titleAlt',
  'referenceCode',
  'people',
  'organisations',
  'places',
  'events',
  'partnerships',
  'tags',
  'outlet',
  'type',
  'date',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const LINK_FIELD_KIND = {
  people: 'person',
  organisations: 'organisation',
  places: 'place',
  events: 'event',
  partnerships: 'partnership',
} as const;

/** The text of one field of a document, as indexed. */
export function fieldText(doc: SearchDocument, field: SearchField): string {
  switch (field) {
    case 'people':
    case 'organisations':
    case 'places':
    case 'events':
    case 'partnerships': {
      const kind = LINK_FIELD_KIND[field];
      return doc.links
        .filter((l) => l.kind === kind)
        .map((l) => [l.name, ...l.altNames].join(' '))
        .join(' ');
    }
    case 'tags':
      return doc.tags.join(' ');
    case 'type':
      // "MoU" and "letter of intent" find agreements of that kind.
      return `${doc.type.replace(/-/g, ' ')} ${doc.agreementKind ? `${AGREEMENT_KIND_LABELS[doc.agreementKind as AgreementKind] ?? ''} ${doc.agreementKind === 'mou' ? 'MoU' : ''}` : ''}`;
    default:
      return doc[field];
  }
}

/** How much of the description the search document carries, for a snippet under each hit. */
export const SUMMARY_CHARS = 280;
