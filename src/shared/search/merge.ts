/**
 * One list from two engines. Record-level hits (MiniSearch, the named fields) come first, in
 * their order; full-text hits (FTS5: a record's description or body text, a document's page) are
 * added to the records they belong to ("description", "page 3 of mou.pdf"), and records found
 * only by their text follow below, so the list never jumps under the cursor when they arrive.
 */
import type { RecordType } from '../model';
import type { RecordHit } from './engine';
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
  snippet: Segment[];
}

export interface MergedHit extends RecordHit {
  /** "page 3 of mou-scan.pdf", when the record's documents matched. */
  pages: string[];
  source: 'record' | 'text' | 'both';
}

export function pageLabel(hit: Pick<TextHit, 'page' | 'fileName'>): string {
  return `page ${hit.page} of ${hit.fileName}`;
}

/** Where a full-text hit is, in words: "page 3 of mou.pdf", "description", "text". */
export function textLabel(hit: Pick<TextHit, 'foundIn' | 'page' | 'fileName'>): string {
  if (hit.foundIn === 'page') return pageLabel(hit);
  return hit.foundIn === 'record' ? 'catalogue fields' : hit.foundIn;
}

export function mergeHits(records: RecordHit[], texts: TextHit[], terms: string[]): MergedHit[] {
  const byRecord = new Map<number, TextHit[]>();
  for (const t of texts) byRecord.set(t.recordId, [...(byRecord.get(t.recordId) ?? []), t]);
  const pagesOf = (hits: TextHit[]) => hits.filter((h) => h.foundIn === 'page').map(pageLabel);
  const labelsOf = (hits: TextHit[]) => [...new Set(hits.map(textLabel))];
  const out: MergedHit[] = records.map((r) => {
    const texts = byRecord.get(r.id) ?? [];
    const extra = labelsOf(texts).filter((l) => !r.matchedIn.includes(l) && l !== 'catalogue fields');
    return { ...r, pages: pagesOf(texts), source: texts.length ? 'both' : 'record', matchedIn: [...r.matchedIn, ...extra] };
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
      titleSegments: highlight(best.title, terms),
      snippet: best.snippet,
      pages,
      source: 'text',
    });
  }
  return out;
}
