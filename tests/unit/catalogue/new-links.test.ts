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

describe('undoing an edit with new authorities', () => {
  it('removes the authorities the edit created, redo brings them back with their ids, unused only', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter' });
    const before = await lib.ok('getRecord', { id: r.id });
    const edited = await lib.ok('updateRecord', {
      id: r.id,
      expectedRevision: r.revision,
      patch: { title: 'Letter to the council' },
      newLinks: [
        { kind: 'person', name: 'Judith Blake', role: 'author' },
        { kind: 'organisation', name: 'Leeds City Council', role: 'recipient' },
        { kind: 'person', name: 'Tom Riordan', role: 'mentioned' },
      ],
    });
    const [blake, council, riordan] = edited.links.map((l) => l.authorityId) as [number, number, number];
    // Someone else now refers to Riordan, and to the council only as "on behalf of": both stay.
    const other = await lib.ok('createAuthority', { kind: 'person', name: 'Wang Li' });
    await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Agreement',
      links: [
        { authorityId: riordan, role: 'mentioned' },
        { authorityId: other.id, role: 'signatory', onBehalfOf: council },
      ],
    });
    const snapshot = catalogueState(lib.dir);
    const gone = [blake, council, riordan];

    const undone = await lib.ok('updateRecord', {
      id: r.id,
      expectedRevision: edited.revision,
      patch: { title: before.title, links: [] },
      withAuthorities: gone,
    });
    expect(undone.links).toEqual([]);
    expect(await names()).toEqual(['Leeds City Council', 'Tom Riordan', 'Wang Li']);
    expect((await lib.service.call('getAuthority', { id: blake })).ok).toBe(false);

    const created = edited.links.map((l) => ({
      id: l.authorityId,
      kind: l.kind,
      name: l.name,
      createdAt: edited.updatedAt,
    }));
    const redone = await lib.ok('updateRecord', {
      id: r.id,
      expectedRevision: undone.revision,
      patch: { title: edited.title, links: edited.links.map((l) => ({ authorityId: l.authorityId, role: l.role })) },
      restoreAuthorities: created,
    });
    expect(redone.links.map((l) => [l.authorityId, l.name])).toEqual([
      [blake, 'Judith Blake'],
      [council, 'Leeds City Council'],
      [riordan, 'Tom Riordan'],
    ]);
    const rows = ({ authorities, record_links }: Record<string, number>) => ({ authorities, record_links });
    expect(rows(catalogueState(lib.dir))).toEqual(rows(snapshot));
  });

  it('refuses a stale undo and deletes nothing', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter' });
    const edited = await lib.ok('updateRecord', {
      id: r.id,
      patch: {},
      newLinks: [{ kind: 'person', name: 'Judith Blake', role: 'author' }],
    });
    await lib.ok('updateRecord', { id: r.id, patch: { title: 'Changed elsewhere' } });
    const state = catalogueState(lib.dir);
    const stale = await lib.service.call('updateRecord', {
      id: r.id,
      expectedRevision: edited.revision,
      patch: { links: [] },
      withAuthorities: [edited.links[0]!.authorityId],
    });
    expect(stale.ok).toBe(false);
    expect(catalogueState(lib.dir)).toEqual(state);
    expect(await names()).toEqual(['Judith Blake']);
  });
});
