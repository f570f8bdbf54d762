/** Channels of search: the record-level documents and their change feed, full-text search of documents, saved searches, the index snapshot. */
import { z } from 'zod';
import { Id, LINK_ROLES, RECORD_TYPES, RequiredText } from '../model';
import { SearchDocument } from '../search/document';
import { channel } from './channel';

const Segment = z.object({ text: z.string(), match: z.boolean() });

/**
 * Where a hit matched, as a key and its parameters: each door words it (the renderer in its
 * language, the CLI in English). A linked name says how it is linked (its role), a document's text
 * which page of which file; `catalogue` is a record's named fields found by their full text.
 */
export const MATCHED_FIELDS = [
  'title',
  'titleAlt',
  'referenceCode',
  'person',
  'organisation',
  'place',
  'event',
  'partnership',
  'tag',
  'outlet',
  'type',
  'date',
  'description',
  'text',
  'catalogue',
] as const;
export type MatchedField = (typeof MATCHED_FIELDS)[number];

export const MatchedIn = z.discriminatedUnion('field', [
  z.object({ field: z.enum(MATCHED_FIELDS) }),
  z.object({ field: z.literal('role'), role: z.enum(LINK_ROLES) }),
  z.object({ field: z.literal('page'), page: z.number().int(), file: z.string() }),
  /** Found by another name of an authority the query named (杭州 → a record that says Hangzhou). */
  z.object({ field: z.literal('alias'), name: z.string() }),
]);
export type MatchedIn = z.output<typeof MatchedIn>;

const TextHit = z.object({
  recordId: z.number(),
  title: z.string(),
  type: z.enum(RECORD_TYPES),
  date: z.string(),
  referenceCode: z.string(),
  /** In a page of a stored document, or in the record's own description or body text ("record": its named fields). */
  foundIn: z.enum(['page', 'description', 'text', 'record']),
  /** For a page: the file's name and the page number; "" and 0 otherwise. */
  fileName: z.string(),
  page: z.number(),
  rank: z.number(),
  snippet: z.array(Segment),
  /** Found by this other name of an authority the query named, not by the query's own words. */
  alias: z.string().optional(),
  /** Has all the query's words but one: nothing had them all. */
  partial: z.boolean().optional(),
  /** Found only through a near spelling of a word of the query. */
  corrected: z.boolean().optional(),
});

/** Facet filters chosen in the UI, combined with the typed query (bounded: a saved search is stored and listed whole). */
export const FacetFilters = z.strictObject({
  types: z.array(z.enum(RECORD_TYPES)).max(RECORD_TYPES.length).optional(),
  years: z.array(z.number().int()).max(1_000).optional(),
  decades: z.array(z.number().int()).max(1_000).optional(),
  partnerships: z.array(z.string().max(500)).max(1_000).optional(),
  organisations: z.array(z.string().max(500)).max(1_000).optional(),
  places: z.array(z.string().max(500)).max(1_000).optional(),
  tags: z.array(z.string().max(500)).max(1_000).optional(),
  languages: z.array(z.string().max(500)).max(1_000).optional(),
  hasFile: z.boolean().optional(),
  hasText: z.boolean().optional(),
});

export const SavedSearch = z.object({
  id: z.number(),
  name: z.string(),
  query: z.string(),
  filters: FacetFilters,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedSearch = z.output<typeof SavedSearch>;

/** The most hits searchText gives at once: the window and the CLI ask for no more. */
export const TEXT_HITS_MOST = 1_000;

export const searchChannels = {
  /**
   * Search documents for the record-level index: all of them (revision 0), or what changed since
   * a revision (upserts plus deleted ids), so a search index can follow the catalogue.
   */
  searchDocuments: channel(
    z.strictObject({ sinceRevision: z.number().int().min(0).default(0) }),
    z.object({ revision: z.number(), upserts: z.array(SearchDocument), deletes: z.array(z.number()) }),
    false,
  ),
  /** Full-text search (FTS5) of records' own words, then of documents' pages (text layers and OCR), best first. */
  searchText: channel(
    // A query is cut to MAX_QUERY_CHARS and the cut reported (query.ts), so a pasted page of text is answered, not refused.
    z.strictObject({
      query: z.string().max(100_000),
      limit: z.number().int().min(1).max(TEXT_HITS_MOST).default(100),
    }),
    z.object({
      hits: z.array(TextHit),
      expression: z.string().nullable(),
      /** "Did you mean": the query respelt with words of the library, and how many records that finds. */
      suggestions: z.array(z.object({ text: z.string(), total: z.number() })),
    }),
    false,
  ),
  rebuildTextIndex: channel(z.strictObject({}), z.object({ pages: z.number(), records: z.number() }), true),
  listSavedSearches: channel(z.strictObject({}), z.array(SavedSearch), false),
  saveSearch: channel(
    z.strictObject({ name: RequiredText(200), query: z.string().max(2_000), filters: FacetFilters.default({}) }),
    SavedSearch,
    true,
  ),
  deleteSavedSearch: channel(z.strictObject({ id: Id }), z.object({ id: z.number() }), true),
  /** The persisted record-level index, if one matches this library and tokenizer; null otherwise. */
  loadSearchSnapshot: channel(
    z.strictObject({}),
    z.object({ revision: z.number(), data: z.string() }).nullable(),
    false,
  ),
  /**
   * Whether there is such a snapshot, and its revision, from its header alone. A window reads the
   * file itself from its door's snapshot route (GET /search/snapshot, civic-file://search/snapshot):
   * tens of megabytes sent as a string in a JSON answer held the browser host's thread for seconds.
   */
  searchSnapshotInfo: channel(
    z.strictObject({}),
    z.object({ revision: z.number(), length: z.number() }).nullable(),
    false,
  ),
} as const;
