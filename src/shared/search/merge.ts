/**
 * One list from two engines. Record-level hits (MiniSearch) come first, in their order;
 * document-text hits (FTS5) are added to the records they belong to ("page 3 of mou.pdf"), and
 * records found only by their text follow below, so the list never jumps under the cursor when
 * the text hits arrive.
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

export function mergeHits(records: RecordHit[], texts: TextHit[], terms: string[]): MergedHit[] {
  const byRecord = new Map<number, TextHit[]>();
  for (const t of texts) byRecord.set(t.recordId, [...(byRecord.get(t.recordId) ?? []), t]);
  const out: MergedHit[] = records.map((r) => {
    const pages = (byRecord.get(r.id) ?? []).map(pageLabel);
    return { ...r, pages, source: pages.length ? 'both' : 'record', matchedIn: [...r.matchedIn, ...pages] };
  });
  const seen = new Set(records.map((r) => r.id));
  for (const [recordId, hits] of byRecord) {
    if (seen.has(recordId)) continue;
    const best = hits[0]!;
    const pages = hits.map(pageLabel);
    out.push({
      id: recordId,
      title: best.title,
      type: best.type,
      date: best.date,
      referenceCode: best.referenceCode,
      score: 0,
      matchedIn: pages,
      terms,
      titleSegments: highlight(best.title, terms),
      snippet: best.snippet,
      pages,
      source: 'text',
    });
  }
  return out;
}
