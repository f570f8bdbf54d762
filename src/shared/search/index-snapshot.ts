/**
 * MiniSearch's index as the snapshot stores it, in a form that loads without a full parse.
 *
 * MiniSearch's own JSON keys every posting list by document number ({"417": 2, …}): V8 parses such
 * objects slowly (as dictionaries), and loadJSON then re-inserts every term into a fresh radix tree
 * and copies every posting into a Map — 1.5 s and more at 100,000 records. Here the radix tree is
 * kept as it is (nested arrays of its edges, rebuilt into Maps node by node, no path walks), and
 * the numbers (document ids, field lengths, postings) go into one byte array of variable-length
 * integers (most are under 128: a byte each; document numbers as differences), sent as base64. A
 * term's postings are unpacked into Maps only when a query or an edit first touches that term
 * (PackedTermData), so loading does work in proportion to the vocabulary, not to the postings.
 */
import MiniSearch from 'minisearch';

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

/** The radix tree: edge label, then the child (a nested tree, or after the leaf label '' a term number). */
type PackedTree = (string | number | PackedTree)[];

interface Meta {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  fields: number;
  terms: number;
  tree: PackedTree;
}

/** MiniSearch marks a node's own value with an empty edge label. */
const LEAF = '';

/**
 * A term's postings, still packed in the snapshot's numbers until first read. Every Map method
 * unpacks first, so MiniSearch (adding, discarding, vacuuming) and the engine's scoring see an
 * ordinary Map.
 */
class PackedTermData extends Map<number, Map<number, number>> {
  packed: { bytes: Uint8Array; at: number } | null = null;
}

/** Reads unsigned LEB128 integers (7 bits a byte, low first); a number past the end is a snapshot cut short. */
class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
  ) {}
  next(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('search snapshot: its numbers are cut short');
      const b = this.bytes[this.at++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }
  /** A difference written by Writer.signed. */
  signed(): number {
    const z = this.next();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}

function unpack(data: PackedTermData): void {
  const packed = data.packed;
  if (!packed) return;
  data.packed = null;
  const r = new Reader(packed.bytes, packed.at);
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
}

for (const method of ['get', 'has', 'set', 'delete', 'clear', 'forEach', 'entries', 'keys', 'values'] as const) {
  const own = Reflect.get(Map.prototype, method) as (this: Map<unknown, unknown>, ...args: unknown[]) => unknown;
  Object.defineProperty(PackedTermData.prototype, method, {
    value(this: PackedTermData, ...args: unknown[]) {
      unpack(this);
      return own.apply(this, args);
    },
  });
}
Object.defineProperty(PackedTermData.prototype, Symbol.iterator, {
  value(this: PackedTermData) {
    unpack(this);
    return Reflect.apply(Reflect.get(Map.prototype, 'entries') as () => unknown, this, []);
  },
});
Object.defineProperty(PackedTermData.prototype, 'size', {
  get(this: PackedTermData) {
    unpack(this);
    return Reflect.get(Map.prototype, 'size', this);
  },
});

/** Writes unsigned LEB128 integers into a growing byte array. */
class Writer {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  push(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`search snapshot: ${n} is not a count`);
    if (this.length + 8 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    while (n >= 0x80) {
      this.bytes[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.bytes[this.length++] = n;
  }
  /** A difference that may be negative, zig-zagged (0, -1, 1, -2… → 0, 1, 2, 3…). */
  signed(n: number): void {
    this.push(n >= 0 ? n * 2 : -n * 2 - 1);
  }
}

function packTree(node: Map<string, unknown>, terms: TermData[]): PackedTree {
  const out: PackedTree = [];
  for (const [edge, child] of node) {
    if (edge === LEAF) {
      out.push(LEAF, terms.length);
      terms.push(child as TermData);
    } else out.push(edge, packTree(child as Map<string, unknown>, terms));
  }
  return out;
}

function unpackTree(packed: PackedTree, leaf: (term: number) => TermData): Map<string, unknown> {
  const node = new Map<string, unknown>();
  for (let i = 0; i < packed.length; i += 2) {
    const edge = packed[i] as string;
    const child = packed[i + 1]!;
    if (edge === LEAF) {
      if (typeof child !== 'number') throw new Error('search snapshot: a leaf without its term');
      node.set(LEAF, leaf(child));
    } else {
      if (!Array.isArray(child)) throw new Error('search snapshot: an edge without its subtree');
      node.set(edge, unpackTree(child, leaf));
    }
  }
  return node;
}

interface Base64Array {
  fromBase64?: (text: string) => Uint8Array;
}
interface Base64Buffer {
  from(text: string, encoding: 'base64'): Uint8Array;
  from(bytes: Uint8Array): { toString(encoding: 'base64'): string };
}
const nodeBuffer = (globalThis as { Buffer?: Base64Buffer }).Buffer;

function toBase64(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes).toString('base64');
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Array).fromBase64;
  if (native) return native(text);
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(text, 'base64'));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The index as two lines of text: its shape (JSON: counts, field ids, the radix tree's edges) and
 * its numbers (base64 of variable-length integers: per document its short id, id and field
 * lengths; per term where its postings start; per term its postings).
 */
export function packIndex<T>(index: MiniSearch<T>): string {
  const ms = index as unknown as MiniSearchState;
  const terms: TermData[] = [];
  const tree = packTree(ms._index._tree, terms);
  const fields = Object.keys(ms._fieldIds).length;
  const head = new Writer();
  head.push(ms._documentIds.size);
  for (const [short, id] of ms._documentIds) {
    head.push(short);
    head.push(id);
    const lengths = ms._fieldLength.get(short) ?? [];
    for (let f = 0; f < fields; f++) head.push(lengths[f] ?? 0);
  }
  const postings = new Writer();
  const starts: number[] = [];
  for (const data of terms) {
    starts.push(postings.length);
    postings.push(data.size);
    for (const [fieldId, docs] of data) {
      postings.push(fieldId);
      postings.push(docs.size);
      let last = 0;
      for (const [short, tf] of docs) {
        postings.signed(short - last);
        postings.push(tf);
        last = short;
      }
    }
  }
  let last = 0;
  for (const start of starts) {
    head.push(start - last);
    last = start;
  }
  const bytes = new Uint8Array(head.length + postings.length);
  bytes.set(head.bytes.subarray(0, head.length));
  bytes.set(postings.bytes.subarray(0, postings.length), head.length);
  const meta: Meta = {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    dirtCount: ms._dirtCount,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    fields,
    terms: terms.length,
    tree,
  };
  return `${JSON.stringify(meta)}\n${toBase64(bytes)}`;
}

/** Loads what packIndex wrote into `index` (a fresh MiniSearch made with the same options). */
export function unpackIndex<T>(index: MiniSearch<T>, meta: string, numbersBase64: string): MiniSearch<T> {
  const m = JSON.parse(meta) as Meta;
  if (!Array.isArray(m.tree) || typeof m.terms !== 'number') throw new Error('not a search snapshot index');
  const bytes = fromBase64(numbersBase64);
  const ms = index as unknown as MiniSearchState;
  const r = new Reader(bytes);
  const documents = r.next();
  const documentIds = new Map<number, number>();
  const idToShortId = new Map<number, number>();
  const fieldLength = new Map<number, number[]>();
  for (let d = 0; d < documents; d++) {
    const short = r.next();
    const id = r.next();
    documentIds.set(short, id);
    idToShortId.set(id, short);
    const lengths = new Array<number>(m.fields);
    for (let f = 0; f < m.fields; f++) lengths[f] = r.next();
    fieldLength.set(short, lengths);
  }
  const starts = new Float64Array(m.terms);
  let start = 0;
  for (let t = 0; t < m.terms; t++) starts[t] = start += r.next();
  const base = r.at;
  if (m.terms > 0 && base + starts[m.terms - 1]! >= bytes.length)
    throw new Error('search snapshot: its numbers are cut short');
  const tree = unpackTree(m.tree, (term) => {
    if (term < 0 || term >= m.terms) throw new Error(`search snapshot: term ${term} is missing`);
    const data = new PackedTermData();
    data.packed = { bytes, at: base + starts[term]! };
    return data;
  });
  ms._index._tree = tree;
  ms._index._size = undefined;
  ms._documentIds = documentIds;
  ms._idToShortId = idToShortId;
  ms._fieldLength = fieldLength;
  ms._fieldIds = m.fieldIds;
  ms._avgFieldLength = m.averageFieldLength;
  ms._documentCount = m.documentCount;
  ms._nextId = m.nextId;
  ms._dirtCount = m.dirtCount;
  return index;
}
