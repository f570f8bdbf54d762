/**
 * The record-level search engine: MiniSearch over each record's description, configured once
 * here, so the renderer's worker, the CLI and the benchmarks run exactly the same code. It
 * evaluates the query language (query.ts), applies facet filters, counts facets and ranks.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { LinkRole, RecordType } from '../model';
import { fieldText, LINK_FIELD_KIND, SEARCH_FIELDS, type SearchDocument, type SearchField } from './document';
import { dateMatches, parseQuery, type Clause, type ParsedQuery, type Scope } from './query';
import { highlight, snippet, type Segment } from './snippet';
import { isHanTerm, tokenize } from './tokenizer';

/** Titles and names find a record before its description does, and the description before the excerpt. */
export const FIELD_BOOSTS: Partial<Record<SearchField, number>> = {
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

const SCOPE_FIELDS: Record<Scope, SearchField[]> = {
  title: ['title', 'titleAlt'],
  person: ['people'],
  org: ['organisations'],
  place: ['places'],
  tag: ['tags'],
  ref: ['referenceCode'],
  partnership: ['partnerships'],
};

const FIELD_LABELS: Record<SearchField, string> = {
  title: 'title',
  titleAlt: 'title (other language)',
  referenceCode: 'reference code',
  people: 'person',
  organisations: 'organisation',
  places: 'place',
  events: 'event',
  partnerships: 'partnership',
  tags: 'tag',
  outlet: 'outlet',
  type: 'type',
  date: 'date',
  description: 'description',
  excerpt: 'text',
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

export type SortOrder = 'relevance' | 'date-desc' | 'date-asc' | 'title';

export interface FacetFilters {
  types?: RecordType[];
  years?: number[];
  decades?: number[];
  partnerships?: string[];
  organisations?: string[];
  places?: string[];
  tags?: string[];
  languages?: string[];
  hasFile?: boolean;
  hasText?: boolean;
}

export interface RecordHit {
  id: number;
  title: string;
  type: RecordType;
  date: string;
  referenceCode: string;
  score: number;
  /** Where it matched, in words: "title", "signatory", "tag"… */
  matchedIn: string[];
  /** The index terms that matched (folded), for highlighting. */
  terms: string[];
  titleSegments: Segment[];
  snippet: Segment[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  type: FacetValue[];
  decade: FacetValue[];
  year: FacetValue[];
  partnership: FacetValue[];
  organisation: FacetValue[];
  place: FacetValue[];
  tag: FacetValue[];
  language: FacetValue[];
  hasFile: number;
  hasText: number;
}

export interface SearchOutcome {
  query: ParsedQuery;
  total: number;
  hits: RecordHit[];
  facets: Facets;
  /** "Did you mean": index terms near the query's words, when nothing matched. */
  suggestions: string[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SortOrder;
  facets?: FacetFilters;
}

type Match = { score: number; match: Record<string, string[]>; terms: Set<string> };

function miniSearch(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    // The id stays a number, so discard(id) finds what add(doc) stored.
    extractField: (doc, field) => (field === 'id' ? (doc.id as unknown as string) : fieldText(doc, field as SearchField)),
    tokenize,
    processTerm: (term) => term,
    searchOptions: { boost: FIELD_BOOSTS, tokenize, processTerm: (term) => term },
  });
}

function contains(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const sorted = (map: Map<string, number>, byValue = false): FacetValue[] =>
  [...map.entries()]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => (byValue ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));

export class RecordSearch {
  private index = miniSearch();
  private readonly docs = new Map<number, SearchDocument>();

  get size(): number {
    return this.docs.size;
  }

  has(id: number): boolean {
    return this.docs.has(id);
  }

  get(id: number): SearchDocument | undefined {
    return this.docs.get(id);
  }

  /** Adds a record, or replaces it after an edit. */
  upsert(doc: SearchDocument): void {
    if (this.docs.has(doc.id)) this.index.discard(doc.id);
    this.docs.set(doc.id, doc);
    this.index.add(doc);
  }

  addAll(docs: SearchDocument[]): void {
    const fresh = docs.filter((d) => !this.docs.has(d.id));
    for (const d of docs) if (this.docs.has(d.id)) this.upsert(d);
    for (const d of fresh) this.docs.set(d.id, d);
    this.index.addAll(fresh);
  }

  remove(id: number): void {
    if (!this.docs.has(id)) return;
    this.index.discard(id);
    this.docs.delete(id);
  }

  clear(): void {
    this.index = miniSearch();
    this.docs.clear();
  }

  /** A snapshot: the MiniSearch index and the documents, as JSON text. */
  toJSON(): string {
    return JSON.stringify({ index: this.index, docs: [...this.docs.values()] });
  }

  static fromJSON(json: string): RecordSearch {
    const data = JSON.parse(json) as { index: unknown; docs: SearchDocument[] };
    const search = new RecordSearch();
    const options = (search.index as unknown as { _options: ConstructorParameters<typeof MiniSearch>[0] })._options;
    search.index = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(data.index), options);
    for (const d of data.docs) search.docs.set(d.id, d);
    return search;
  }

  private clauseMatches(clause: Clause): Map<number, Match> {
    const fields = clause.scope ? SCOPE_FIELDS[clause.scope] : undefined;
    const words = tokenize(clause.text);
    const exact = clause.phrase;
    const results: SearchResult[] = this.index.search(clause.text, {
      ...(fields ? { fields } : {}),
      combineWith: 'AND',
      prefix: exact ? false : prefixFor,
      fuzzy: exact ? false : fuzzyFor,
    });
    // Phrases, and Chinese (whose bigrams must be adjacent), are checked word by word.
    const adjacency = exact || words.some(isHanTerm) ? words : null;
    const out = new Map<number, Match>();
    for (const r of results) {
      const id = Number(r.id);
      if (adjacency && adjacency.length > 1) {
        const doc = this.docs.get(id);
        const inFields = (fields ?? [...SEARCH_FIELDS]).filter((f) => contains(tokenize(doc ? fieldText(doc, f) : ''), adjacency));
        if (inFields.length === 0) continue;
      }
      out.set(id, { score: r.score, match: r.match, terms: new Set(r.terms) });
    }
    return out;
  }

  private evaluate(q: ParsedQuery): Map<number, Match> {
    let result: Map<number, Match> | null = null;
    for (const group of q.groups) {
      const union = new Map<number, Match>();
      for (const clause of group) {
        for (const [id, m] of this.clauseMatches(clause)) {
          const prev = union.get(id);
          if (!prev) union.set(id, { score: m.score, match: { ...m.match }, terms: new Set(m.terms) });
          else {
            prev.score += m.score;
            for (const [t, f] of Object.entries(m.match)) prev.match[t] = [...new Set([...(prev.match[t] ?? []), ...f])];
            for (const t of m.terms) prev.terms.add(t);
          }
        }
      }
      if (result === null) result = union;
      else {
        const next = new Map<number, Match>();
        for (const [id, m] of union) {
          const prev = result.get(id);
          if (!prev) continue;
          next.set(id, { score: prev.score + m.score, match: { ...prev.match, ...m.match }, terms: new Set([...prev.terms, ...m.terms]) });
        }
        result = next;
      }
      if (result.size === 0) break;
    }
    if (result === null) {
      // Filters alone ("type:agreement year:2018"): every record is a candidate.
      result = new Map();
      for (const id of this.docs.keys()) result.set(id, { score: 0, match: {}, terms: new Set() });
    }
    for (const clause of q.excluded) for (const id of this.clauseMatches(clause).keys()) result.delete(id);
    return result;
  }

  private passes(doc: SearchDocument, q: ParsedQuery, f: FacetFilters): boolean {
    if (q.filters.types.length && !q.filters.types.includes(doc.type)) return false;
    if (!dateMatches(doc.date, doc.dateEnd, q.filters)) return false;
    if (f.types?.length && !f.types.includes(doc.type)) return false;
    const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
    if (f.years?.length && (year === null || !f.years.includes(year))) return false;
    if (f.decades?.length && (year === null || !f.decades.includes(Math.floor(year / 10) * 10))) return false;
    const named = (kind: SearchDocument['links'][number]['kind'], wanted?: string[]) =>
      !wanted?.length || wanted.every((w) => doc.links.some((l) => l.kind === kind && l.name === w));
    if (!named('partnership', f.partnerships) || !named('organisation', f.organisations) || !named('place', f.places)) return false;
    if (f.tags?.length && !f.tags.every((t) => doc.tags.some((d) => d.toLowerCase() === t.toLowerCase()))) return false;
    if (f.languages?.length && !f.languages.some((l) => doc.languages.includes(l))) return false;
    if (f.hasFile !== undefined && doc.hasFile !== f.hasFile) return false;
    if (f.hasText !== undefined && doc.hasText !== f.hasText) return false;
    return true;
  }

  private whereMatched(doc: SearchDocument, m: Match): string[] {
    const labels = new Set<string>();
    for (const [term, fields] of Object.entries(m.match)) {
      for (const field of fields as SearchField[]) {
        const kind = (LINK_FIELD_KIND as Record<string, string>)[field];
        if (!kind) {
          labels.add(FIELD_LABELS[field] ?? field);
          continue;
        }
        // Say how the name is linked ("signatory"), not just that a name matched.
        const roles = doc.links
          .filter((l) => l.kind === kind && tokenize([l.name, ...l.altNames].join(' ')).some((t) => t === term || t.startsWith(term)))
          .flatMap((l) => l.roles as LinkRole[]);
        if (roles.length) for (const r of roles) labels.add(r);
        else labels.add(FIELD_LABELS[field]);
      }
    }
    return [...labels];
  }

  private hit(doc: SearchDocument, m: Match): RecordHit {
    const terms = [...m.terms];
    const fields = new Set(Object.values(m.match).flat());
    const textField = (['description', 'excerpt', 'titleAlt', 'outlet'] as const).find((f) => fields.has(f));
    return {
      id: doc.id,
      title: doc.title,
      type: doc.type,
      date: doc.date,
      referenceCode: doc.referenceCode,
      score: m.score,
      matchedIn: this.whereMatched(doc, m),
      terms,
      titleSegments: highlight(doc.title, terms),
      snippet: textField ? snippet(doc[textField], terms) : snippet(doc.description || doc.excerpt, terms),
    };
  }

  private facets(docs: SearchDocument[]): Facets {
    const maps = {
      type: new Map<string, number>(),
      decade: new Map<string, number>(),
      year: new Map<string, number>(),
      partnership: new Map<string, number>(),
      organisation: new Map<string, number>(),
      place: new Map<string, number>(),
      tag: new Map<string, number>(),
      language: new Map<string, number>(),
    };
    let hasFile = 0;
    let hasText = 0;
    for (const d of docs) {
      count(maps.type, d.type);
      if (d.date) {
        count(maps.year, d.date.slice(0, 4));
        count(maps.decade, `${d.date.slice(0, 3)}0`);
      }
      for (const kind of ['partnership', 'organisation', 'place'] as const) {
        for (const name of new Set(d.links.filter((l) => l.kind === kind).map((l) => l.name))) count(maps[kind], name);
      }
      for (const t of d.tags) count(maps.tag, t);
      for (const l of d.languages) count(maps.language, l);
      if (d.hasFile) hasFile++;
      if (d.hasText) hasText++;
    }
    return {
      type: sorted(maps.type),
      decade: sorted(maps.decade, true),
      year: sorted(maps.year, true),
      partnership: sorted(maps.partnership),
      organisation: sorted(maps.organisation).slice(0, 30),
      place: sorted(maps.place).slice(0, 30),
      tag: sorted(maps.tag).slice(0, 30),
      language: sorted(maps.language),
      hasFile,
      hasText,
    };
  }

  /**
   * Which of these records a query's filters, exclusions and facets let through: for records
   * found by another engine (document text), so both lists obey the same filters.
   */
  accepted(ids: number[], input: string | ParsedQuery, facets: FacetFilters = {}): Set<number> {
    const q = typeof input === 'string' ? parseQuery(input) : input;
    const excluded = new Set<number>();
    for (const clause of q.excluded) for (const id of this.clauseMatches(clause).keys()) excluded.add(id);
    const out = new Set<number>();
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc && !excluded.has(id) && this.passes(doc, q, facets)) out.add(id);
    }
    return out;
  }

  /** Terms of the index near the query's words, for "did you mean". */
  suggest(q: ParsedQuery): string[] {
    const out: string[] = [];
    for (const clause of q.groups.flat()) {
      for (const word of tokenize(clause.text)) {
        if (isHanTerm(word) || word.length < 3) continue;
        const near = this.index.search(word, { fuzzy: 0.4, prefix: false, combineWith: 'OR' });
        const best = near.flatMap((r) => r.terms).find((t) => t !== word);
        if (best && !out.includes(best)) out.push(best);
      }
    }
    return out.slice(0, 3);
  }

  search(input: string | ParsedQuery, options: SearchOptions = {}): SearchOutcome {
    const q = typeof input === 'string' ? parseQuery(input) : input;
    const f = options.facets ?? {};
    const hasFacet = Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
    const empty: SearchOutcome = { query: q, total: 0, hits: [], facets: this.facets([]), suggestions: [] };
    if (q.groups.length === 0 && !q.filters.types.length && !q.filters.from && !q.filters.to && !hasFacet) return empty;
    const matches = this.evaluate(q);
    const found: { doc: SearchDocument; m: Match }[] = [];
    for (const [id, m] of matches) {
      const doc = this.docs.get(id);
      if (doc && this.passes(doc, q, f)) found.push({ doc, m });
    }
    const sort = options.sort ?? 'relevance';
    const byDate = (a: SearchDocument, b: SearchDocument) => (a.date || '0000').localeCompare(b.date || '0000') || a.id - b.id;
    found.sort((a, b) => {
      if (sort === 'date-asc') return byDate(a.doc, b.doc);
      if (sort === 'date-desc') return byDate(b.doc, a.doc);
      if (sort === 'title') return a.doc.title.localeCompare(b.doc.title) || a.doc.id - b.doc.id;
      return b.m.score - a.m.score || byDate(b.doc, a.doc);
    });
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 50;
    return {
      query: q,
      total: found.length,
      hits: found.slice(offset, offset + limit).map(({ doc, m }) => this.hit(doc, m)),
      facets: this.facets(found.map((x) => x.doc)),
      suggestions: found.length === 0 && q.groups.length > 0 ? this.suggest(q) : [],
    };
  }
}

export function buildRecordSearch(docs: SearchDocument[]): RecordSearch {
  const search = new RecordSearch();
  search.addAll(docs);
  return search;
}
