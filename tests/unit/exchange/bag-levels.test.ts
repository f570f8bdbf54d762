/**
 * A bag's collections and ISAD(G)'s order of levels (collection_level_order): a bag's own tree comes
 * back as its library arranged it (even before the rule: a round trip gives back what was
 * exported); a bag that would put a collection inside one of this library's at a lower level is
 * refused whole, naming both collections, and nothing changes. Real bags, written by exportBag and
 * read by importBag.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { catalogueState, folderFingerprint, tempDir, type TestLibrary } from '../../support/catalogue';
import { librariesPerTest } from '../../support/per-test';
import { importBagAndWait } from '../../fixtures/documents/run';

const library = librariesPerTest();

async function exported(lib: TestLibrary): Promise<string> {
  const bag = path.join(tempDir(), 'bag');
  await lib.ok('exportBag', { dir: bag });
  return bag;
}

/** Calls importBag expecting a refusal; checks that the catalogue and the file store did not change. */
async function refused(lib: TestLibrary, dir: string) {
  const state = catalogueState(lib.dir);
  const files = folderFingerprint(path.join(lib.dir, 'files'));
  const r = await lib.service.call('importBag', { dir });
  expect(catalogueState(lib.dir)).toEqual(state);
  expect(folderFingerprint(path.join(lib.dir, 'files'))).toEqual(files);
  if (r.ok) throw new Error('the bag was accepted');
  return r.error;
}

describe("a bag's collections and the level rule", () => {
  it('a bag from a library arranged before the rule (a series inside a file) comes back as it was arranged', async () => {
    const source = await library();
    const fonds = await source.ok('createCollection', { name: 'Partnerships', level: 'fonds' });
    const visit = await source.ok('createCollection', { name: '2018 visit', level: 'file', parentId: fonds.id });
    const minutes = await source.ok('createCollection', { name: 'Minutes', level: 'series' });
    await source.ok('createRecord', { type: 'report', title: 'Minutes of the visit', collectionId: minutes.id });
    // Arranged so before the rule existed: the service refuses this move today.
    const moved = await source.service.call('updateCollection', { id: minutes.id, patch: { parentId: visit.id } });
    expect(moved.ok ? null : moved.error.reason).toBe('collection_level_order');
    const db = new Database(path.join(source.dir, 'catalogue.sqlite'));
    db.prepare('UPDATE collections SET parent_id = ? WHERE id = ?').run(visit.id, minutes.id);
    db.close();
    const bag = await exported(source);

    // A round trip gives back what was exported: refusing it would leave the records unfiled.
    const target = await library();
    await importBagAndWait(target, bag);
    const tree = await target.ok('listCollections', {});
    const byName = new Map(tree.map((c) => [c.name, c]));
    expect(byName.get('Minutes')).toMatchObject({
      level: 'series',
      parentId: byName.get('2018 visit')!.id,
      recordCount: 1,
    });
    expect(byName.get('2018 visit')).toMatchObject({ level: 'file', parentId: byName.get('Partnerships')!.id });
    // What was kept as arranged is not a way round the rule: a new series still cannot go there.
    const again = await target.service.call('createCollection', {
      name: 'More minutes',
      level: 'series',
      parentId: byName.get('2018 visit')!.id,
    });
    expect(again.ok ? null : again.error.reason).toBe('collection_level_order');
  });

  it("a series whose fonds is taken to be this library's file (same reference code) is refused; at a fitting level it files there", async () => {
    const source = await library();
    const fonds = await source.ok('createCollection', {
      name: 'International relations',
      level: 'fonds',
      referenceCode: 'LCC/IP',
    });
    const series = await source.ok('createCollection', { name: 'Twinning', level: 'series', parentId: fonds.id });
    await source.ok('createRecord', { type: 'agreement', title: 'Twinning agreement', collectionId: series.id });
    const bag = await exported(source);

    const target = await library();
    const mine = await target.ok('createCollection', { name: 'IP papers', level: 'file', referenceCode: 'LCC/IP' });
    const error = await refused(target, bag);
    expect(error.reason).toBe('bag_level_order');
    expect(error.params).toMatchObject({ name: 'Twinning', level: 'series', other: 'IP papers' });
    expect(error.message).toContain(`its series "Twinning" would go inside this library's file "IP papers"`);

    // This library's collection re-levelled as the fonds it is: the bag's series goes inside it.
    await target.ok('updateCollection', { id: mine.id, patch: { level: 'fonds' } });
    await importBagAndWait(target, bag);
    const twinning = (await target.ok('listCollections', {})).find((c) => c.name === 'Twinning')!;
    expect(twinning).toMatchObject({ level: 'series', parentId: mine.id, recordCount: 1 });
  });
});
