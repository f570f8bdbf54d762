/**
 * The record-level index and its documents as the snapshot stores them, in a form that loads
 * without a full parse and builds nothing per record or per term until a query or an edit needs it.
 *
 * Three lines of ASCII text (the snapshot travels as text: a file, a door's route, a channel's
 * string; ASCII reads as fast as bytes and slices without copying):
 * 1. JSON: counts, field ids, the radix tree's edge labels (one string), the link table.
 * 2. Numbers, as variable-length base-64 digits (5 bits a digit, the sixth says "more follows"),
 *    read straight from the string: per record (in id order) its id, MiniSearch's short id, its
 *    field lengths, the length of its document's text and its date (dateKey); then the radix tree, child nodes before
 *    their parent, each node its edges (a label's length and where the child is, or where the
 *    term's postings are); and each term's postings.
 * 3. The documents, each record's packed array (packed.ts) as JSON, one after another.
 *
 * Loading reads the records' numbers into typed arrays (a few million digits at 100,000 records)
 * and nothing else: MiniSearch's id maps and field lengths are Maps answered from those arrays
 * (layered-map.ts), the radix tree is unpacked node by node as a query walks it, a term's
 * postings when a query first reads them, and a document when a hit, a filter or a facet first
 * needs it. The earlier format (5) parsed 37 MB of documents and rebuilt every tree node and id
 * map at load: 1.8 s at 100,000 records on a quiet machine.
 */
import type MiniSearch from 'minisearch';
import { addNames, type NameIndex } from './aliases';
import type { SearchDocument, SearchLink } from './document';
import { LayeredMap, type MapBase } from './layered-map';
import { packDocuments, unpackDocument, type PackedDoc } from './packed';

/**
 * A partial date (YYYY, YYYY-MM, YYYY-MM-DD, or none) as a number in the same order as the text:
 * 1988 → 19880000, 1988-05 → 19880500, none → 0.
 */
export function dateKey(date: string): number {
  if (!date) return 0;
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7) || 0) * 100 + Number(date.slice(8, 10) || 0);
}

/** Postings of one index term: field id → (MiniSearch's short document id → term frequency). */
type TermData = Map<number, Map<number, number>>;

/** The parts of MiniSearch's state the snapshot carries (names as in MiniSearch 7). */
interface MiniSearchState {
  _index: { _tree: Map<string, unknown>; _size: number | undefined };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

interface Meta {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  fields: number;
  records: number;
  /** Where the tree's root node is in the numbers. */
  root: number;
  /** Every edge label of the tree, node after node as they are written. */
  labels: string;
  links: SearchLink[];
  /** The index of the linked authorities' names (aliases.ts), as its entries. */
  names: [string, string[]][];
}

/** MiniSearch marks a node's own value with an empty edge label. */
const LEAF = '';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;
const DIGIT_CODE = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));
const MORE = 32;

/** Reads the numbers line (its ASCII bytes); a number past its end is a snapshot cut short. */
class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
  ) {}
  next(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const d = DIGIT_VALUE[this.bytes[this.at++]!];
      if (d === undefined || d < 0)
        throw new Error(
          this.at > this.bytes.length
            ? 'search snapshot: its numbers are cut short'
            : 'search snapshot: its numbers are unreadable',
        );
      n += (d & (MORE - 1)) * scale;
      if (d < MORE) return n;
      scale *= MORE;
    }
  }
  /** A difference written by Writer.signed. */
  signed(): number {
    const z = this.next();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}

/** Writes the numbers line. */
class Writer {
  private bytes = new Uint8Array(1 << 16);
  length = 0;
  push(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`search snapshot: ${n} is not a count`);
    if (this.length + 12 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    while (n >= MORE) {
      this.bytes[this.length++] = DIGIT_CODE[MORE | (n % MORE)]!;
      n = Math.floor(n / MORE);
    }
    this.bytes[this.length++] = DIGIT_CODE[n]!;
  }
  /** A difference that may be negative, zig-zagged (0, -1, 1, -2… → 0, 1, 2, 3…). */
  signed(n: number): void {
    this.push(n >= 0 ? n * 2 : -n * 2 - 1);
  }
  text(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 0x8000)
      out += String.fromCharCode(...this.bytes.subarray(i, Math.min(this.length, i + 0x8000)));
    return out;
  }
}

/** JSON with every character past ASCII escaped (\uXXXX): the snapshot stays one byte a character. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Map subclasses that unpack themselves from the numbers on first use: every Map method unpacks
 * first, so MiniSearch (adding, discarding, vacuuming, walking the tree) and the engine's scoring
 * see an ordinary Map.
 */
function unpackOnFirstUse<T extends Map<unknown, unknown>>(proto: T, unpack: (map: T) => void): void {
  for (const method of ['get', 'has', 'set', 'delete', 'clear', 'forEach', 'entries', 'keys', 'values'] as const) {
    const own = Reflect.get(Map.prototype, method) as (this: Map<unknown, unknown>, ...args: unknown[]) => unknown;
    Object.defineProperty(proto, method, {
      value(this: T, ...args: unknown[]) {
        unpack(this);
        return own.apply(this, args);
      },
    });
  }
  Object.defineProperty(proto, Symbol.iterator, {
    value(this: T) {
      unpack(this);
      return Reflect.apply(Reflect.get(Map.prototype, 'entries') as () => unknown, this, []);
    },
  });
  Object.defineProperty(proto, 'size', {
    get(this: T) {
      unpack(this);
      return Reflect.get(Map.prototype, 'size', this);
    },
  });
}

/** Where a packed map's content lies: the numbers line, and (for tree nodes) the labels. */
interface Source {
  numbers: Uint8Array;
  labels: string;
}

/** A term's postings, still packed until first read. */
class PackedTermData extends Map<number, Map<number, number>> {
  source: Source | null = null;
  at = 0;
}

unpackOnFirstUse(PackedTermData.prototype, (data) => {
  const source = data.source;
  if (!source) return;
  data.source = null;
  const r = new Reader(source.numbers, data.at);
  const fields = r.next();
  for (let f = 0; f < fields; f++) {
    const fieldId = r.next();
    const n = r.next();
    const postings = new Map<number, number>();
    let short = 0;
    for (let i = 0; i < n; i++) {
      short += r.signed();
      postings.set(short, r.next());
    }
    Map.prototype.set.call(data, fieldId, postings);
  }
});

/** A node of the radix tree (edge label → child node, or '' → the term's postings), still packed until first walked. */
class PackedNode extends Map<string, unknown> {
  source: Source | null = null;
  at = 0;
}

unpackOnFirstUse(PackedNode.prototype, (node) => {
  const source = node.source;
  if (!source) return;
  node.source = null;
  const r = new Reader(source.numbers, node.at);
  const edges = r.next();
  let label = r.next();
  for (let e = 0; e < edges; e++) {
    const where = r.next();
    // Everything a node points to was written before it: nothing can point forward or loop.
    if (Math.floor(where / 2) >= node.at) throw new Error('search snapshot: its tree is unreadable');
    if (where % 2 === 1) {
      const data = new PackedTermData();
      data.source = source;
      data.at = (where - 1) / 2;
      Map.prototype.set.call(node, LEAF, data);
    } else {
      const length = r.next();
      if (length === 0 || label + length > source.labels.length)
        throw new Error('search snapshot: its tree is unreadable');
      const child = new PackedNode();
      child.source = source;
      child.at = where / 2;
      Map.prototype.set.call(node, source.labels.slice(label, (label += length)), child);
    }
  }
});

/** The loaded documents: each parsed from its JSON when first read, then kept. */
export class SnapshotDocuments extends LayeredMap<number, SearchDocument> {
  constructor(
    base: MapBase<number, SearchDocument>,
    private readonly names: [string, string[]][],
    /** A stored record's date as dateKey gives it, from the numbers: its document is not parsed for it. */
    private readonly storedDate: (id: number) => number,
  ) {
    super(base);
  }

  /**
   * A record's date as a number that sorts as the date does, without parsing its document: ties
   * of relevance break on date, and a typo query can tie ten thousand records (`Qingdoa`).
   */
  dateKey(id: number): number {
    const own = this.changedValue(id);
    return own ? dateKey(own.date) : this.storedDate(id);
  }

  /**
   * The index of the names its records link (aliases.ts), as written with the snapshot: built
   * without parsing 100,000 documents or tokenizing (and folding) every name at the first query.
   * The records set since are not in it (the engine adds theirs).
   */
  nameIndex(): NameIndex {
    return new Map(this.names);
  }
}

/**
 * The index and its documents as the snapshot's text (three lines). The records are written in
 * id order, so the same index always gives the same text, however its maps were filled.
 */
export function packSnapshot(index: MiniSearch<SearchDocument>, documents: Iterable<SearchDocument>): string {
  const ms = index as unknown as MiniSearchState;
  const fields = Object.keys(ms._fieldIds).length;
  const sorted = [...documents].sort((a, b) => a.id - b.id);
  const { links, docs } = packDocuments(sorted);
  const texts = docs.map((d: PackedDoc) => asciiJson(d));
  const w = new Writer();
  let lastId = 0;
  sorted.forEach((d, i) => {
    const short = ms._idToShortId.get(d.id);
    if (short === undefined) throw new Error(`search snapshot: record ${d.id} is not in the index`);
    w.push(d.id - lastId);
    lastId = d.id;
    w.push(short);
    const lengths = ms._fieldLength.get(short) ?? [];
    for (let f = 0; f < fields; f++) w.push(lengths[f] ?? 0);
    w.push(texts[i]!.length);
    w.push(dateKey(d.date));
  });
  const writePostings = (data: TermData): number => {
    const at = w.length;
    w.push(data.size);
    for (const [fieldId, postings] of data) {
      w.push(fieldId);
      w.push(postings.size);
      let last = 0;
      for (const [short, tf] of postings) {
        w.signed(short - last);
        w.push(tf);
        last = short;
      }
    }
    return at;
  };
  const labels: string[] = [];
  let labelLength = 0;
  const writeNode = (node: Map<string, unknown>): number => {
    const edges: { label: string; where: number }[] = [];
    for (const [label, child] of node)
      edges.push(
        label === LEAF
          ? { label, where: writePostings(child as TermData) * 2 + 1 }
          : { label, where: writeNode(child as Map<string, unknown>) * 2 },
      );
    const at = w.length;
    w.push(edges.length);
    w.push(labelLength);
    for (const { label, where } of edges) {
      w.push(where);
      if (label === LEAF) continue;
      w.push(label.length);
      labels.push(label);
      labelLength += label.length;
    }
    return at;
  };
  const root = writeNode(ms._index._tree);
  const meta: Meta = {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    dirtCount: ms._dirtCount,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    fields,
    records: sorted.length,
    root,
    labels: labels.join(''),
    links,
    names: [...namesOf(links)],
  };
  return `${asciiJson(meta)}\n${w.text()}\n${texts.join('')}`;
}

/** The index of names as the engine builds it from its records' links (RecordSearch's noteNames), from the link table. */
function namesOf(links: SearchLink[]): NameIndex {
  const names: NameIndex = new Map();
  for (const l of links) if (l.altNames.length > 0) addNames(names, [l.name, ...l.altNames]);
  return names;
}

function readMeta(line: string): Meta {
  let m: Partial<Meta>;
  try {
    m = JSON.parse(line) as Partial<Meta>;
  } catch {
    throw new Error('not a search snapshot index');
  }
  const counts = [m.documentCount, m.nextId, m.dirtCount, m.fields, m.records, m.root];
  if (
    !counts.every((n) => Number.isSafeInteger(n) && n! >= 0) ||
    typeof m.labels !== 'string' ||
    !Array.isArray(m.links) ||
    !Array.isArray(m.names) ||
    !Array.isArray(m.averageFieldLength) ||
    typeof m.fieldIds !== 'object' ||
    m.fieldIds === null
  )
    throw new Error('not a search snapshot index');
  return m as Meta;
}

const NEWLINE = 10;

/** One document's JSON (from `start` to `end` after `from`): a slice of the text, or its bytes read as ASCII. */
function documentReader(input: string | Uint8Array, from: number): (start: number, end: number) => string {
  if (typeof input === 'string') return (start, end) => input.slice(from + start, from + end);
  // Node's Buffer reads ASCII bytes as a string five times faster than a TextDecoder call (the CLI, the benchmark).
  const latin1 = (input as { latin1Slice?: (this: Uint8Array, start: number, end: number) => string }).latin1Slice;
  if (latin1) return (start, end) => latin1.call(input, from + start, from + end);
  return (start, end) => ascii.decode(input.subarray(from + start, from + end));
}
// The text is ASCII: UTF-8's decoder reads it on its fastest path.
const ascii = new TextDecoder();

/**
 * Loads what packSnapshot wrote into `index` (a fresh MiniSearch made with the same options) and
 * returns its documents. Reads the records' numbers now; the rest when first used. Given the
 * file's bytes (as a window's worker fetches them), nothing is decoded but the first line and,
 * later, each document as it is needed; given text (as the CLI's channel sends it), the numbers
 * are taken as bytes once.
 */
export function unpackSnapshot(
  index: MiniSearch<SearchDocument>,
  input: string | Uint8Array,
): {
  documents: SnapshotDocuments;
  /** Each field's length per record by short id (-1: none), in arrays of `capacity`: the engine's scoring reads them so. */
  fieldLengths: (capacity: number) => Float32Array[];
  /** Each short id's record id (-1: none), in an array of `capacity`. */
  idsByShort: (capacity: number) => Float64Array;
} {
  const text = typeof input === 'string' ? input : null;
  const bytes = typeof input === 'string' ? null : input;
  const first = text !== null ? text.indexOf('\n') : bytes!.indexOf(NEWLINE);
  const second = first < 0 ? -1 : text !== null ? text.indexOf('\n', first + 1) : bytes!.indexOf(NEWLINE, first + 1);
  if (second < 0) throw new Error('not a search snapshot');
  const m = readMeta(text !== null ? text.slice(0, first) : ascii.decode(bytes!.subarray(0, first)));
  const numbers =
    text !== null ? new TextEncoder().encode(text.slice(first + 1, second)) : bytes!.subarray(first + 1, second);
  const documentsLength = (text !== null ? text.length : bytes!.length) - second - 1;
  const documentText = documentReader(input, second + 1);
  const count = m.records;
  const fields = m.fields;
  const ids = new Float64Array(count);
  const shorts = new Float64Array(count);
  const lengths = new Uint32Array(count * fields);
  const starts = new Float64Array(count + 1);
  const dates = new Uint32Array(count);
  const positionOfShort = new Int32Array(m.nextId).fill(-1);
  const r = new Reader(numbers);
  let id = 0;
  for (let i = 0; i < count; i++) {
    id += r.next();
    ids[i] = id;
    const short = r.next();
    if (short >= m.nextId || positionOfShort[short] !== -1)
      throw new Error('search snapshot: its records are unreadable');
    shorts[i] = short;
    positionOfShort[short] = i;
    for (let f = 0; f < fields; f++) lengths[i * fields + f] = r.next();
    starts[i + 1] = starts[i]! + r.next();
    dates[i] = r.next();
  }
  if (starts[count] !== documentsLength) throw new Error('search snapshot: its documents are cut short');
  if (m.root >= numbers.length) throw new Error('search snapshot: its numbers are cut short');

  /** Where a record is in the arrays (by its id, which they hold in order), or -1. */
  const find = (key: number): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v === key) return mid;
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const ofShort = (short: number): number =>
    Number.isInteger(short) && short >= 0 && short < positionOfShort.length ? positionOfShort[short]! : -1;
  function* idKeys() {
    for (let i = 0; i < count; i++) yield ids[i]!;
  }
  function* shortKeys() {
    for (let i = 0; i < count; i++) yield shorts[i]!;
  }
  const parsed = new Array<SearchDocument | undefined>(count);

  const ms = index as unknown as MiniSearchState;
  const root = new PackedNode();
  root.source = { numbers, labels: m.labels };
  root.at = m.root;
  ms._index._tree = root;
  ms._index._size = undefined;
  ms._documentIds = new LayeredMap<number, number>({
    size: count,
    has: (short) => ofShort(short) >= 0,
    get: (short) => ids[ofShort(short)]!,
    keys: shortKeys,
  });
  ms._idToShortId = new LayeredMap<number, number>({
    size: count,
    has: (key) => find(key) >= 0,
    get: (key) => shorts[find(key)]!,
    keys: idKeys,
  });
  ms._fieldLength = new LayeredMap<number, number[]>({
    size: count,
    has: (short) => ofShort(short) >= 0,
    get: (short) => {
      const at = ofShort(short) * fields;
      return Array.from(lengths.subarray(at, at + fields));
    },
    keys: shortKeys,
  });
  ms._fieldIds = m.fieldIds;
  ms._avgFieldLength = m.averageFieldLength;
  ms._documentCount = m.documentCount;
  ms._nextId = m.nextId;
  ms._dirtCount = m.dirtCount;
  const documents = new SnapshotDocuments(
    {
      size: count,
      has: (key) => find(key) >= 0,
      get: (key) => {
        const i = find(key);
        return (parsed[i] ??= unpackDocument(
          JSON.parse(documentText(starts[i]!, starts[i + 1]!)) as PackedDoc,
          m.links,
        ));
      },
      keys: idKeys,
    },
    m.names,
    (key) => dates[find(key)]!,
  );
  const fieldLengths = (capacity: number) => {
    const out: Float32Array[] = [];
    for (let f = 0; f < fields; f++) out.push(new Float32Array(capacity).fill(-1));
    for (let i = 0; i < count; i++) {
      const short = shorts[i]!;
      if (short < capacity) for (let f = 0; f < fields; f++) out[f]![short] = lengths[i * fields + f]!;
    }
    return out;
  };
  const idsByShort = (capacity: number) => {
    const out = new Float64Array(capacity).fill(-1);
    for (let i = 0; i < count; i++) if (shorts[i]! < capacity) out[shorts[i]!] = ids[i]!;
    return out;
  };
  return { documents, fieldLengths, idsByShort };
}
