/**
 * ISAD(G)'s order in the dialogs: only the levels that fit where a collection is are offered (the
 * service refuses the others, levelFitsInside), and a new collection starts one level down.
 */
import { COLLECTION_LEVELS, levelFitsInside, type CollectionLevel, type CollectionView } from '../../../shared/model';

/** Not above its parent's level, and not below that of any collection it holds. */
export function levelsFitting(
  parent: CollectionView | undefined,
  children: readonly CollectionView[] = [],
): CollectionLevel[] {
  return COLLECTION_LEVELS.filter(
    (l) => (!parent || levelFitsInside(l, parent.level)) && children.every((c) => levelFitsInside(c.level, l)),
  );
}

/** The level a new collection inside `parent` most likely has: the one below it (ISAD(G)'s order). */
export function levelBelow(parent: CollectionView | undefined): CollectionLevel {
  if (!parent) return 'fonds';
  const below: Record<CollectionLevel, CollectionLevel> = {
    fonds: 'series',
    'sub-fonds': 'series',
    series: 'file',
    'sub-series': 'file',
    file: 'item',
    item: 'item',
  };
  return below[parent.level];
}

/** The collections `moving` may not be put inside because of their level (above its own it may go). */
export function tooLowFor(collections: readonly CollectionView[], moving: CollectionView): number[] {
  return collections.filter((c) => !levelFitsInside(moving.level, c.level)).map((c) => c.id);
}
