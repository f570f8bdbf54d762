/**
 * Authorities named in a record's form are created with the record, in the same transaction:
 * a refused save leaves none behind, and undoing the creation removes them too — unless someone
 * has linked or edited them since — and redoing it brings them back under their ids.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

const names = async () => (await lib.ok('listAuthorities', { limit: 100 })).items.map((a) => a.name).sort();

describe('new links: authorities created with the record', () => {
  it('creates the record and its new authorities together, links after the existing ones', async () => {
    const council = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    const r = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter to Hangzhou',
      links: [{ authorityId: council.id, role: 'author' }],
      newLinks: [
        { kind: 'person', name: 'Judith Blake', role: 'signatory', note: 'Leader' },
        { kind: 'organisation', name: 'Hangzhou Foreign Affairs Office', role: 'recipient' },
      ],
    });
    expect(r.links.map((l) => [l.name, l.kind, l.role, l.note])).toEqual([
      ['Leeds City Council', 'organisation', 'author', null],
      ['Judith Blake', 'person', 'signatory', 'Leader'],
      ['Hangzhou Foreign Affairs Office', 'organisation', 'recipient', null],
    ]);
    expect(await names()).toEqual(['Hangzhou Foreign Affairs Office', 'Judith Blake', 'Leeds City Council']);
  });

  it('adds new links on an edit, after the links the patch gives or the record had', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Reply' });
    const edited = await lib.ok('updateRecord', {
      id: r.id,
      patch: { title: 'Reply from Hangzhou' },
      expectedRevision: r.revision,
      newLinks: [{ kind: 'person', name: 'Xu Liping', role: 'author' }],
    });
    expect(edited.title).toBe('Reply from Hangzhou');
    expect(edited.links.map((l) => l.name)).toEqual(['Xu Liping']);
  });

  it('refused whole: a bad record leaves no authority behind, nor a stale edit', async () => {
    const other = await lib.ok('createRecord', { type: 'letter', title: 'First', referenceCode: 'L/1' });
    const before = catalogueState(lib.dir);
    const taken = await lib.service.call('createRecord', {
      type: 'letter',
      title: 'Second',
      referenceCode: 'L/1',
      newLinks: [{ kind: 'person', name: 'Judith Blake', role: 'author' }],
    });
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.error.field).toBe('referenceCode');
    const stale = await lib.service.call('updateRecord', {
      id: other.id,
      patch: { title: 'First, edited' },
      expectedRevision: other.revision - 1,
      newLinks: [{ kind: 'person', name: 'Judith Blake', role: 'author' }],
    });
    expect(stale.ok).toBe(false);
    const empty = await lib.service.call('createRecord', {
      type: 'letter',
      title: 'Third',
      newLinks: [{ kind: 'person', name: '   ', role: 'author' }],
    });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.field).toBe('newLinks.0.name');
    expect(catalogueState(lib.dir)).toEqual(before);
    expect(await names()).toEqual([]);
  });
});

describe('undoing a creation with new authorities', () => {
  it('removes the new authorities with the record, and redo brings both back with their ids', async () => {
    const r = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter',
      newLinks: [{ kind: 'person', name: 'Judith Blake', role: 'author' }],
    });
    const blake = r.links[0]!.authorityId;
    const deleted = await lib.ok('deleteRecordRestorably', {
      id: r.id,
      expectedRevision: r.revision,
      withAuthorities: [blake],
    });
    expect(deleted.snapshot.authorities?.map((a) => [a.id, a.name])).toEqual([[blake, 'Judith Blake']]);
    expect(await names()).toEqual([]);

    const back = await lib.ok('restoreRecord', {
      id: r.id,
      deletedRevision: deleted.revision,
      snapshot: deleted.snapshot,
    });
    expect(back.links.map((l) => [l.authorityId, l.name])).toEqual([[blake, 'Judith Blake']]);
    expect((await lib.ok('getAuthority', { id: blake })).recordCount).toBe(1);
  });

  it('keeps an authority that another record now links to, or that someone edited since', async () => {
    const r = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter',
      newLinks: [
        { kind: 'person', name: 'Judith Blake', role: 'author' },
        { kind: 'organisation', name: 'Leeds City Council', role: 'recipient' },
        { kind: 'person', name: 'Tom Riordan', role: 'mentioned' },
      ],
    });
    const [blake, council, riordan] = r.links.map((l) => l.authorityId) as [number, number, number];
    await lib.ok('createRecord', { type: 'report', title: 'Report', links: [{ authorityId: blake, role: 'author' }] });
    await lib.ok('updateAuthority', { id: council, patch: { description: 'The city council' } });
    const deleted = await lib.ok('deleteRecordRestorably', {
      id: r.id,
      withAuthorities: [blake, council, riordan],
    });
    expect(deleted.snapshot.authorities?.map((a) => a.name)).toEqual(['Tom Riordan']);
    expect(await names()).toEqual(['Judith Blake', 'Leeds City Council']);
    const back = await lib.ok('restoreRecord', {
      id: r.id,
      deletedRevision: deleted.revision,
      snapshot: deleted.snapshot,
    });
    expect(back.links.map((l) => l.authorityId)).toEqual([blake, council, riordan]);
  });

  it('leaves alone an authority the record does not link (an id passed by mistake)', async () => {
    const stranger = await lib.ok('createAuthority', { kind: 'person', name: 'Stranger' });
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter' });
    const deleted = await lib.ok('deleteRecordRestorably', { id: r.id, withAuthorities: [stranger.id] });
    expect(deleted.snapshot.authorities).toBeUndefined();
    expect(await names()).toEqual(['Stranger']);
  });
});
