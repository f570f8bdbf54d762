/**
 * What the record-level search engine indexes for one record: its description, not its full
 * text (which belongs to SQLite FTS5 once documents land). Built in the catalogue, shipped to
 * the renderer's worker and to the CLI by the change feed.
 */
import { z } from 'zod';
import { RECORD_TYPES } from '../model';

export const SearchDocument = z.object({
  id: z.number(),
  type: z.enum(RECORD_TYPES),
  title: z.string(),
  titleAlt: z.string(),
  date: z.string(),
  referenceCode: z.string(),
  people: z.string(),
  organisations: z.string(),
  places: z.string(),
  events: z.string(),
  partnerships: z.string(),
  tags: z.string(),
  outlet: z.string(),
  description: z.string(),
  excerpt: z.string(),
});
export type SearchDocument = z.output<typeof SearchDocument>;

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
  'description',
  'excerpt',
] as const satisfies readonly (keyof SearchDocument)[];

/** How long the excerpt of body text is: enough to find a record by its opening, small enough for 100k records. */
export const EXCERPT_CHARS = 600;
