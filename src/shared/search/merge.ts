/**
 * One list from two engines. Record-level hits (MiniSearch, the named fields) come first, in
 * their order; full-text hits (FTS5: a record's description or body text, a document's page) are
 * added to the records they belong to ("description", "page 3 of mou.pdf"), and records found
 * only by their text follow below, so the list never jumps under the cursor when they arrive —
 * except below the records with every word: those with all but one (partial) come last.
 */
import type { MatchedIn } from '../channels/search';
import type { RecordType } from '../model';
import type { RecordHit } from './engine';
import { matchKey } from './match-key';
import type { Segment } from './snippet';
import { highlight } from './snippet';

export interface TextHit {
  recordId: number;
  title: string;
  type: RecordType;
  date: string;
  referenceCode: string;
  foundIn: 'page' | 'description' | 'text' | 'record';
  fileName: string;
  page: number;
  /** bm25 of the best page: lower is better. */
  rank: number;
  /** Marked text around the match: the record's first hit only (the one the list shows); empty on its other pages. */
  snippet: Segment[];
  /** Found by this other name of an authority the query named (aliases.ts), not by the query's own words. */
  alias?: string;
  /** Has all the query's words but one: nothing had them all (text-search.ts). */
  partial?: boolean;
  /** Found only through a near spelling of a word, not by the words as typed. */
  corrected?: boolean;
}

type PageMatch = Extract<MatchedIn, { field: 'page' }>;

export interface MergedHit extends RecordHit {
  /** The pages of the record's documents that matched (page 3 of mou-scan.pdf). */
  pages: PageMatch[];
  source: 'record' | 'text' | 'both';
}

function pageMatch(hit: Pick<TextHit, 'page' | 'fileName'>): PageMatch {
  return { field: 'page', page: hit.page, file: hit.fileName };
}

/** Where a full-text hit is, as a key: a page of a file, the description, the text, the catalogue fields. */
function textMatch(hit: Pick<TextHit, 'foundIn' | 'page' | 'fileName'>): MatchedIn {
  if (hit.foundIn === 'page') return pageMatch(hit);
  return { field: hit.foundIn === 'record' ? 'catalogue' : hit.foundIn };
}

/** Each place once, in order. */
function distinct(list: MatchedIn[]): MatchedIn[] {
  const seen = new Map<string, MatchedIn>();
  for (const m of list) if (!seen.has(matchKey(m))) seen.set(matchKey(m), m);
  return [...seen.values()];
}

export function mergeHits(records: RecordHit[], texts: TextHit[], terms: string[]): MergedHit[] {
  const byRecord = new Map<number, TextHit[]>();
  for (const t of texts) byRecord.set(t.recordId, [...(byRecord.get(t.recordId) ?? []), t]);
  const pagesOf = (hits: TextHit[]) => hits.filter((h) => h.foundIn === 'page').map(pageMatch);
  // A hit found by another name of an authority the query named says so too.
  const labelsOf = (hits: TextHit[]) =>
    distinct(
      hits.flatMap((h) => (h.alias === undefined ? [textMatch(h)] : [textMatch(h), { field: 'alias', name: h.alias }])),
    );
  const out: MergedHit[] = records.map((r) => {
    const texts = byRecord.get(r.id) ?? [];
    // The record's own fields already say where they matched; "catalogue fields" would repeat it.
    const extra = labelsOf(texts).filter((l) => l.field !== 'catalogue');
    return {
      ...r,
      // All but one word in the named fields, but every word in its text: a full match.
      partial: r.partial && !texts.some((t) => t.partial !== true),
      pages: pagesOf(texts),
      source: texts.length ? 'both' : 'record',
      matchedIn: distinct([...r.matchedIn, ...extra]),
    };
  });
  const seen = new Set(records.map((r) => r.id));
  for (const [recordId, hits] of byRecord) {
    if (seen.has(recordId)) continue;
    const best = hits[0]!;
    const pages = pagesOf(hits);
    out.push({
      id: recordId,
      title: best.title,
      type: best.type,
      date: best.date,
      referenceCode: best.referenceCode,
      score: 0,
      matchedIn: labelsOf(hits),
      terms,
      partial: hits.every((h) => h.partial === true),
      titleSegments: highlight(best.title, terms),
      snippet: best.snippet,
      pages,
      source: 'text',
    });
  }
  // Records with every word come before those with all but one, whichever engine found them: a
  // page that has "Roundhay Park" outranks a title that has only "park".
  return [...out.filter((h) => !h.partial), ...out.filter((h) => h.partial)];
}

/**
 * The merged list in a list order (the catalogue's, as `place` gives each record's position): the
 * records found by their text alone take their place in it too, and those with all words but one
 * stay below the full matches, as merged. Records the order does not know go last.
 */
export function inListOrder(merged: MergedHit[], place: (id: number) => number | undefined): MergedHit[] {
  const last = Number.MAX_SAFE_INTEGER;
  return merged.sort(
    (a, b) => (a.partial ? 1 : 0) - (b.partial ? 1 : 0) || (place(a.id) ?? last) - (place(b.id) ?? last),
  );
}

/**
 * Every record's id in a list order, read a page at a time from `page` (the catalogue's recordIds,
 * through whichever door): the order `inListOrder` places hits in.
 */
export async function idsInListOrder(
  page: (offset: number) => Promise<{ ids: number[]; total: number }>,
): Promise<number[]> {
  const ids: number[] = [];
  for (;;) {
    const next = await page(ids.length);
    ids.push(...next.ids);
    if (next.ids.length === 0 || ids.length >= next.total) return ids;
  }
}

/**
 * Records the text engine found by the words as typed and the record engine did not: with the
 * record engine's total, what a query found before any respelling, the measure of whether a
 * "did you mean" helps (helpfulSuggestions).
 */
export function foundAsTyped(texts: TextHit[], inRecordResult: (id: number) => boolean): number {
  const ids = new Set<number>();
  for (const t of texts) if (!t.corrected && !t.partial && !inRecordResult(t.recordId)) ids.add(t.recordId);
  return ids.size;
}
