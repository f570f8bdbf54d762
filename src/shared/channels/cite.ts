/** Channels of citations: styles (built in and installed), citing records, and the formats citations travel in. */
import { z } from 'zod';
import { Id } from '../model';
import { channel } from './channel';

export const CITE_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

export const StyleInfo = z.object({
  id: z.string(),
  title: z.string(),
  builtIn: z.boolean(),
  /** "in-text" (author-date or numeric) or "note". */
  citationClass: z.string(),
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
  listStyles: channel(z.strictObject({}), z.array(StyleInfo), false),
  installStyle: channel(
    z.strictObject({ xml: z.string().min(1, 'the style file is empty').max(2_000_000, 'a style file is at most 2 MB') }),
    StyleInfo,
    true,
  ),
  removeStyle: channel(z.strictObject({ style: z.string().min(1) }), z.object({ style: z.string() }), true),
  citeRecords: channel(
    z.strictObject({ ids: RecordIds, style: z.string().min(1).optional() }),
    Citation,
    false,
  ),
  /** Records as BibTeX, RIS or CSL-JSON text. */
  exportCitations: channel(
    z.strictObject({ ids: z.array(Id).min(1, 'choose at least one record').max(100_000), format: z.enum(CITE_FORMATS) }),
    z.object({ format: z.enum(CITE_FORMATS), count: z.number(), content: z.string() }),
    false,
  ),
};
