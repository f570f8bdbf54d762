import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecordSearch } from '../../../src/shared/search/engine';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('the change log', () => {
  it('gives every write a revision, in order, with who and what', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'One' });
    await lib.ok('updateRecord', { id: r.id, patch: { title: 'Two' } });
    await lib.ok('deleteRecord', { id: r.id });
    const feed = await lib.ok('changesSince', { revision: 0 });
    expect(feed.changes.map((c) => [c.revision, c.entity, c.entityId, c.action])).toEqual([
      [1, 'record', r.id, 'create'],
      [2, 'record', r.id, 'update'],
      [3, 'record', r.id, 'delete'],
    ]);
    expect(feed.revision).toBe(3);
    expect(feed.more).toBe(false);
    const page = await lib.ok('changesSince', { revision: 1, limit: 1 });
    expect(page.changes.map((c) => c.revision)).toEqual([2]);
    expect(page.more).toBe(true);
  });

  it('feeds a search index: everything at revision 0, then upserts and deletes since N', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const a = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Memorandum of understanding',
      links: [{ authorityId: blake.id, role: 'signatory' }],
      tags: ['MoU'],
    });
    const b = await lib.ok('createRecord', {
      type: 'media-coverage',
      title: 'Hangzhou TV report',
      medium: 'television',
      outlet: 'Hangzhou TV',
    });
    const full = await lib.ok('searchDocuments', { sinceRevision: 0 });
    const index = buildRecordSearch(full.upserts);
    const ids = (q: string) => index.search(q).hits.map((h) => h.id);
    expect(ids('Blake')).toEqual([a.id]);
    expect(full.upserts.find((d) => d.id === a.id)).toMatchObject({
      links: [{ kind: 'person', name: 'Judith Blake', altNames: [], roles: ['signatory'] }],
      tags: ['MoU'],
      type: 'agreement',
    });

    await lib.ok('updateRecord', { id: a.id, patch: { title: 'Memorandum with Hisense' } });
    await lib.ok('deleteRecord', { id: b.id });
    const c = await lib.ok('createRecord', { type: 'photograph', title: 'Signing ceremony' });
    const delta = await lib.ok('searchDocuments', { sinceRevision: full.revision });
    expect(delta.upserts.map((d) => d.id).sort()).toEqual([a.id, c.id].sort());
    expect(delta.deletes).toEqual([b.id]);
    for (const d of delta.upserts) index.upsert(d);
    for (const id of delta.deletes) index.remove(id);
    expect(ids('Hisense')).toEqual([a.id]);
    expect(ids('Hangzhou TV')).toEqual([]);
    expect(ids('ceremony')).toEqual([c.id]);
  });
});
