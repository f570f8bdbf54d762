/**
 * The record-level search engine: MiniSearch over each record's description, configured once
 * here, so the renderer's worker, the CLI and the benchmarks run exactly the same code. It
 * evaluates the query language (query.ts), applies facet filters, counts facets and ranks.
 */
import MiniSearch from 'minisearch';
import type { MatchedField, MatchedIn } from '../channels/search';
import type { RecordType } from '../model';
import { fieldText, LINK_FIELD_KIND, SEARCH_FIELDS, type SearchDocument, type SearchField } from './document';
import { dateMatches, parseQuery, type Clause, type ParsedQuery, type Scope } from './query';
import { packSnapshot, SnapshotDocuments, unpackSnapshot } from './index-snapshot';
import { highlight, snippet, type Segment } from './snippet';
import { isHanTerm, tokenize } from './tokenizer';
import { damerau, transpositions } from './damerau';
import { addNames, aliasQueries, type NameIndex } from './aliases';
import { matchKey } from './match-key';

/** Titles and codes first, then names, then places, events and tags. (Prose is FTS5's: records_fts.) */
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

/** The key each indexed field is reported as (see MatchedIn): the doors word it. */
const FIELD_KEYS: Record<SearchField, MatchedField> = {
  title: 'title',
  titleAlt: 'titleAlt',
  referenceCode: 'referenceCode',
  people: 'person',
  organisations: 'organisation',
  places: 'place',
  events: 'event',
  partnerships: 'partnership',
  tags: 'tag',
  outlet: 'outlet',
  type: 'type',
  date: 'date',
};

/**
 * Typo tolerance grows with the term: none up to 3 letters, one edit (Damerau: a swap of two
 * neighbouring letters is one) up to 8, two beyond. A 4-letter word gets its one slip ("Dnce" →
 * dance in `Phoenix Dnce`): what it also reaches (hand, bang for "hang") weighs less than any
 * exact or prefix match (FUZZY_WEIGHT), so it only fills in below them. Two edits on a 6-letter
 * word would reach a third of its letters and walk much of a large vocabulary.
 */
export function fuzzyFor(term: string): number | false {
  if (isHanTerm(term) || /^\d+$/.test(term)) return false;
  if (term.length <= 3) return false;
  return term.length <= 8 ? 1 : 2;
}

/**
 * Prefix matching from the third letter: "ha" would expand to every word starting so (thousands in
 * a large library) and match nearly every record; "han" is already a useful prefix.
 */
export function prefixFor(term: string): boolean {
  return !isHanTerm(term) && term.length >= 3;
}

/**
 * English stop words (Lucene's classic set) are left out of the record-level index: they occur in
 * nearly every description, so any query containing one ("memorandum of understanding") would score
 * every record. FTS5 keeps them; phrases are still checked word for word against the text.
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);
const indexTerm = (term: string): string | null => (STOP_WORDS.has(term) ? null : term);

/**
 * `listed`: the library list's own order (options.listed), so a search sorts by creator,
 * collection, tags, type, reference… exactly as the list does — by the catalogue's sort keys and
 * collation, in every language — rather than by a second rule kept here that could disagree.
 */
export type SortOrder = 'relevance' | 'date-desc' | 'date-asc' | 'title' | 'listed';

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
  /** Where it matched, as keys: `{ field: 'title' }`, `{ field: 'role', role: 'signatory' }`… */
  matchedIn: MatchedIn[];
  /** The index terms that matched (folded), for highlighting. */
  terms: string[];
  /** It holds every word of the query but one (listed below the full matches). */
  partial: boolean;
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
  /**
   * "Did you mean": the query with a word that is not a word of the library replaced by the
   * nearest one that is, when this engine found little (≤ FEW_HITS), with how many records the
   * corrected query finds here. Whether it helps depends on the merged list: helpfulSuggestions().
   */
  suggestions: Suggestion[];
}

export interface Suggestion {
  text: string;
  total: number;
}

/** "Very little": a query finding at most this many records may be offered a correction. */
export const FEW_HITS = 2;

/**
 * The suggestions worth showing under a merged list of `found` records: only when it found
 * nothing or very little, and only corrections that find much more (three times as many, and
 * more than one more). `PCorpus`, which found what was wanted, and `facsimile` with six hits
 * get none.
 */
export function helpfulSuggestions(suggestions: Suggestion[], found: number): string[] {
  if (found > FEW_HITS) return [];
  // Both engines may offer the same correction: once.
  return [...new Set(suggestions.filter((s) => s.total >= Math.max(1, 3 * found + 1)).map((s) => s.text))];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SortOrder;
  facets?: FacetFilters;
  /** Count facets now (default), or leave them for `lastFacets()` so the hits can be shown first. */
  withFacets?: boolean;
  /** Also find records by another name of an authority the query named (default true; aliases.ts). */
  aliases?: boolean;
  /**
   * With sort 'listed': each record's place in the list's order (lower first; a record it does not
   * place goes last). `key` names that order, so a remembered answer never outlives it.
   */
  listed?: { key: string; place: (id: number) => number | undefined };
}

/** What is found only by another name of an authority the query named weighs this much of the lowest direct match, at most. */
const ALIAS_BELOW = 0.5;

/** Where `probe` goes among `top` (the best so far by `cmp`, in order, at most k), or -1: it does not belong. */
function placeInTop<T>(top: T[], k: number, cmp: (a: T, b: T) => number, probe: T): number {
  if (top.length === k && cmp(probe, top[k - 1]!) >= 0) return -1;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(probe, top[mid]!) < 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function insertInTop<T>(top: T[], k: number, at: number, item: T): void {
  top.splice(at, 0, item);
  if (top.length > k) top.pop();
}

/** The k best items by `cmp`, in order, without sorting all of them (a result can be 100,000 records). */
function topK<T>(items: Iterable<T>, k: number, cmp: (a: T, b: T) => number): T[] {
  if (Array.isArray(items) && items.length <= k * 4) return [...(items as T[])].sort(cmp).slice(0, k);
  const top: T[] = [];
  for (const item of items) {
    const at = placeInTop(top, k, cmp, item);
    if (at >= 0) insertInTop(top, k, at, item);
  }
  return top;
}

/**
 * topK over a map of scores, making an entry only for a record that enters the top: iterating the
 * map's entries made one array per matching record (thousands a keystroke, all garbage).
 */
function topScores(
  scores: Map<number, number>,
  k: number,
  cmp: (a: [number, number], b: [number, number]) => number,
): [number, number][] {
  const top: [number, number][] = [];
  const probe: [number, number] = [0, 0];
  scores.forEach((score, id) => {
    probe[0] = id;
    probe[1] = score;
    const at = placeInTop(top, k, cmp, probe);
    if (at >= 0) insertInTop(top, k, at, [id, score]);
  });
  return top;
}

/** How a record matched, worked out for the hits shown: each index term it matched, with the fields. */
type Match = { score: number; match: Record<string, string[]> };

/** Postings of one index term: field id → (MiniSearch's short document id → term frequency). */
type TermData = Map<number, Map<number, number>>;

/**
 * MiniSearch's index, read directly. Its own `search()` builds a result object per matching
 * record, merges them through Maps and sorts them all: for a word on a third of 100,000 records
 * that is tens of milliseconds before the first hit can be shown. Scoring here walks the same
 * postings with the same BM25+ formula and weights into typed arrays, and builds nothing per
 * record until the page of hits is known. MiniSearch still tokenizes, indexes, expands prefixes
 * (its radix tree) and finds typos (its Levenshtein automaton). minisearch is pinned in
 * package.json; tests/unit/search/engine.test.ts checks the ranking against MiniSearch's own.
 */
interface MiniSearchInternals {
  _index: {
    get(term: string): TermData | undefined;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _nextId: number;
}

/** MiniSearch's defaults (v7): BM25+ parameters and the weight of prefix expansions. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
export const PREFIX_WEIGHT = 0.375;
/**
 * A slip weighs less than any prefix (MiniSearch's default, 0.45, weighs a one-letter slip above
 * a long prefix): exact > prefix > slip. A prefix weighs at least 0.375·L/(L + 0.3·(L − 3)) ≈ 0.29;
 * a slip at most 0.25·L/(L + 1) < 0.25.
 */
export const FUZZY_WEIGHT = 0.25;

/** One index term a query term expanded to (itself, a longer word it prefixes, a near spelling), in some fields. */
interface Expansion {
  term: string;
  data: TermData;
  fields: readonly SearchField[];
}

/** A clause's or a query's matches: record id → score, and the expansions to tell where each matched. */
interface Evaluated {
  scores: Map<number, number>;
  expansions: Expansion[];
  /** Of those, the records that hold every word but one (scored below every full match). */
  partial?: Set<number>;
}

function miniSearch(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    // The id stays a number, so discard(id) finds what add(doc) stored.
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field as SearchField)),
    tokenize,
    processTerm: indexTerm,
    searchOptions: { boost: FIELD_BOOSTS, tokenize, processTerm: indexTerm },
  });
}

/**
 * Adds the records that match every group of words but one, scored below the lowest full match
 * (in their own order), so they are listed after every full match.
 */
function withPartial(full: Evaluated, unions: Evaluated[]): Evaluated {
  const counts = new Map<number, { n: number; score: number }>();
  for (const u of unions)
    for (const [id, score] of u.scores) {
      if (full.scores.has(id)) continue;
      const c = counts.get(id);
      if (c) {
        c.n++;
        c.score += score;
      } else counts.set(id, { n: 1, score });
    }
  const wanted = unions.length - 1;
  const partial = new Set<number>();
  let best = 0;
  for (const c of counts.values()) if (c.n === wanted) best = Math.max(best, c.score);
  if (best === 0) return full;
  let floor = Infinity;
  for (const score of full.scores.values()) floor = Math.min(floor, score);
  const scale = floor === Infinity ? 1 : (0.5 * floor) / best;
  const scores = new Map(full.scores);
  for (const [id, c] of counts)
    if (c.n === wanted) {
      scores.set(id, c.score * scale);
      partial.add(id);
    }
  return { scores, expansions: full.expansions, partial };
}

function contains(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function hasFilters(f: FacetFilters): boolean {
  for (const v of Object.values(f)) if (Array.isArray(v) ? v.length > 0 : v !== undefined) return true;
  return false;
}

const linkTermCache = new WeakMap<object, string[]>();
function linkTerms(link: SearchDocument['links'][number]): string[] {
  let terms = linkTermCache.get(link);
  if (!terms) linkTermCache.set(link, (terms = tokenize([link.name, ...link.altNames].join(' '))));
  return terms;
}

const facetKeyCache = new WeakMap<SearchDocument, string[]>();
/** The facet values of a document as "facet\u0000value" keys, computed once per document. */
function facetKeys(d: SearchDocument): string[] {
  let keys = facetKeyCache.get(d);
  if (keys) return keys;
  const set = new Set<string>([`type\u0000${d.type}`]);
  if (d.date) {
    set.add(`year\u0000${d.date.slice(0, 4)}`);
    set.add(`decade\u0000${d.date.slice(0, 3)}0`);
  }
  for (const l of d.links)
    if (l.kind === 'partnership' || l.kind === 'organisation' || l.kind === 'place')
      set.add(`${l.kind}\u0000${l.name}`);
  for (const t of d.tags) set.add(`tag\u0000${t}`);
  for (const l of d.languages) set.add(`language\u0000${l}`);
  facetKeyCache.set(d, (keys = [...set]));
  return keys;
}

export class RecordSearch {
  private index = miniSearch();
  /** A loaded snapshot's documents are parsed one by one as they are first read (index-snapshot.ts). */
  private docs: Map<number, SearchDocument> = new Map();
  /** The last search's whole result, kept as its matches and filter; turned into documents only when asked (facets). */
  private last: {
    matches: Map<number, number>;
    keep: ((doc: SearchDocument) => boolean) | null;
    partial?: Set<number>;
  } = {
    matches: new Map(),
    keep: null,
  };
  private lastFoundCache: SearchDocument[] | null = null;
  /** The names of the authorities the records link (aliases.ts), built on first use, then kept up as records come. */
  private names: NameIndex | null = null;
  private namesSeen = new Set<string>();
  /** Records of the last search found only by another name, with that name. */
  private lastAlias = new Map<number, string>();

  private noteNames(doc: SearchDocument): void {
    if (!this.names) return;
    for (const l of doc.links) {
      if (l.altNames.length === 0) continue;
      const seen = `${l.kind}\u0000${l.name}\u0000${l.altNames.join('\u0000')}`;
      if (this.namesSeen.has(seen)) continue;
      this.namesSeen.add(seen);
      addNames(this.names, [l.name, ...l.altNames]);
    }
  }

  private nameIndex(): NameIndex {
    if (!this.names) {
      // A loaded snapshot carries the index of its records' names: no record is parsed, no name folded.
      const loaded = this.docs instanceof SnapshotDocuments ? this.docs : null;
      this.names = loaded ? loaded.nameIndex() : new Map();
      for (const d of loaded ? loaded.changed() : this.docs.values()) this.noteNames(d);
    }
    return this.names;
  }

  /**
   * Builds now what the first query would otherwise build (the name index, the field lengths):
   * 0.1–0.2 s at 100,000 records that would land on the first keystroke after a load.
   */
  warm(): void {
    this.nameIndex();
    this.flatRecords();
  }

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
    this.generation++;
    if (this.docs.has(doc.id)) this.discard(doc.id);
    this.docs.set(doc.id, doc);
    this.index.add(doc);
    this.noteAdded(doc.id);
    this.noteNames(doc);
  }

  addAll(docs: SearchDocument[]): void {
    this.generation++;
    const fresh = docs.filter((d) => !this.docs.has(d.id));
    for (const d of docs) if (this.docs.has(d.id)) this.upsert(d);
    for (const d of fresh) this.docs.set(d.id, d);
    this.index.addAll(fresh);
    for (const d of fresh) this.noteNames(d);
    this.lengthCache = null;
  }

  remove(id: number): void {
    this.generation++;
    if (!this.docs.has(id)) return;
    this.discard(id);
    this.docs.delete(id);
  }

  clear(): void {
    this.generation++;
    this.index = miniSearch();
    this.docs.clear();
    this.names = null;
    this.namesSeen.clear();
    this.lengthCache = null;
  }

  private discard(id: number): void {
    const short = this.internals._idToShortId.get(id);
    const cache = this.lengthCache;
    if (cache && short !== undefined && short < cache.capacity)
      for (const lengths of cache.lengths) lengths[short] = -1;
    this.index.discard(id);
  }

  /**
   * Each field's length per record, by MiniSearch's short id, in flat arrays: the scoring loop
   * reads one per posting, and a Map lookup there cost more than the arithmetic. -1 marks a
   * removed record (its postings linger until MiniSearch vacuums them). Kept up to date by
   * upsert/remove; rebuilt after a bulk load.
   */
  private lengthCache: { lengths: Float32Array[]; ids: Float64Array; capacity: number } | null = null;

  /**
   * The field lengths, and each short id's record id (`ids`): the scoring turns every record it
   * matched into its id, thousands for a common prefix, and MiniSearch's map answers a loaded
   * snapshot's through a layered map and a binary search (index-snapshot.ts) for each.
   */
  private flatRecords(): { lengths: Float32Array[]; ids: Float64Array } {
    const ms = this.internals;
    if (this.lengthCache && this.lengthCache.capacity >= ms._nextId) return this.lengthCache;
    const capacity = Math.max(1024, Math.ceil(ms._nextId * 1.25));
    const lengths = SEARCH_FIELDS.map(() => new Float32Array(capacity).fill(-1));
    for (const [short, ls] of ms._fieldLength) for (let f = 0; f < lengths.length; f++) lengths[f]![short] = ls[f] ?? 0;
    const ids = new Float64Array(capacity).fill(-1);
    for (const [short, id] of ms._documentIds) ids[short] = id;
    this.lengthCache = { lengths, ids, capacity };
    return this.lengthCache;
  }

  private noteAdded(id: number): void {
    const cache = this.lengthCache;
    if (!cache) return;
    const short = this.internals._idToShortId.get(id);
    const ls = short === undefined ? undefined : this.internals._fieldLength.get(short);
    if (short === undefined || !ls || short >= cache.capacity) {
      this.lengthCache = null;
      return;
    }
    cache.lengths.forEach((lengths, f) => (lengths[short] = ls[f] ?? 0));
    cache.ids[short] = id;
  }

  /**
   * A snapshot as text (index-snapshot.ts): loading it reads a few typed arrays and parses each
   * tree node, term and document only when first used.
   */
  toJSON(): string {
    return packSnapshot(this.index, this.docs.values());
  }

  /** From the snapshot's text, or its bytes as read from the file (nothing decoded until needed). */
  static fromJSON(snapshot: string | Uint8Array): RecordSearch {
    const search = new RecordSearch();
    const { documents, fieldLengths, idsByShort } = unpackSnapshot(search.index, snapshot);
    search.docs = documents;
    // The scoring's field lengths and ids straight from the snapshot's arrays (flatRecords() would read 100,000 Map entries).
    const capacity = Math.max(1024, Math.ceil(search.internals._nextId * 1.25));
    search.lengthCache = { lengths: fieldLengths(capacity), ids: idsByShort(capacity), capacity };
    return search;
  }

  private get internals(): MiniSearchInternals {
    return this.index as unknown as MiniSearchInternals;
  }

  /** The index terms a query term reaches, with their weights, as MiniSearch's own query would. */
  private expand(term: string, exact: boolean): { term: string; weight: number; data: TermData }[] {
    const index = this.internals._index;
    const out: { term: string; weight: number; data: TermData }[] = [];
    const same = index.get(term);
    if (same) out.push({ term, weight: 1, data: same });
    if (exact) return out;
    const prefixed = new Set<string>();
    if (prefixFor(term)) {
      for (const [found, data] of index.atPrefix(term)) {
        const distance = found.length - term.length;
        if (!distance) continue;
        prefixed.add(found);
        out.push({ term: found, weight: (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance), data });
      }
    }
    const fuzzy = fuzzyFor(term);
    if (fuzzy) {
      const slipped = new Set<string>();
      const add = (found: string, data: TermData, distance: number) => {
        if (!distance || found === term || prefixed.has(found) || slipped.has(found)) return;
        slipped.add(found);
        out.push({ term: found, weight: (FUZZY_WEIGHT * found.length) / (found.length + distance), data });
      };
      // MiniSearch's automaton counts edits as Levenshtein does; a swap is counted once here.
      for (const [found, [data]] of index.fuzzyGet(term, fuzzy)) add(found, data, damerau(term, found, fuzzy));
      if (fuzzy === 1)
        for (const swapped of transpositions(term)) {
          const data = index.get(swapped);
          if (data) add(swapped, data, 1);
        }
    }
    return out;
  }

  /** The scoring's arrays, one slot per document, kept between clauses (scoring). */
  private scratch = {
    score: new Float64Array(0),
    count: new Uint8Array(0),
    seen: new Uint16Array(0),
    first: new Int32Array(0),
  };

  /**
   * The scoring's arrays for `size` documents, zeroed (`first` is written before it is read): made
   * anew only when the index outgrew them. New arrays a clause were 1.1 MB at 100,000 records, and
   * a query has a clause a word, its names in other languages and its near spellings: garbage
   * collected every few keystrokes, in the middle of one.
   */
  private scoring(size: number): RecordSearch['scratch'] {
    const s = this.scratch;
    if (s.score.length < size) {
      const room = Math.ceil(size * 1.25);
      this.scratch = {
        score: new Float64Array(room),
        count: new Uint8Array(room),
        seen: new Uint16Array(room),
        first: new Int32Array(room),
      };
      return this.scratch;
    }
    s.score.fill(0, 0, size);
    s.count.fill(0, 0, size);
    s.seen.fill(0, 0, size);
    return s;
  }

  private clauseMatches(clause: Clause): Evaluated {
    const fields = clause.scope ? SCOPE_FIELDS[clause.scope] : SEARCH_FIELDS;
    const words = tokenize(clause.text);
    const exact = clause.phrase;
    const queryTerms = words.filter((w) => indexTerm(w) !== null);
    const none: Evaluated = { scores: new Map(), expansions: [] };
    if (queryTerms.length === 0) return none;
    const ms = this.internals;
    const spec = fields.map((f) => ({
      name: f,
      id: ms._fieldIds[f]!,
      boost: FIELD_BOOSTS[f] ?? 1,
      avg: ms._avgFieldLength[ms._fieldIds[f]!] ?? 1,
    }));
    const n = queryTerms.length;
    // The records the first word reaches (each once), in `first` up to `reached`: the only ones that can hold them all.
    const { score, count, seen, first } = this.scoring(ms._nextId);
    let reached = 0;
    const expansions: Expansion[] = [];
    const total = ms._documentCount;
    const { lengths: lengthsOf, ids: idOf } = this.flatRecords();
    // One callback for every term and field, reading what they set (forEach, not for…of: an
    // entry array per posting was most of a keystroke's garbage; a callback made per field of
    // each of a prefix's hundreds of terms was most of the rest).
    let lengths = lengthsOf[0]!;
    let factor = 0;
    let avg = 1;
    let marker = 0;
    const add = (tf: number, short: number) => {
      const length = lengths[short]!;
      // Postings of a removed record linger until MiniSearch vacuums them.
      if (length < 0) return;
      const norm = tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg);
      score[short]! += factor * (BM25.d + (tf * (BM25.k + 1)) / norm);
      if (seen[short] !== marker) {
        seen[short] = marker;
        count[short]!++;
        if (marker === 1) first[reached++] = short;
      }
    };
    queryTerms.forEach((queryTerm, i) => {
      marker = i + 1;
      for (const { term, weight, data } of this.expand(queryTerm, exact)) {
        expansions.push({ term, data, fields });
        for (const field of spec) {
          const postings = data.get(field.id);
          if (!postings) continue;
          const df = postings.size;
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          factor = weight * field.boost * idf;
          lengths = lengthsOf[field.id]!;
          avg = field.avg;
          postings.forEach(add);
        }
      }
    });
    // Phrases, and Chinese (whose bigrams must be adjacent), are checked word by word in the
    // fields holding the first word.
    const adjacency = (exact || words.some(isHanTerm)) && words.length > 1 ? words : null;
    const firstData = adjacency ? this.expand(queryTerms[0]!, true)[0]?.data : undefined;
    const scores = new Map<number, number>();
    for (let k = 0; k < reached; k++) {
      const short = first[k]!;
      if (count[short] !== n) continue;
      const id = idOf[short]!;
      if (id < 0) continue;
      if (adjacency) {
        const doc = this.docs.get(id);
        const candidates = spec.filter((f) => firstData?.get(f.id)?.has(short)).map((f) => f.name);
        if (!doc || !candidates.some((f) => contains(tokenize(fieldText(doc, f)), adjacency))) continue;
      }
      // Like MiniSearch: matching more of the query's terms counts.
      scores.set(id, score[short]! * n);
    }
    return { scores, expansions };
  }

  private evaluate(q: ParsedQuery): Evaluated {
    let result: Evaluated | null = null;
    // A clause made only of stop words ("of" in "memorandum of understanding") constrains nothing here.
    const indexed = (c: Clause) => tokenize(c.text).some((t) => !STOP_WORDS.has(t));
    const unions: Evaluated[] = [];
    for (const all of q.groups) {
      const group = all.filter(indexed);
      if (group.length === 0) continue;
      // Most groups hold one clause: its matches are used as they are.
      let union = this.clauseMatches(group[0]!);
      for (const clause of group.slice(1)) {
        const next = this.clauseMatches(clause);
        const scores = new Map(union.scores);
        for (const [id, sc] of next.scores) scores.set(id, (scores.get(id) ?? 0) + sc);
        union = { scores, expansions: [...union.expansions, ...next.expansions] };
      }
      unions.push(union);
      if (result === null) result = union;
      else {
        const scores = new Map<number, number>();
        for (const [id, sc] of union.scores) {
          const prev = result.scores.get(id);
          if (prev !== undefined) scores.set(id, prev + sc);
        }
        result = { scores, expansions: [...result.expansions, ...union.expansions] };
      }
    }
    // Words that were all stop words ("the") find nothing here; FTS5 may still find them in text.
    if (result === null && q.groups.length > 0) return { scores: new Map(), expansions: [] };
    if (result === null) {
      // Filters alone ("type:agreement year:2018"): every record is a candidate.
      result = { scores: new Map(), expansions: [] };
      for (const id of this.docs.keys()) result.scores.set(id, 0);
    }
    // A query of several words that no record holds all of lists the records holding every word
    // but one (`partial`): `Phoenix Dnxe` still finds the Phoenix Dance Theatre. While some
    // record holds them all, the words mean AND, as typed.
    if (unions.length >= 2 && result.scores.size === 0) result = withPartial(result, unions);
    for (const clause of q.excluded.filter(indexed))
      for (const id of this.clauseMatches(clause).scores.keys()) result.scores.delete(id);
    return result;
  }

  /**
   * Adds what another name of an authority the query named finds (`杭州` → records saying
   * Hangzhou), below every direct match, and notes which records were found only so.
   */
  private withAliases(q: ParsedQuery, direct: Evaluated): Evaluated {
    this.lastAlias = new Map();
    const alternatives = aliasQueries(q, this.nameIndex());
    if (alternatives.length === 0) return direct;
    let floor = Infinity;
    direct.scores.forEach((score) => (floor = Math.min(floor, score)));
    // Each record found only so joins the direct matches' map (evaluate made it for this search
    // alone) at its best score, and lastAlias says which name gave it. A name like Hangzhou finds
    // thousands of records: copying the map and iterating by entries was a tenth of the garbage.
    const scores = direct.scores;
    const alias = this.lastAlias;
    const expansions = [...direct.expansions];
    let best = 0;
    for (const { query, name } of alternatives) {
      const other = this.evaluate(query);
      expansions.push(...other.expansions);
      other.scores.forEach((score, id) => {
        const had = scores.get(id);
        if (had !== undefined && (!alias.has(id) || had >= score)) return;
        scores.set(id, score);
        alias.set(id, name);
        best = Math.max(best, score);
      });
    }
    if (alias.size === 0) return direct;
    const scale = floor === Infinity ? 1 : (ALIAS_BELOW * floor) / (best || 1);
    for (const id of alias.keys()) scores.set(id, scores.get(id)! * scale);
    const partial = direct.partial ? new Set(direct.partial) : undefined;
    return { scores, expansions, partial };
  }

  /**
   * Where each hit of the page matched: each index term it holds, with the fields (for the hits
   * shown only). Worked out per term rather than per hit: a prefix expands to hundreds of rare
   * terms, and asking each of them about each of 200 hits was most of a prefix query's time.
   * Each hit's terms and fields come out in the expansions' order, as one hit at a time would.
   */
  private matchesOf(page: [id: number, score: number][], expansions: Expansion[]): Match[] {
    const { _idToShortId: shortIds, _fieldIds: fieldIds } = this.internals;
    const at = new Map<number, number>();
    const out = page.map(([id, score], i): Match => {
      const short = shortIds.get(id);
      if (short !== undefined) at.set(short, i);
      return { score, match: {} };
    });
    if (at.size === 0) return out;
    for (const e of expansions) {
      for (const f of e.fields) {
        const postings = e.data.get(fieldIds[f]!);
        if (!postings) continue;
        const mark = (i: number) => {
          const list = (out[i]!.match[e.term] ??= []);
          if (!list.includes(f)) list.push(f);
        };
        // Whichever side is smaller is walked; the other is asked.
        if (postings.size <= at.size) {
          for (const short of postings.keys()) {
            const i = at.get(short);
            if (i !== undefined) mark(i);
          }
        } else for (const [short, i] of at) if (postings.has(short)) mark(i);
      }
    }
    return out;
  }

  private passes(doc: SearchDocument, q: ParsedQuery, f: FacetFilters): boolean {
    if (!q.filters.types.length && !q.filters.from && !q.filters.to && !hasFilters(f)) return true;
    if (q.filters.types.length && !q.filters.types.includes(doc.type)) return false;
    if (!dateMatches(doc.date, doc.dateEnd, q.filters)) return false;
    if (f.types?.length && !f.types.includes(doc.type)) return false;
    const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
    if (f.years?.length && (year === null || !f.years.includes(year))) return false;
    if (f.decades?.length && (year === null || !f.decades.includes(Math.floor(year / 10) * 10))) return false;
    const named = (kind: SearchDocument['links'][number]['kind'], wanted?: string[]) =>
      !wanted?.length || wanted.every((w) => doc.links.some((l) => l.kind === kind && l.name === w));
    if (!named('partnership', f.partnerships) || !named('organisation', f.organisations) || !named('place', f.places))
      return false;
    if (f.tags?.length && !f.tags.every((t) => doc.tags.some((d) => d.toLowerCase() === t.toLowerCase()))) return false;
    if (f.languages?.length && !f.languages.some((l) => doc.languages.includes(l))) return false;
    if (f.hasFile !== undefined && doc.hasFile !== f.hasFile) return false;
    if (f.hasText !== undefined && doc.hasText !== f.hasText) return false;
    return true;
  }

  private whereMatched(doc: SearchDocument, m: Match): MatchedIn[] {
    const labels = new Map<string, MatchedIn>();
    const add = (where: MatchedIn) => labels.set(matchKey(where), where);
    for (const [term, fields] of Object.entries(m.match)) {
      for (const field of fields as SearchField[]) {
        const kind = (LINK_FIELD_KIND as Record<string, string>)[field];
        if (!kind) {
          add({ field: FIELD_KEYS[field] });
          continue;
        }
        // Say how the name is linked ("signatory"), not just that a name matched.
        const roles = doc.links
          .filter((l) => l.kind === kind && linkTerms(l).some((t) => t === term || t.startsWith(term)))
          .flatMap((l) => l.roles);
        if (roles.length) for (const role of roles) add({ field: 'role', role });
        else add({ field: FIELD_KEYS[field] });
      }
    }
    const alias = this.lastAlias.get(doc.id);
    if (alias !== undefined) add({ field: 'alias', name: alias });
    return [...labels.values()];
  }

  private hit(doc: SearchDocument, m: Match): RecordHit {
    const terms = Object.keys(m.match);
    const fields = new Set(Object.values(m.match).flat());
    const textField = (['titleAlt', 'outlet'] as const).find((f) => fields.has(f));
    return {
      id: doc.id,
      title: doc.title,
      type: doc.type,
      date: doc.date,
      referenceCode: doc.referenceCode,
      score: m.score,
      matchedIn: this.whereMatched(doc, m),
      terms,
      partial: this.last.partial?.has(doc.id) ?? false,
      titleSegments: highlight(doc.title, terms),
      snippet: textField ? snippet(doc[textField], terms) : snippet(doc.description, terms),
    };
  }

  private facets(docs: SearchDocument[]): Facets {
    // One map of "facet\u0000value" keys, from each document's keys computed once and cached.
    const counts = new Map<string, number>();
    let hasFile = 0;
    let hasText = 0;
    for (const d of docs) {
      for (const key of facetKeys(d)) counts.set(key, (counts.get(key) ?? 0) + 1);
      if (d.hasFile) hasFile++;
      if (d.hasText) hasText++;
    }
    const groups: Record<string, FacetValue[]> = {};
    for (const [key, n] of counts) {
      const cut = key.indexOf('\u0000');
      (groups[key.slice(0, cut)] ??= []).push({ value: key.slice(cut + 1), count: n });
    }
    const byCount = (name: string, max = Infinity) =>
      (groups[name] ?? []).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, max);
    const byValue = (name: string) => (groups[name] ?? []).sort((a, b) => b.value.localeCompare(a.value));
    return {
      type: byCount('type'),
      decade: byValue('decade'),
      year: byValue('year'),
      partnership: byCount('partnership'),
      organisation: byCount('organisation', 30),
      place: byCount('place', 30),
      tag: byCount('tag', 30),
      language: byCount('language'),
      hasFile,
      hasText,
    };
  }

  private get lastFound(): SearchDocument[] {
    if (this.lastFoundCache) return this.lastFoundCache;
    const out: SearchDocument[] = [];
    const { matches, keep } = this.last;
    for (const id of matches.keys()) {
      const doc = this.docs.get(id);
      if (doc && (!keep || keep(doc))) out.push(doc);
    }
    return (this.lastFoundCache = out);
  }

  /** Whether the last search's whole result (not just the page of hits returned) holds this record. */
  lastResultHas(id: number): boolean {
    const doc = this.last.matches.has(id) ? this.docs.get(id) : undefined;
    return doc !== undefined && (!this.last.keep || this.last.keep(doc));
  }

  /**
   * The facets of the last search's whole result (for callers that showed its hits first), plus
   * the records another engine found (full text), so the counts describe the whole merged list.
   */
  lastFacets(alsoFound: Iterable<number> = []): Facets {
    const seen = new Set(this.lastFound.map((d) => d.id));
    const extra: SearchDocument[] = [];
    for (const id of alsoFound) {
      const doc = this.docs.get(id);
      if (doc && !seen.has(id)) {
        seen.add(id);
        extra.push(doc);
      }
    }
    return this.facets(extra.length ? [...this.lastFound, ...extra] : this.lastFound);
  }

  /**
   * Which of these records a query's filters, exclusions and facets let through: for records
   * found by another engine (document text), so both lists obey the same filters.
   */
  accepted(ids: number[], input: string | ParsedQuery, facets: FacetFilters = {}): Set<number> {
    const q = typeof input === 'string' ? parseQuery(input) : input;
    const excluded = new Set<number>();
    for (const clause of q.excluded) for (const id of this.clauseMatches(clause).scores.keys()) excluded.add(id);
    const out = new Set<number>();
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc && !excluded.has(id) && this.passes(doc, q, facets)) out.add(id);
    }
    return out;
  }

  /** How many records hold an index term, in any field. */
  private frequency(data: TermData): number {
    let n = 0;
    for (const postings of data.values()) n += postings.size;
    return n;
  }

  /**
   * The nearest word of the library to one that is not (Damerau distance up to 1, 2 or 3 with its
   * length), the most frequent among the nearest; null when the word is one or none is near.
   */
  private correction(word: string): string | null {
    const index = this.internals._index;
    if (isHanTerm(word) || word.length < 4 || /^\d+$/.test(word) || index.get(word)) return null;
    const max = word.length <= 5 ? 1 : word.length <= 8 ? 2 : 3;
    let best: { term: string; distance: number; n: number } | null = null;
    const consider = (term: string, data: TermData) => {
      const distance = damerau(word, term, max);
      if (distance > max) return;
      const n = this.frequency(data);
      if (!best || distance < best.distance || (distance === best.distance && n > best.n)) best = { term, distance, n };
    };
    for (const [term, [data]] of index.fuzzyGet(word, max)) consider(term, data);
    for (const swapped of transpositions(word)) {
      const data = index.get(swapped);
      if (data) consider(swapped, data);
    }
    return (best as { term: string } | null)?.term ?? null;
  }

  /** Corrections of the query, one word replaced each, with what each finds here (for "did you mean"). */
  suggest(q: ParsedQuery): Suggestion[] {
    const clauses = q.groups.flat();
    const out: Suggestion[] = [];
    clauses.forEach((clause, i) => {
      if (clause.phrase || out.length >= 3) return;
      const words = tokenize(clause.text);
      if (words.length !== 1) return;
      const fixed = this.correction(words[0]!);
      if (!fixed) return;
      const text = clauses
        .map((c, j) =>
          j === i ? (c.scope ? `${c.scope}:${fixed}` : fixed) : c.scope ? `${c.scope}:${c.text}` : c.text,
        )
        .join(' ');
      if (out.some((s) => s.text === text)) return;
      const total = this.evaluate(parseQuery(text)).scores.size;
      if (total > 0) out.push({ text, total });
    });
    return out.sort((a, b) => b.total - a.total);
  }

  /**
   * The last search asked by its text, with the state it left (for lastFacets, lastResultHas):
   * the window's worker asks the same query twice, once for the record-level list and again to
   * fold the text hits in, and the second time is answered from here while nothing changed.
   */
  private memo: {
    key: string;
    generation: number;
    outcome: SearchOutcome;
    last: RecordSearch['last'];
    lastAlias: Map<number, string>;
  } | null = null;
  /** Bumped by every change to the index, so a memo never outlives what it was worked out from. */
  private generation = 0;

  search(input: string | ParsedQuery, options: SearchOptions = {}): SearchOutcome {
    if (typeof input !== 'string') return this.searchNow(input, options);
    const key = JSON.stringify([input, options]);
    const memo = this.memo;
    if (memo && memo.key === key && memo.generation === this.generation) {
      if (this.last !== memo.last) {
        this.last = memo.last;
        this.lastAlias = memo.lastAlias;
        this.lastFoundCache = null;
      }
      return { ...memo.outcome, hits: [...memo.outcome.hits] };
    }
    const outcome = this.searchNow(parseQuery(input), options);
    this.memo = { key, generation: this.generation, outcome, last: this.last, lastAlias: this.lastAlias };
    return { ...outcome, hits: [...outcome.hits] };
  }

  /**
   * Which of two records comes first among equals: the later date, then the higher id. A loaded
   * snapshot answers from its numbers, so a typo query tying thousands of records parses none.
   */
  private newer(a: number, b: number): number {
    const docs = this.docs;
    if (docs instanceof SnapshotDocuments) return docs.dateKey(b) - docs.dateKey(a) || b - a;
    const x = docs.get(a)!.date;
    const y = docs.get(b)!.date;
    return x < y ? 1 : x > y ? -1 : b - a;
  }

  private searchNow(q: ParsedQuery, options: SearchOptions): SearchOutcome {
    const f = options.facets ?? {};
    const hasFacet = Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
    const empty: SearchOutcome = { query: q, total: 0, hits: [], facets: this.facets([]), suggestions: [] };
    if (q.groups.length === 0 && !q.filters.types.length && !q.filters.from && !q.filters.to && !hasFacet) return empty;
    const direct = this.evaluate(q);
    const evaluated = options.aliases === false ? ((this.lastAlias = new Map()), direct) : this.withAliases(q, direct);
    const matches = evaluated.scores;
    const filtered = q.filters.types.length > 0 || !!q.filters.from || !!q.filters.to || hasFacet;
    const keep = filtered ? (doc: SearchDocument) => this.passes(doc, q, f) : null;
    this.last = { matches, keep, partial: evaluated.partial };
    this.lastFoundCache = null;
    const sort = options.sort ?? 'relevance';
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 50;
    const byDate = (a: SearchDocument, b: SearchDocument) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id);
    type Entry = [number, number];
    let page: Entry[];
    let total: number;
    const docOf = (id: number) => this.docs.get(id)!;
    if (sort === 'relevance') {
      // The common case, kept lean: rank the scores as they are and look documents up only for
      // ties (which break on date) and for the page shown.
      // With filters, the filtered result (kept for the facets too) is worked out once.
      const byScore = (a: Entry, b: Entry) => b[1] - a[1] || this.newer(a[0], b[0]);
      page = (
        keep
          ? topK(
              this.lastFound.map((d): Entry => [d.id, matches.get(d.id)!]),
              offset + limit,
              byScore,
            )
          : topScores(matches, offset + limit, byScore)
      ).slice(offset);
      total = keep ? this.lastFound.length : matches.size;
    } else {
      const found = this.lastFound;
      const partial = evaluated.partial;
      const place = options.listed?.place;
      const placeOf = (id: number) => place?.(id) ?? Number.MAX_SAFE_INTEGER;
      const cmp = (a: SearchDocument, b: SearchDocument) => {
        // Partial matches stay below the full ones, in any order.
        if (partial && partial.has(a.id) !== partial.has(b.id)) return partial.has(a.id) ? 1 : -1;
        if (sort === 'date-asc') return byDate(a, b);
        if (sort === 'date-desc') return byDate(b, a);
        if (sort === 'listed') return placeOf(a.id) - placeOf(b.id) || a.id - b.id;
        return a.title.localeCompare(b.title) || a.id - b.id;
      };
      page = topK(found, offset + limit, cmp)
        .slice(offset)
        .map((d): Entry => [d.id, matches.get(d.id) ?? 0]);
      total = found.length;
    }
    return {
      query: q,
      total,
      hits: this.matchesOf(page, evaluated.expansions).map((m, i) => this.hit(docOf(page[i]![0]), m)),
      facets: options.withFacets === false ? this.facets([]) : this.facets(this.lastFound),
      suggestions: total <= FEW_HITS && q.groups.length > 0 ? this.suggest(q) : [],
    };
  }
}

export function buildRecordSearch(docs: SearchDocument[]): RecordSearch {
  const search = new RecordSearch();
  search.addAll(docs);
  return search;
}
