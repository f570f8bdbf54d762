/** Channels of citations: styles (built in and installed), citing records, and the formats citations travel in. */
import { z } from 'zod';
import { Id } from '../model';
import { channel } from './channel';

const CITE_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

const STYLE_SOURCES = ['built-in', 'installed', 'official'] as const;

export const StyleInfo = z.object({
  id: z.string(),
  title: z.string(),
  builtIn: z.boolean(),
  /** built-in (the five), installed (by the user, kept in the library) or official (any other CSL style the app carries). */
  source: z.enum(STYLE_SOURCES),
  /** Where the style comes from: the package and the CSL repository revision, or the file installed. */
  origin: z.string(),
  /** "in-text" (author-date or numeric) or "note"; null in a list of all official styles, which does not open each one. */
  citationClass: z.string().nullable(),
  /** Said on installing: e.g. that the file is another edition of a built-in style, and which one is used. */
  note: z.string().optional(),
});
export type StyleInfo = z.output<typeof StyleInfo>;

const RecordIds = z.array(Id).min(1, 'choose at least one record').max(5_000);

export const Citation = z.object({
  style: z.string(),
  /** One entry per record, in the style's bibliography order. */
  entries: z.array(z.object({ recordId: z.number(), text: z.string(), html: z.string() })),
  /** The whole bibliography as plain text (one entry a line) and as HTML (escaped by the CSL processor). */
  text: z.string(),
  html: z.string(),
  /** The in-text citation of all the records together, e.g. "(Leeds and Hangzhou, 2018)". */
  inText: z.object({ text: z.string(), html: z.string() }),
});
export type Citation = z.output<typeof Citation>;

export const citeChannels = {
  /** The built-in and installed styles; with `all`, every official style too; `find` keeps those whose id or title has every word. */
  listStyles: channel(
    z.strictObject({
      all: z.boolean().optional(),
      find: z.string().trim().max(200, 'at most 200 characters').optional(),
    }),
    z.array(StyleInfo),
    false,
  ),
  installStyle: channel(
    z.strictObject({
      xml: z.string().min(1, 'the style file is empty').max(2_000_000, 'a style file is at most 2 MB'),
    }),
    StyleInfo,
    true,
  ),
  removeStyle: channel(z.strictObject({ style: z.string().min(1) }), z.object({ style: z.string() }), true),
  citeRecords: channel(z.strictObject({ ids: RecordIds, style: z.string().min(1).optional() }), Citation, false),
  /** Records as BibTeX, RIS or CSL-JSON text. */
  exportCitations: channel(
    z.strictObject({
      ids: z.array(Id).min(1, 'choose at least one record').max(100_000),
      format: z.enum(CITE_FORMATS),
    }),
    z.object({ format: z.enum(CITE_FORMATS), count: z.number(), content: z.string() }),
    false,
  ),
};
