/**
 * A Map whose first entries are read on demand from a packed base (the search snapshot's typed
 * arrays and text), with every change held by the Map itself. Loading a snapshot then builds no
 * Map of 100,000 entries (nor 100,000 document objects): an entry costs something only when a
 * query or an edit reads it. MiniSearch and the engine see an ordinary Map.
 */

/** The packed entries: read-only, answered from arrays. */
export interface MapBase<K, V> {
  readonly size: number;
  has(key: K): boolean;
  /** The value of a key `has` holds. */
  get(key: K): V;
  keys(): Iterable<K>;
}

export class LayeredMap<K, V> extends Map<K, V> {
  private base: MapBase<K, V> | null;
  /** Keys of the base deleted or set again since: the base no longer answers for them. */
  private readonly hidden = new Set<K>();

  constructor(base: MapBase<K, V>) {
    super();
    this.base = base;
  }

  private inBase(key: K): boolean {
    return this.base !== null && this.base.has(key) && !(this.hidden.size > 0 && this.hidden.has(key));
  }

  override get(key: K): V | undefined {
    if (super.size > 0 && super.has(key)) return super.get(key);
    return this.inBase(key) ? this.base!.get(key) : undefined;
  }

  override has(key: K): boolean {
    return (super.size > 0 && super.has(key)) || this.inBase(key);
  }

  override set(key: K, value: V): this {
    if (this.inBase(key)) this.hidden.add(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const inBase = this.inBase(key);
    if (inBase) this.hidden.add(key);
    return super.delete(key) || inBase;
  }

  override clear(): void {
    super.clear();
    this.base = null;
    this.hidden.clear();
  }

  /** An entry set since the base was made, or undefined: the base is not asked. */
  protected changedValue(key: K): V | undefined {
    return super.size > 0 ? super.get(key) : undefined;
  }

  /** The entries set since the base was made (added or changed), without the base's. */
  changed(): IterableIterator<V> {
    return super.values();
  }

  override get size(): number {
    return super.size + (this.base ? this.base.size - this.hidden.size : 0);
  }

  override *entries(): MapIterator<[K, V]> {
    const base = this.base;
    if (base)
      for (const key of base.keys()) if (!(this.hidden.size > 0 && this.hidden.has(key))) yield [key, base.get(key)];
    yield* super.entries();
    return undefined;
  }

  /** The keys alone: a base's values (documents) are not decoded to list them. */
  override *keys(): MapIterator<K> {
    const base = this.base;
    if (base) for (const key of base.keys()) if (!(this.hidden.size > 0 && this.hidden.has(key))) yield key;
    yield* super.keys();
    return undefined;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
    return undefined;
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
