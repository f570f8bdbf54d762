/**
 * The collection tree as the sidebar, the dialogs and the choice lists read it
 * (src/renderer/src/collections/tree.ts): parents before children, siblings by name, and a
 * collection never offered as a place inside itself or its own sub-collections.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionView } from '../../src/shared/model';
import { levelBelow, levelsFitting, tooLowFor } from '../../src/renderer/src/collections/levels';
import { canMoveInto, collectionChoices, subtreeOf, treeOrder } from '../../src/renderer/src/collections/tree';

const c = (id: number, name: string, level: CollectionView['level'], parentId: number | null): CollectionView => ({
  id,
  name,
  level,
  parentId,
  referenceCode: null,
  description: null,
  recordCount: 0,
});

// Ids out of tree order on purpose: a file moved under a series made after it.
const TREE = [
  c(5, 'Visit 2018', 'file', 7),
  c(1, 'Partnerships', 'fonds', null),
  c(7, 'Hangzhou', 'series', 1),
  c(3, 'Education', 'series', 1),
  c(9, 'Signed copy', 'item', 5),
  c(2, 'Annual reports', 'fonds', null),
];

describe('the collection tree', () => {
  it('lists each parent before its children, siblings by name, with their depth', () => {
    expect(treeOrder(TREE).map((p) => [p.collection.name, p.depth])).toEqual([
      ['Annual reports', 0],
      ['Partnerships', 0],
      ['Education', 1],
      ['Hangzhou', 1],
      ['Visit 2018', 2],
      ['Signed copy', 3],
    ]);
  });

  it('never offers a collection a place inside itself or below it', () => {
    expect([...subtreeOf(TREE, 7)].sort()).toEqual([5, 7, 9]);
    expect(canMoveInto(TREE, 7, 9)).toBe(false);
    expect(canMoveInto(TREE, 7, 7)).toBe(false);
    expect(canMoveInto(TREE, 7, 3)).toBe(true);
    expect(canMoveInto(TREE, 7, null)).toBe(true);
    const choices = collectionChoices(TREE, (name, level) => `${name} (${level})`, subtreeOf(TREE, 7));
    expect(choices).toEqual([
      ['2', 'Annual reports (fonds)'],
      ['1', 'Partnerships (fonds)'],
      ['3', '\u00a0\u00a0Education (series)'],
    ]);
  });
});

describe('levels offered by the dialogs', () => {
  const byId = (id: number) => TREE.find((x) => x.id === id)!;
  it("offers for a new collection only the levels at or below its parent's, starting one down", () => {
    expect(levelsFitting(undefined)).toEqual(['fonds', 'sub-fonds', 'series', 'sub-series', 'file', 'item']);
    expect(levelsFitting(byId(7))).toEqual(['series', 'sub-series', 'file', 'item']);
    expect(levelsFitting(byId(9))).toEqual(['item']);
    expect(levelBelow(byId(7))).toBe('file');
    expect(levelsFitting(byId(7))).toContain(levelBelow(byId(7)));
  });
  it("offers an edited collection only the levels between its parent's and those of what it holds", () => {
    // The series Hangzhou, inside a fonds, holding a file.
    expect(levelsFitting(byId(1), [byId(5)])).toEqual(['fonds', 'sub-fonds', 'series', 'sub-series', 'file']);
    // The file, inside a series, holding an item.
    expect(levelsFitting(byId(7), [byId(9)])).toEqual(['series', 'sub-series', 'file', 'item']);
  });
  it('leaves out of "Move to…" the collections below the moving one\'s level', () => {
    expect(tooLowFor(TREE, byId(7)).sort()).toEqual([5, 9]);
    expect(tooLowFor(TREE, byId(1)).sort()).toEqual([3, 5, 7, 9]);
    expect(tooLowFor(TREE, byId(9))).toEqual([]);
  });
});
