/**
 * Archival arrangement through the service: the six ISAD(G) levels, the tree's rules, deleting a
 * collection without deleting what it holds (and undoing that), and a collection's page, whose
 * dates and extent are computed from the records in it and below it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_LEVELS } from '../../../src/shared/model';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

/** A fonds > series > file, two records in the series and one in the file. */
async function tree() {
  const fonds = await lib.ok('createCollection', { name: 'International partnerships', level: 'fonds' });
  const series = await lib.ok('createCollection', { name: 'Hangzhou', level: 'series', parentId: fonds.id });
  const file = await lib.ok('createCollection', { name: '2018 visit', level: 'file', parentId: series.id });
  const mou = await lib.ok('createRecord', {
    type: 'agreement',
    title: 'MoU',
    date: '2018-09-14',
    collectionId: series.id,
  });
  const letter = await lib.ok('createRecord', {
    type: 'letter',
    title: 'Invitation',
    date: '1987-03',
    collectionId: series.id,
  });
  const photo = await lib.ok('createRecord', {
    type: 'photograph',
    title: 'Signing',
    date: '2018-09-14',
    dateEnd: '2019-01',
    collectionId: file.id,
  });
  return { fonds, series, file, mou, letter, photo };
}

const collectionOf = async (id: number) => (await lib.ok('getRecord', { id })).collection?.id ?? null;
const parentOf = async (id: number) => (await lib.ok('listCollections', {})).find((c) => c.id === id)?.parentId;

describe('collections', () => {
  it('take every ISAD(G) level, from fonds to item', async () => {
    let parentId: number | null = null;
    for (const level of COLLECTION_LEVELS) {
      const made: { id: number; level: string } = await lib.ok('createCollection', {
        name: `A ${level}`,
        level,
        parentId,
      });
      expect(made.level).toBe(level);
      parentId = made.id;
    }
    expect((await lib.ok('listCollections', {})).map((c) => c.level).sort()).toEqual([...COLLECTION_LEVELS].sort());
  });

  it('refuse an unknown level, an empty name, an unknown parent and a cycle, changing nothing', async () => {
    const { fonds, file } = await tree();
    const before = catalogueState(lib.dir);
    const refusals = [
      [await lib.service.call('createCollection', { name: 'Box 3', level: 'box' as never }), 'level'],
      [await lib.service.call('createCollection', { name: '   ', level: 'series' }), 'name'],
      [await lib.service.call('createCollection', { name: 'Lost', level: 'series', parentId: 999 }), 'parentId'],
      [await lib.service.call('updateCollection', { id: 999, patch: { name: 'Nobody' } }), 'id'],
      [await lib.service.call('updateCollection', { id: fonds.id, patch: { parentId: file.id } }), 'parentId'],
      [await lib.service.call('updateCollection', { id: fonds.id, patch: { parentId: fonds.id } }), 'parentId'],
      [await lib.service.call('deleteCollectionRestorably', { id: 999 }), 'id'],
    ] as const;
    for (const [result, field] of refusals) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.field).toBe(field);
    }
    const cycle = refusals[4][0];
    expect(cycle.ok ? '' : cycle.error.message).toMatch(/inside itself or its own sub-collections/);
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it("keep ISAD(G)'s order: adding, moving or re-levelling above the parent's level is refused, naming it", async () => {
    const { fonds, series, file } = await tree();
    const loose = await lib.ok('createCollection', { name: 'Loose', level: 'series' });
    const before = catalogueState(lib.dir);
    const refusals = [
      // A fonds inside a series.
      [await lib.service.call('createCollection', { name: 'Leeds', level: 'fonds', parentId: series.id }), 'level'],
      // A series moved inside a file.
      [await lib.service.call('updateCollection', { id: loose.id, patch: { parentId: file.id } }), 'parentId'],
      // The file raised above its series.
      [await lib.service.call('updateCollection', { id: file.id, patch: { level: 'sub-fonds' } }), 'level'],
      // The series lowered below the file it holds.
      [await lib.service.call('updateCollection', { id: series.id, patch: { level: 'item' } }), 'level'],
    ] as const;
    const reasons = refusals.map(([result, field]) => {
      expect(result.ok).toBe(false);
      if (result.ok) return null;
      expect(result.error.field).toBe(field);
      return [result.error.reason, result.error.params];
    });
    expect(reasons).toEqual([
      ['collection_level_order', { level: 'fonds', other: 'Hangzhou', otherLevel: 'series', relation: 'parent' }],
      ['collection_level_order', { level: 'series', other: '2018 visit', otherLevel: 'file', relation: 'parent' }],
      ['collection_level_order', { level: 'sub-fonds', other: 'Hangzhou', otherLevel: 'series', relation: 'parent' }],
      ['collection_level_order', { level: 'item', other: '2018 visit', otherLevel: 'file', relation: 'child' }],
    ]);
    expect(refusals[0][0].ok ? '' : refusals[0][0].error.message).toBe(
      'the level "fonds" is above the series "Hangzhou" it would be inside: a collection is never at a higher level than the one it is in (fonds > sub-fonds > series > sub-series > file > item)',
    );
    expect(catalogueState(lib.dir)).toEqual(before);

    // What fits is taken: the same level inside, a lower one, a level between parent and child.
    await lib.ok('updateCollection', { id: series.id, patch: { level: 'sub-series' } });
    await lib.ok('createCollection', { name: 'Twin', level: 'sub-series', parentId: series.id });
    await lib.ok('updateCollection', { id: fonds.id, patch: { level: 'fonds' } });
    expect((await lib.ok('listCollections', {})).find((c) => c.id === series.id)?.level).toBe('sub-series');
  });

  it('leaves a library arranged before the rule renamable: only a change of level or place is checked', async () => {
    const { file } = await tree();
    const other = await lib.ok('createCollection', { name: 'Other', level: 'series' });
    const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
    db.prepare("UPDATE collections SET level = 'fonds' WHERE id = ?").run(file.id);
    db.close();
    expect(
      (await lib.ok('updateCollection', { id: file.id, patch: { name: 'The 2018 visit', level: 'fonds' } })).name,
    ).toBe('The 2018 visit');
    const moved = await lib.service.call('updateCollection', {
      id: file.id,
      patch: { parentId: other.id },
    });
    expect(moved.ok ? null : moved.error.reason).toBe('collection_level_order');
  });

  it('move within the tree and are renamed, each change logged', async () => {
    const { fonds, series, file } = await tree();
    const other = await lib.ok('createCollection', { name: 'Other partnerships', level: 'fonds' });
    const { revision } = await lib.ok('libraryRevision', {});
    await lib.ok('updateCollection', { id: file.id, patch: { parentId: other.id } });
    await lib.ok('updateCollection', { id: series.id, patch: { name: 'Hangzhou partnership', level: 'sub-fonds' } });
    expect(await parentOf(file.id)).toBe(other.id);
    const changes = await lib.ok('changesSince', { revision });
    expect(changes.changes.map((c) => [c.entity, c.entityId, c.action])).toEqual([
      ['collection', file.id, 'update'],
      ['collection', series.id, 'update'],
    ]);
    const audit = await lib.ok('auditTrail', { entity: 'collection', id: series.id });
    expect(audit.filter((a) => a.action === 'update').map((a) => [a.field, a.oldValue, a.newValue])).toEqual([
      ['name', 'Hangzhou', 'Hangzhou partnership'],
      ['level', 'series', 'sub-fonds'],
    ]);
    // Moved to the top.
    await lib.ok('updateCollection', { id: file.id, patch: { parentId: null } });
    expect(await parentOf(file.id)).toBeNull();
    expect(await parentOf(series.id)).toBe(fonds.id);
  });
});

describe('deleting a collection', () => {
  it('moves its records and sub-collections up to its parent and deletes nothing else; undone, all goes back', async () => {
    const { fonds, series, file, mou, letter, photo } = await tree();
    const records = (await lib.ok('libraryInfo', {})).counts.records;
    const deleted = await lib.ok('deleteCollectionRestorably', { id: series.id });
    expect(deleted.movedTo).toEqual({ id: fonds.id, name: fonds.name });
    expect(deleted.snapshot).toMatchObject({ children: [file.id], records: [mou.id, letter.id], parentId: fonds.id });
    expect((await lib.ok('listCollections', {})).map((c) => c.id).sort()).toEqual([fonds.id, file.id].sort());
    expect(await parentOf(file.id)).toBe(fonds.id);
    expect(await collectionOf(mou.id)).toBe(fonds.id);
    expect(await collectionOf(letter.id)).toBe(fonds.id);
    expect(await collectionOf(photo.id)).toBe(file.id);
    expect((await lib.ok('libraryInfo', {})).counts.records).toBe(records);
    // Each record's move is in its own audit trail.
    const trail = await lib.ok('auditTrail', { entity: 'record', id: mou.id });
    expect(trail.at(-1)).toMatchObject({ field: 'collection', newValue: `${fonds.name} (#${fonds.id})` });

    const restored = await lib.ok('restoreCollection', { snapshot: deleted.snapshot });
    expect(restored).toMatchObject({ id: series.id, name: 'Hangzhou', level: 'series', parentId: fonds.id });
    expect(await parentOf(file.id)).toBe(series.id);
    expect(await collectionOf(mou.id)).toBe(series.id);
    expect(await collectionOf(letter.id)).toBe(series.id);
    // Once back, the same snapshot cannot bring it back twice.
    const before = catalogueState(lib.dir);
    const again = await lib.service.call('restoreCollection', { snapshot: deleted.snapshot });
    expect(again.ok ? null : again.error.reason).toBe('collection_restore_blocked');
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('at the top, leaves its records unfiled and its sub-collections at the top', async () => {
    const { fonds, series, mou } = await tree();
    const loose = await lib.ok('createRecord', { type: 'report', title: 'Filed in the fonds', collectionId: fonds.id });
    const deleted = await lib.ok('deleteCollectionRestorably', { id: fonds.id });
    expect(deleted.movedTo).toBeNull();
    expect(await parentOf(series.id)).toBeNull();
    expect(await collectionOf(loose.id)).toBeNull();
    expect(await collectionOf(mou.id)).toBe(series.id);
    await lib.ok('restoreCollection', { snapshot: deleted.snapshot });
    expect(await parentOf(series.id)).toBe(fonds.id);
    expect(await collectionOf(loose.id)).toBe(fonds.id);
  });

  it('undone, leaves where they are the records and sub-collections the user moved since', async () => {
    const { fonds, series, file, mou, letter } = await tree();
    const other = await lib.ok('createCollection', { name: 'Elsewhere', level: 'fonds' });
    const deleted = await lib.ok('deleteCollectionRestorably', { id: series.id });
    await lib.ok('updateRecord', { id: letter.id, patch: { collectionId: other.id } });
    await lib.ok('updateCollection', { id: file.id, patch: { parentId: other.id } });
    await lib.ok('restoreCollection', { snapshot: deleted.snapshot });
    expect(await collectionOf(mou.id)).toBe(series.id);
    expect(await collectionOf(letter.id)).toBe(other.id);
    expect(await parentOf(file.id)).toBe(other.id);
    expect(await parentOf(series.id)).toBe(fonds.id);
  });

  it('cannot be undone into a parent deleted since: refused, nothing changed', async () => {
    const { fonds, series } = await tree();
    const deleted = await lib.ok('deleteCollectionRestorably', { id: series.id });
    await lib.ok('deleteCollectionRestorably', { id: fonds.id });
    const before = catalogueState(lib.dir);
    const refused = await lib.service.call('restoreCollection', { snapshot: deleted.snapshot });
    expect(refused.ok ? null : [refused.error.code, refused.error.field]).toEqual(['not_found', 'snapshot.parentId']);
    expect(catalogueState(lib.dir)).toEqual(before);
  });
});

describe("a collection's page", () => {
  it('computes its dates and extent from its records and those below it', async () => {
    const { fonds, series, file, photo } = await tree();
    const src = tempDir('collection-files-');
    fs.writeFileSync(path.join(src, 'minutes.txt'), 'Minutes of the 1988 meeting\n');
    fs.writeFileSync(path.join(src, 'notes.txt'), 'Notes from Hangzhou, with more words\n');
    const { queued } = await importAndWait(lib, { paths: [src] });
    const imported = (await lib.ok('listRecords', { importBatch: queued.batch })).items.map((r) => r.id);
    expect(imported).toHaveLength(2);
    for (const id of imported) await lib.ok('updateRecord', { id, patch: { collectionId: file.id } });
    const bytes = ['minutes.txt', 'notes.txt'].reduce((n, f) => n + fs.statSync(path.join(src, f)).size, 0);

    const top = await lib.ok('collectionSummary', { id: fonds.id });
    expect(top).toMatchObject({
      path: [],
      children: 1,
      records: 5,
      files: 2,
      bytes,
      earliest: '1987-03',
      latest: '2019-01',
    });
    const inner = await lib.ok('collectionSummary', { id: file.id });
    expect(inner.path.map((p) => [p.name, p.level])).toEqual([
      [fonds.name, 'fonds'],
      [series.name, 'series'],
    ]);
    expect(inner).toMatchObject({ records: 3, files: 2, earliest: '2018-09-14', latest: '2019-01', children: 0 });
    await lib.ok('updateRecord', { id: photo.id, patch: { collectionId: null } });
    const undated = await lib.ok('createCollection', { name: 'Empty', level: 'item' });
    expect(await lib.ok('collectionSummary', { id: undated.id })).toMatchObject({
      records: 0,
      files: 0,
      bytes: 0,
      earliest: null,
      latest: null,
    });
  });
});
