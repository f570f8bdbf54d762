/** A signatory who signed on behalf of an organisation: written, read, audited, refused when unknown, found by search. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('signed on behalf of', () => {
  it('keeps the organisation a signatory acted for, and the record is found by its name', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const council = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    const r = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Memorandum of understanding',
      links: [{ authorityId: blake.id, role: 'signatory', onBehalfOf: council.id }],
    });
    expect(r.links).toEqual([
      expect.objectContaining({ name: 'Judith Blake', onBehalfOf: { id: council.id, name: 'Leeds City Council' } }),
    ]);
    const docs = await lib.ok('searchDocuments', { sinceRevision: 0 });
    const doc = docs.upserts.find((d) => d.id === r.id)!;
    expect(doc.links.map((l) => l.name)).toEqual(['Judith Blake', 'Leeds City Council']);

    // Undo and restore carry it through the snapshot.
    const deleted = await lib.ok('deleteRecordRestorably', { id: r.id });
    const back = await lib.ok('restoreRecord', {
      id: r.id,
      deletedRevision: deleted.revision,
      snapshot: deleted.snapshot,
    });
    expect(back.links[0]!.onBehalfOf).toEqual({ id: council.id, name: 'Leeds City Council' });

    // Merging the council into a duplicate keeps who signed for it.
    const dup = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds CC' });
    await lib.ok('mergeAuthorities', { keepId: dup.id, mergeId: council.id, nameFrom: 'merge' });
    expect((await lib.ok('getRecord', { id: r.id })).links[0]!.onBehalfOf).toEqual({
      id: dup.id,
      name: 'Leeds City Council',
    });
  });

  it('refuses an organisation that does not exist, and changes nothing', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const before = catalogueState(lib.dir);
    const result = await lib.service.call('createRecord', {
      type: 'agreement',
      title: 'Agreement',
      links: [{ authorityId: blake.id, role: 'signatory', onBehalfOf: 999 }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('links.0.onBehalfOf');
    expect(catalogueState(lib.dir)).toEqual(before);
  });
});

describe('renaming an organisation', () => {
  it('refreshes the search text of records that name it, as a link or as "on behalf of"', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const org = await lib.ok('createAuthority', { kind: 'organisation', name: 'Lanterne Trust' });
    const signed = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Grant agreement',
      links: [{ authorityId: blake.id, role: 'signatory', onBehalfOf: org.id }],
    });
    const linked = await lib.ok('createRecord', {
      type: 'report',
      title: 'Annual report',
      links: [{ authorityId: org.id, role: 'issuer' }],
    });
    const found = async (q: string) => (await lib.ok('searchText', { query: q })).hits.map((h) => h.recordId).sort();
    expect(await found('Lanterne')).toEqual([signed.id, linked.id].sort());

    await lib.ok('updateAuthority', { id: org.id, patch: { name: 'Quillfeather Foundation' } });
    expect(await found('Quillfeather')).toEqual([signed.id, linked.id].sort());
    expect(await found('Lanterne')).toEqual([]);
    // The search feed hands both records to windows that follow it.
    const feed = await lib.ok('searchDocuments', { sinceRevision: signed.revision });
    expect(feed.upserts.map((d) => d.id)).toEqual(expect.arrayContaining([signed.id, linked.id]));
    expect(feed.upserts.find((d) => d.id === signed.id)!.links.map((l) => l.name)).toContain('Quillfeather Foundation');
  });
});
