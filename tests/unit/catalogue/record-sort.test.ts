/**
 * The list sorted by creator, collection and tags: keys the catalogue keeps (migration 0011),
 * ties broken by id, records without a value last in both directions, and every write that
 * changes a key (a link, a rename, a merge, a move, a deletion) reordering the list at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordSort } from '../../../src/shared/contract';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});

async function open(): Promise<TestLibrary> {
  lib = await openTestLibrary();
  return lib;
}

/** The titles in list order, one window of 2 at a time, so paging across ties and the empties is covered too. */
async function order(l: TestLibrary, sort: RecordSort, direction: 'asc' | 'desc', type?: 'letter'): Promise<string[]> {
  const whole = await l.ok('listRecords', { sort, direction, limit: 1_000, ...(type ? { type } : {}) });
  const paged: string[] = [];
  for (let offset = 0; offset < whole.total; offset += 2)
    paged.push(
      ...(await l.ok('listRecords', { sort, direction, limit: 2, offset, ...(type ? { type } : {}) })).items.map(
        (r) => r.title,
      ),
    );
  const titles = whole.items.map((r) => r.title);
  expect(paged).toEqual(titles);
  // A selection's range (shift-click, select all) follows the same order.
  const ids = await l.ok('recordIds', { sort, direction, limit: 1_000, offset: 0, ...(type ? { type } : {}) });
  expect(ids.ids).toEqual(whole.items.map((r) => r.id));
  return titles;
}

describe('sorting by creator', () => {
  it("orders by the first creator's sort name, ties by id, records without a creator last both ways", async () => {
    const l = await open();
    const person = (name: string, nameParts?: { family: string; given: string }) =>
      l.ok('createAuthority', { kind: 'person', name, ...(nameParts ? { nameParts } : {}) });
    const council = await l.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    const amnesty = await l.ok('createAuthority', { kind: 'organisation', name: 'amnesty International' });
    const blake = await person('Judith Blake');
    const xu = await person('Liping Xu', { family: 'Xu', given: 'Liping' });
    const record = (title: string, links: { authorityId: number; role: 'author' | 'signatory' | 'subject' }[]) =>
      l.ok('createRecord', { type: 'letter', title, links });
    await record('A council report', [
      { authorityId: blake.id, role: 'subject' },
      { authorityId: council.id, role: 'author' },
    ]);
    await record('B by Xu', [{ authorityId: xu.id, role: 'author' }]);
    // The first creator by position: the signatory before the council.
    await record('C signed by Blake', [
      { authorityId: blake.id, role: 'signatory' },
      { authorityId: council.id, role: 'author' },
    ]);
    await record('D about Blake only', [{ authorityId: blake.id, role: 'subject' }]);
    await record('E another council report', [{ authorityId: council.id, role: 'author' }]);
    await record('F with no links', []);
    await record('G by amnesty', [{ authorityId: amnesty.id, role: 'author' }]);

    // Case does not split the alphabet; Xu's parts file him under X ("Xu, Liping").
    expect(await order(l, 'creator', 'asc')).toEqual([
      'G by amnesty',
      'C signed by Blake',
      'A council report',
      'E another council report',
      'B by Xu',
      'D about Blake only',
      'F with no links',
    ]);
    expect(await order(l, 'creator', 'desc')).toEqual([
      'B by Xu',
      'E another council report',
      'A council report',
      'C signed by Blake',
      'G by amnesty',
      'F with no links',
      'D about Blake only',
    ]);

    // Blake's name split into parts files her under B; the council renamed moves its records.
    await l.ok('updateAuthority', { id: blake.id, patch: { nameParts: { family: 'Blake', given: 'Judith' } } });
    await l.ok('updateAuthority', { id: council.id, patch: { name: 'Yorkshire Council' } });
    expect(await order(l, 'creator', 'asc')).toEqual([
      'G by amnesty',
      'C signed by Blake',
      'B by Xu',
      'A council report',
      'E another council report',
      'D about Blake only',
      'F with no links',
    ]);

    // Xu merged into Blake: his record now sorts under her; C loses its signatory and falls to the council.
    await l.ok('mergeAuthorities', { keepId: blake.id, mergeId: xu.id });
    const c = (await l.ok('listRecords', { limit: 100 })).items.find((r) => r.title === 'C signed by Blake')!;
    const full = await l.ok('getRecord', { id: c.id });
    await l.ok('updateRecord', {
      id: c.id,
      patch: { links: [{ authorityId: council.id, role: 'author' }] },
      expectedRevision: full.revision,
    });
    // A record deleted takes its key with it; one whose only creator is unlinked goes to the end.
    const g = (await l.ok('listRecords', { limit: 100 })).items.find((r) => r.title === 'G by amnesty')!;
    await l.ok('deleteRecord', { id: g.id });
    expect(await order(l, 'creator', 'asc')).toEqual([
      'B by Xu',
      'A council report',
      'C signed by Blake',
      'E another council report',
      'D about Blake only',
      'F with no links',
    ]);
  });
});

describe('sorting by collection', () => {
  it("orders by the collection's name then its level, ties by id, unfiled records last both ways", async () => {
    const l = await open();
    const fonds = await l.ok('createCollection', { name: 'Partnerships', level: 'fonds' });
    const series = await l.ok('createCollection', { name: 'Partnerships', level: 'series', parentId: fonds.id });
    const hangzhou = await l.ok('createCollection', { name: 'Hangzhou', level: 'series', parentId: fonds.id });
    const reports = await l.ok('createCollection', { name: 'annual reports', level: 'file', parentId: hangzhou.id });
    const record = (title: string, collectionId?: number) =>
      l.ok('createRecord', { type: 'letter', title, ...(collectionId ? { collectionId } : {}) });
    await record('1 in the series', series.id);
    await record('2 unfiled');
    await record('3 in the fonds', fonds.id);
    const four = await record('4 in Hangzhou', hangzhou.id);
    await record('5 in reports', reports.id);
    await record('6 unfiled');
    const seven = await record('7 in the fonds', fonds.id);

    expect(await order(l, 'collection', 'asc')).toEqual([
      '5 in reports',
      '4 in Hangzhou',
      '3 in the fonds',
      '7 in the fonds',
      '1 in the series',
      '2 unfiled',
      '6 unfiled',
    ]);
    expect(await order(l, 'collection', 'desc')).toEqual([
      '1 in the series',
      '7 in the fonds',
      '3 in the fonds',
      '4 in Hangzhou',
      '5 in reports',
      '6 unfiled',
      '2 unfiled',
    ]);

    // Renamed, re-levelled, records moved in and out, a collection deleted (its records move up): the order follows each.
    await l.ok('updateCollection', { id: hangzhou.id, patch: { name: 'Zhejiang' } });
    await l.ok('updateCollection', { id: series.id, patch: { level: 'sub-fonds' } });
    await l.ok('updateRecord', { id: four.id, patch: { collectionId: series.id }, expectedRevision: four.revision });
    await l.ok('updateRecord', { id: seven.id, patch: { collectionId: null }, expectedRevision: seven.revision });
    await l.ok('deleteCollectionRestorably', { id: reports.id });
    expect(await order(l, 'collection', 'asc')).toEqual([
      '3 in the fonds',
      '1 in the series',
      '4 in Hangzhou',
      '5 in reports',
      '2 unfiled',
      '6 unfiled',
      '7 in the fonds',
    ]);
  });
});

describe('sorting by tags', () => {
  it('orders by the first tag alphabetically, ties by id, untagged records last both ways', async () => {
    const l = await open();
    const record = (title: string, tags: string[]) => l.ok('createRecord', { type: 'letter', title, tags });
    await record('R1', ['zebra', 'Apple']);
    await record('R2', ['banana']);
    await record('R3', []);
    // The same tag as R1's, whatever its case: a tie, broken by id.
    await record('R4', ['apple']);
    await record('R5', ['Cherry', 'banana']);
    await l.ok('createRecord', { type: 'report', title: 'R6', tags: ['aardvark'] });

    expect(await order(l, 'tags', 'asc')).toEqual(['R6', 'R1', 'R4', 'R2', 'R5', 'R3']);
    expect(await order(l, 'tags', 'desc')).toEqual(['R5', 'R2', 'R4', 'R1', 'R6', 'R3']);
    // Filtered lists keep the order.
    expect(await order(l, 'tags', 'asc', 'letter')).toEqual(['R1', 'R4', 'R2', 'R5', 'R3']);

    await l.ok('renameTag', { from: 'Apple', to: 'zucchini' });
    await l.ok('deleteTag', { name: 'banana' });
    expect(await order(l, 'tags', 'asc')).toEqual(['R6', 'R5', 'R1', 'R4', 'R2', 'R3']);
  });
});
