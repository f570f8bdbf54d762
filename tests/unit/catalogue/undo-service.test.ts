/**
 * The service side of undo: a deleted record comes back with the same id, links, tags,
 * collection and attached files; a batch changes many records in one transaction, previews
 * exactly what applying does, and is undone as a whole — refused if a record changed since.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

async function fullRecord() {
  const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
  const hangzhou = await lib.ok('createAuthority', { kind: 'place', name: 'Hangzhou' });
  const series = await lib.ok('createCollection', { name: 'Agreements', level: 'series' });
  return lib.ok('createRecord', {
    type: 'agreement',
    title: 'MoU between Leeds and Hangzhou',
    date: '2018-09',
    referenceCode: 'LCC/IP/2018/1',
    agreementKind: 'mou',
    commitments: [{ text: 'Library links', status: 'proposed' }],
    collectionId: series.id,
    links: [
      { authorityId: blake.id, role: 'signatory' },
      { authorityId: hangzhou.id, role: 'party', note: 'the city' },
    ],
    tags: ['MoU', 'culture'],
  });
}

describe('deleting and restoring a record', () => {
  it('brings the record back with the same id, links, tags, collection and files, and audits both', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'mou.txt');
    fs.writeFileSync(file, 'Memorandum of understanding, signed in Hangzhou.');
    const r = await fullRecord();
    await importAndWait(lib, { paths: [file], recordId: r.id });
    const files = await lib.ok('recordFiles', { recordId: r.id });
    expect(files).toHaveLength(1);
    const before = await lib.ok('getRecord', { id: r.id });

    const deleted = await lib.ok('deleteRecordRestorably', { id: r.id });
    expect(deleted.snapshot.files.map((f) => f.originalName)).toEqual(['mou.txt']);
    expect((await lib.service.call('getRecord', { id: r.id })).ok).toBe(false);
    expect(await lib.ok('recordFiles', { recordId: r.id }).catch(() => [])).toEqual([]);

    const back = await lib.ok('restoreRecord', {
      id: r.id,
      deletedRevision: deleted.revision,
      snapshot: deleted.snapshot,
    });
    expect(back.id).toBe(r.id);
    const { revision: _r, updatedAt: _u, ...rest } = back;
    const { revision: _r0, updatedAt: _u0, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect((await lib.ok('recordFiles', { recordId: r.id })).map((f) => [f.id, f.originalName])).toEqual(
      files.map((f) => [f.id, f.originalName]),
    );
    // Listed again under its authority and tag.
    expect((await lib.ok('listRecords', { tag: 'culture' })).items.map((i) => i.id)).toEqual([r.id]);

    const trail = await lib.ok('auditTrail', { entity: 'record', id: r.id });
    expect(trail.some((e) => e.action === 'delete')).toBe(true);
    expect(trail.find((e) => e.field === 'restored')?.newValue).toMatch(new RegExp(`revision ${deleted.revision}`));

    // The change feed shows the id deleted then created again, so every index follows.
    const feed = await lib.ok('changesSince', { revision: deleted.revision - 1 });
    expect(feed.changes.filter((c) => c.entityId === r.id).map((c) => c.action)).toEqual(['delete', 'create']);
  });

  it('refuses to restore twice, an id never deleted, the wrong deletion, or links to authorities gone since', async () => {
    const r = await fullRecord();
    const other = await lib.ok('createRecord', { type: 'report', title: 'Other' });
    const deleted = await lib.ok('deleteRecordRestorably', { id: r.id });
    const input = { id: r.id, deletedRevision: deleted.revision, snapshot: deleted.snapshot };

    const check = async (i: typeof input, code: string, message: RegExp) => {
      const state = catalogueState(lib.dir);
      const result = await lib.service.call('restoreRecord', i);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
      expect(catalogueState(lib.dir)).toEqual(state);
    };
    await check({ ...input, deletedRevision: deleted.revision - 1 }, 'conflict', /deleted at revision/);
    await check({ ...input, id: other.id }, 'conflict', /it exists/);
    await check({ ...input, id: 9999 }, 'not_found', /never a record #9999/);

    // Someone else took the reference code meanwhile: refused, nothing written.
    const taker = await lib.ok('createRecord', { type: 'report', title: 'Taker', referenceCode: 'LCC/IP/2018/1' });
    await check(input, 'conflict', new RegExp(`reference code "LCC/IP/2018/1" is now used by record #${taker.id}`));
    await lib.ok('deleteRecord', { id: taker.id });
    // The deletion of the taker is a later change, but to another id: the MoU can still come back.
    const back = await lib.ok('restoreRecord', input);
    expect(back.id).toBe(r.id);
    await check(input, 'conflict', /it exists/);

    // Deleting with the revision last seen: refused once someone else has edited the record.
    await lib.ok('updateRecord', { id: r.id, patch: { description: 'edited by a colleague' } });
    const stale = await lib.service.call('deleteRecordRestorably', { id: r.id, expectedRevision: back.revision });
    expect(stale.ok || stale.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/changed elsewhere.*not deleted/),
    });

    // An authority deleted after the record was: the link cannot come back, so neither does the record.
    const d2 = await lib.ok('deleteRecordRestorably', { id: r.id });
    const hangzhou = d2.snapshot.record.links!.find((l) => l.role === 'party')!.authorityId;
    await lib.ok('deleteAuthority', { id: hangzhou });
    await check(
      { id: r.id, deletedRevision: d2.revision, snapshot: d2.snapshot },
      'conflict',
      new RegExp(`authority record #${hangzhou}.*deleted or merged`),
    );
  });
});

describe('batch edit', () => {
  async function tenRecords() {
    const ids: number[] = [];
    for (let i = 1; i <= 10; i++) {
      ids.push(
        (
          await lib.ok('createRecord', {
            type: i % 2 ? 'letter' : 'media-coverage',
            title: `Record ${i}`,
            tags: i === 3 ? ['Festival'] : [],
          })
        ).id,
      );
    }
    return ids;
  }

  it('previews exactly what applying does, writing nothing', async () => {
    const ids = await tenRecords();
    const state = catalogueState(lib.dir);
    const preview = await lib.ok('batchEdit', { ids, operation: { kind: 'addTag', tag: 'festival' }, dryRun: true });
    expect(catalogueState(lib.dir)).toEqual(state);
    expect(preview.counts).toEqual({ change: 9, unchanged: 1, skipped: 0 });
    // Tags are case-insensitive: the existing spelling wins.
    expect(preview.items.find((i) => i.id === ids[0])!.changes).toEqual([
      { field: 'tags', before: null, after: 'Festival' },
    ]);

    const applied = await lib.ok('batchEdit', { ids, operation: { kind: 'addTag', tag: 'festival' } });
    expect(applied.items.map(({ revision: _, ...i }) => i)).toEqual(preview.items.map(({ revision: _, ...i }) => i));
    expect(applied.revision).toBe(state.revision! + 9);
    // One audit entry per changed record.
    for (const id of ids.filter((_, i) => i !== 2)) {
      const trail = await lib.ok('auditTrail', { entity: 'record', id });
      expect(trail.filter((e) => e.action === 'update').map((e) => [e.field, e.newValue])).toEqual([
        ['tags', 'Festival'],
      ]);
    }
  });

  it('undoes all of it with one call, and redoes it', async () => {
    const ids = await tenRecords();
    const series = await lib.ok('createCollection', { name: 'Visits', level: 'file' });
    const applied = await lib.ok('batchEdit', { ids, operation: { kind: 'setCollection', collectionId: series.id } });
    expect((await lib.ok('listRecords', { collectionId: series.id })).total).toBe(10);
    const changed = applied.items.filter((i) => i.outcome === 'change');
    const undone = await lib.ok('patchRecords', {
      items: changed.map((i) => ({ id: i.id, patch: i.inverse!, expectedRevision: i.revision })),
    });
    expect((await lib.ok('listRecords', { collectionId: series.id })).total).toBe(0);
    const at = new Map(undone.records.map((r) => [r.id, r.revision]));
    await lib.ok('patchRecords', {
      items: changed.map((i) => ({ id: i.id, patch: i.forward!, expectedRevision: at.get(i.id)! })),
    });
    expect((await lib.ok('listRecords', { collectionId: series.id })).total).toBe(10);
  });

  it('refuses the whole undo when one record changed since, and changes nothing', async () => {
    const ids = await tenRecords();
    const applied = await lib.ok('batchEdit', { ids, operation: { kind: 'addTag', tag: 'exchange' } });
    await lib.ok('updateRecord', { id: ids[4]!, patch: { title: 'Edited by a colleague' } });
    const state = catalogueState(lib.dir);
    const result = await lib.service.call('patchRecords', {
      items: applied.items.map((i) => ({ id: i.id, patch: i.inverse!, expectedRevision: i.revision })),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(result.error.message).toMatch(
        new RegExp(
          `nothing was changed: record #${ids[4]} “Edited by a colleague”: record #${ids[4]} was changed elsewhere`,
        ),
      );
      expect(result.error.field).toBe('items.4.expectedRevision');
    }
    expect(catalogueState(lib.dir)).toEqual(state);
    expect((await lib.ok('listRecords', { tag: 'exchange' })).total).toBe(10);
  });

  it('removes a tag, sets fields, and skips records a field does not belong to', async () => {
    const ids = await tenRecords();
    const removed = await lib.ok('batchEdit', { ids, operation: { kind: 'removeTag', tag: 'FESTIVAL' } });
    expect(removed.counts).toEqual({ change: 1, unchanged: 9, skipped: 0 });
    const medium = await lib.ok('batchEdit', { ids, operation: { kind: 'setField', patch: { medium: 'television' } } });
    expect(medium.counts).toEqual({ change: 5, unchanged: 0, skipped: 5 });
    expect(medium.items.find((i) => i.outcome === 'skipped')!.reason).toMatch(/only media coverage has a medium/);
    const access = await lib.ok('batchEdit', {
      ids: [...ids, 9999],
      operation: { kind: 'setField', patch: { accessStatus: 'restricted', languages: ['EN'] } },
    });
    expect(access.counts).toEqual({ change: 10, unchanged: 0, skipped: 1 });
    expect(access.items.find((i) => i.id === 9999)!.reason).toMatch(/no record #9999/);
    expect(access.items[0]!.changes).toEqual([
      { field: 'languages', before: null, after: 'en' },
      { field: 'accessStatus', before: 'open', after: 'restricted' },
    ]);
    expect(access.items[0]!.inverse).toEqual({ accessStatus: 'open', languages: [] });
  });

  it('refuses malformed batches clearly', async () => {
    const ids = await tenRecords();
    for (const [input, field] of [
      [{ ids: [], operation: { kind: 'addTag', tag: 'x' } }, 'ids'],
      [{ ids, operation: { kind: 'setField', patch: {} } }, 'operation.patch'],
      [{ ids, operation: { kind: 'setField', patch: { title: 'x' } } }, 'operation.patch'],
      [{ ids, operation: { kind: 'dropTable' } }, 'operation.kind'],
      [{ ids, operation: { kind: 'setField', patch: { date: 'Sept 2018' } } }, 'operation.patch.date'],
    ] as const) {
      const result = await lib.service.invoke('batchEdit', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.field, JSON.stringify(input)).toBe(field);
    }
  });
});

describe('merging authorities and undoing it', () => {
  it('puts the duplicate back with its id, names and links, and the kept record as it was', async () => {
    const blake = await lib.ok('createAuthority', {
      kind: 'person',
      name: 'Judith Blake',
      altNames: [{ name: 'Cllr Blake' }],
    });
    const dup = await lib.ok('createAuthority', {
      kind: 'person',
      name: 'J. Blake',
      altNames: [{ name: '布莱克', language: 'zh-Hans' }],
      description: 'duplicate',
    });
    const both = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Both',
      links: [
        { authorityId: blake.id, role: 'author' },
        { authorityId: dup.id, role: 'author', note: 'signed J.B.' },
      ],
    });
    const onlyDup = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Only the duplicate',
      links: [{ authorityId: dup.id, role: 'mentioned' }],
    });
    const onlyKeep = await lib.ok('createRecord', {
      type: 'report',
      title: 'Only the kept one',
      links: [{ authorityId: blake.id, role: 'subject' }],
    });
    const before = {
      blake: await lib.ok('getAuthority', { id: blake.id }),
      dup: await lib.ok('getAuthority', { id: dup.id }),
      both: await lib.ok('getRecord', { id: both.id }),
      onlyDup: await lib.ok('getRecord', { id: onlyDup.id }),
    };

    const merged = await lib.ok('mergeAuthoritiesRestorably', { keepId: blake.id, mergeId: dup.id, nameFrom: 'merge' });
    expect(merged.authority.name).toBe('J. Blake');
    expect((await lib.service.call('getAuthority', { id: dup.id })).ok).toBe(false);
    expect((await lib.ok('getRecord', { id: onlyDup.id })).links.map((l) => l.authorityId)).toEqual([blake.id]);

    const undone = await lib.ok('unmergeAuthorities', { snapshot: merged.snapshot });
    expect(undone.restored.id).toBe(dup.id);
    const strip = <T extends { updatedAt: string }>(a: T) => ({ ...a, updatedAt: '' });
    expect(strip(await lib.ok('getAuthority', { id: dup.id }))).toEqual(strip(before.dup));
    expect(strip(await lib.ok('getAuthority', { id: blake.id }))).toEqual(strip(before.blake));
    expect((await lib.ok('getRecord', { id: both.id })).links).toEqual(before.both.links);
    expect((await lib.ok('getRecord', { id: onlyDup.id })).links).toEqual(before.onlyDup.links);
    expect((await lib.ok('getRecord', { id: onlyKeep.id })).links.map((l) => l.name)).toEqual(['Judith Blake']);
    expect((await lib.ok('auditTrail', { entity: 'authority', id: dup.id })).map((e) => e.action)).toContain('create');

    // Twice is refused, and so is an undo after the kept record was edited since.
    const again = await lib.service.call('unmergeAuthorities', { snapshot: merged.snapshot });
    expect(again.ok || again.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/cannot be undone/),
    });
    const second = await lib.ok('mergeAuthoritiesRestorably', { keepId: blake.id, mergeId: dup.id });
    await lib.ok('updateAuthority', { id: blake.id, patch: { description: 'edited since' } });
    const state = catalogueState(lib.dir);
    const stale = await lib.service.call('unmergeAuthorities', { snapshot: second.snapshot });
    expect(stale.ok || stale.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/“Judith Blake” has changed since/),
    });
    expect(catalogueState(lib.dir)).toEqual(state);
  });
});

describe('search follows undo', () => {
  it('a deleted record leaves both indexes and a restored one comes back to them', async () => {
    const r = await lib.ok('createRecord', {
      type: 'report',
      title: 'Report on the Xixi wetland exchange',
      description: 'Wetland conservation visit.',
    });
    const found = async () => ({
      text: (await lib.ok('searchText', { query: 'wetland' })).hits.some((h) => h.recordId === r.id),
      feed: (await lib.ok('searchDocuments', { sinceRevision: 0 })).upserts.some((d) => d.id === r.id),
    });
    expect(await found()).toEqual({ text: true, feed: true });
    const deleted = await lib.ok('deleteRecordRestorably', { id: r.id });
    expect(await found()).toEqual({ text: false, feed: false });
    const since = deleted.revision;
    await lib.ok('restoreRecord', { id: r.id, deletedRevision: deleted.revision, snapshot: deleted.snapshot });
    expect(await found()).toEqual({ text: true, feed: true });
    // A window following the feed since the deletion gets the record back as an upsert.
    const feed = await lib.ok('searchDocuments', { sinceRevision: since });
    expect(feed.upserts.map((d) => d.id)).toContain(r.id);
    expect(feed.deletes).not.toContain(r.id);
  });
});
