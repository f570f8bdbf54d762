/**
 * The collection tree as lists need it: parents before their children, siblings by name, each
 * with its depth; and what a collection may be moved into (not itself, nor anything inside it).
 */
import type { CollectionLevel, CollectionView } from '../../../shared/model';

interface Placed {
  collection: CollectionView;
  depth: number;
}

/** Each parent's children, sorted by name in the interface language; a parent missing from the list counts as the top. */
export function childrenOf(collections: readonly CollectionView[]): Map<number | null, CollectionView[]> {
  const ids = new Set(collections.map((c) => c.id));
  const map = new Map<number | null, CollectionView[]>();
  for (const c of collections) {
    const key = c.parentId != null && ids.has(c.parentId) ? c.parentId : null;
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return map;
}

export function treeOrder(collections: readonly CollectionView[]): Placed[] {
  const children = childrenOf(collections);
  const out: Placed[] = [];
  const walk = (at: number | null, depth: number) => {
    for (const collection of children.get(at) ?? []) {
      out.push({ collection, depth });
      walk(collection.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The collection and every collection inside it, at any depth. */
export function subtreeOf(collections: readonly CollectionView[], id: number): Set<number> {
  const children = childrenOf(collections);
  const out = new Set<number>([id]);
  const walk = (at: number) => {
    for (const c of children.get(at) ?? []) {
      out.add(c.id);
      walk(c.id);
    }
  };
  walk(id);
  return out;
}

/** Whether `id` may be put inside `parentId` (null: the top): never inside itself or its own sub-collections. */
export function canMoveInto(collections: readonly CollectionView[], id: number, parentId: number | null): boolean {
  return parentId === null || !subtreeOf(collections, id).has(parentId);
}

/**
 * The choices of a <select> of collections: indented by depth with no-break spaces (an <option>
 * holds only text), each named by `option` with its level, those in `exclude` left out.
 */
export function collectionChoices(
  collections: readonly CollectionView[],
  option: (name: string, level: CollectionLevel) => string,
  exclude: ReadonlySet<number> = new Set(),
): [string, string][] {
  return treeOrder(collections)
    .filter((p) => !exclude.has(p.collection.id))
    .map((p) => [
      String(p.collection.id),
      `${'\u00a0\u00a0'.repeat(p.depth)}${option(p.collection.name, p.collection.level)}`,
    ]);
}
