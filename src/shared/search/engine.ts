/**
 * The record-level search engine: MiniSearch over each record's description, configured once
 * here so the renderer's worker, the CLI and the benchmarks run exactly the same code.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { SEARCH_FIELDS, type SearchDocument } from './document';
import { isHanTerm, tokenize } from './tokenizer';

/** Titles and names find a record before its description does, and the description before the excerpt. */
export const FIELD_BOOSTS: Partial<Record<(typeof SEARCH_FIELDS)[number], number>> = {
  title: 4,
  titleAlt: 4,
  referenceCode: 4,
  people: 3,
  organisations: 3,
  places: 2.5,
  events: 2.5,
  partnerships: 2.5,
  tags: 2,
  outlet: 2,
  description: 1.2,
  excerpt: 0.6,
};

/** Typo tolerance grows with the term: none for short words, one edit up to 5 letters, two beyond. */
export function fuzzyFor(term: string): number | false {
  if (isHanTerm(term) || /^\d+$/.test(term)) return false;
  if (term.length <= 3) return false;
  return term.length <= 5 ? 1 : 2;
}

export function prefixFor(term: string): boolean {
  return !isHanTerm(term) && term.length >= 2;
}

export type RecordIndex = MiniSearch<SearchDocument>;

export function createRecordIndex(): RecordIndex {
  return new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: ['title', 'type', 'date', 'referenceCode'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      boost: FIELD_BOOSTS,
      combineWith: 'AND',
      prefix: prefixFor,
      fuzzy: fuzzyFor,
      tokenize,
      processTerm: (term) => term,
    },
  });
}

export function buildRecordIndex(docs: Iterable<SearchDocument>): RecordIndex {
  const index = createRecordIndex();
  index.addAll(Array.from(docs));
  return index;
}

/** Replace a record's entry (add, or re-add after an edit). */
export function upsertDocument(index: RecordIndex, doc: SearchDocument): void {
  if (index.has(doc.id)) index.discard(doc.id);
  index.add(doc);
}

export function removeDocument(index: RecordIndex, id: number): void {
  if (index.has(id)) index.discard(id);
}

export interface RecordHit {
  id: number;
  title: string;
  type: SearchDocument['type'];
  date: string;
  referenceCode: string;
  score: number;
  /** Names of the fields the query matched in, e.g. ["title", "people"]. */
  matchedIn: string[];
  terms: string[];
}

export function searchRecords(index: RecordIndex, query: string, limit = 50): RecordHit[] {
  if (tokenize(query).length === 0) return [];
  const results: SearchResult[] = index.search(query);
  return results.slice(0, limit).map((r) => ({
    id: Number(r.id),
    title: String(r.title ?? ''),
    type: r.type as SearchDocument['type'],
    date: String(r.date ?? ''),
    referenceCode: String(r.referenceCode ?? ''),
    score: r.score,
    matchedIn: [...new Set(Object.values(r.match).flat())],
    terms: r.terms,
  }));
}
