import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('records', () => {
  it('creates a record with every field, and reads it back with links, tags and collection', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const hangzhou = await lib.ok('createAuthority', {
      kind: 'place',
      name: 'Hangzhou',
      altNames: [{ name: '杭州', language: 'zh-Hans' }],
    });
    const series = await lib.ok('createCollection', { name: 'Partnership agreements', level: 'series' });
    const r = await lib.ok('createRecord', {
      type: 'agreement',
      title: '  Memorandum of understanding between Leeds and Hangzhou ',
      titleAlt: '利兹与杭州谅解备忘录',
      titleAltLanguage: 'zh-hans',
      date: '2018-09',
      dateApproximate: true,
      description: 'A new MoU.',
      languages: ['en', 'zh-Hans'],
      referenceCode: 'LCC/IP/2018/1',
      rights: 'Crown copyright',
      accessStatus: 'restricted',
      physicalLocation: 'Civic Hall, box 12',
      extent: '4 pages',
      agreementKind: 'mou',
      dateSigned: '2018-09',
      placeSigned: 'Hangzhou',
      commitments: [{ text: 'Link the library services', status: 'proposed' }, { text: 'Trade and investment' }],
      collectionId: series.id,
      links: [
        { authorityId: blake.id, role: 'signatory' },
        { authorityId: hangzhou.id, role: 'party', note: 'the city' },
      ],
      tags: ['MoU', '30th anniversary'],
    });
    expect(r.title).toBe('Memorandum of understanding between Leeds and Hangzhou');
    expect(r.titleAltLanguage).toBe('zh-Hans');
    expect(r.dateApproximate).toBe(true);
    expect(r.commitments).toEqual([
      { text: 'Link the library services', status: 'proposed' },
      { text: 'Trade and investment', status: 'unknown' },
    ]);
    expect(r.links.map((l) => [l.name, l.kind, l.role, l.note])).toEqual([
      ['Judith Blake', 'person', 'signatory', null],
      ['Hangzhou', 'place', 'party', 'the city'],
    ]);
    expect(r.tags).toEqual(['30th anniversary', 'MoU']);
    expect(r.collection).toEqual({ id: series.id, name: 'Partnership agreements' });
    expect(r.revision).toBeGreaterThan(0);
    expect(await lib.ok('getRecord', { id: r.id })).toEqual(r);
  });

  it('updates only the fields given, clears a field with null or "", and audits each change', async () => {
    const r = await lib.ok('createRecord', {
      type: 'press-release',
      title: 'Celebration',
      description: 'old',
      date: '2020-03-11',
    });
    const u = await lib.ok('updateRecord', {
      id: r.id,
      patch: { title: 'Celebration of a 30-year anniversary', description: '' },
    });
    expect(u.title).toBe('Celebration of a 30-year anniversary');
    expect(u.description).toBeNull();
    expect(u.date).toBe('2020-03-11');
    expect(u.revision).toBeGreaterThan(r.revision);
    const audit = await lib.ok('auditTrail', { entity: 'record', id: r.id });
    const update = audit.filter((a) => a.action === 'update');
    expect(update.map((a) => [a.field, a.oldValue, a.newValue]).sort()).toEqual([
      ['description', 'old', null],
      ['title', 'Celebration', 'Celebration of a 30-year anniversary'],
    ]);
    expect(update[0]!.actor).toMatch(/\(test\)$/);
  });

  it('an edit that changes nothing makes no revision', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'Annual report' });
    const before = (await lib.ok('libraryInfo', {})).revision;
    const same = await lib.ok('updateRecord', { id: r.id, patch: { title: 'Annual report' } });
    expect(same.revision).toBe(r.revision);
    expect((await lib.ok('libraryInfo', {})).revision).toBe(before);
  });

  it('refuses an edit based on a stale revision', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter' });
    await lib.ok('updateRecord', { id: r.id, patch: { title: 'Letter from Hangzhou' } });
    const stale = await lib.service.call('updateRecord', {
      id: r.id,
      patch: { title: 'Other' },
      expectedRevision: r.revision,
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toMatchObject({ code: 'conflict', field: 'expectedRevision' });
    expect((await lib.ok('getRecord', { id: r.id })).title).toBe('Letter from Hangzhou');
  });

  it('applies cross-field rules to the record as it will be after the edit', async () => {
    const r = await lib.ok('createRecord', { type: 'agreement', title: 'MoU', agreementKind: 'mou' });
    const bad = await lib.service.call('updateRecord', { id: r.id, patch: { type: 'letter' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'invalid_input', field: 'agreementKind' });
    const good = await lib.ok('updateRecord', { id: r.id, patch: { type: 'letter', agreementKind: null } });
    expect(good.type).toBe('letter');
  });

  it('deletes a record with its commitments, links and tags, keeping its audit trail', async () => {
    const person = await lib.ok('createAuthority', { kind: 'person', name: 'Sharon Watson' });
    const r = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'MoU',
      commitments: [{ text: 'x' }],
      links: [{ authorityId: person.id, role: 'speaker' }],
      tags: ['culture'],
    });
    const d = await lib.ok('deleteRecord', { id: r.id });
    expect(d.id).toBe(r.id);
    const gone = await lib.service.call('getRecord', { id: r.id });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
    expect((await lib.ok('getAuthority', { id: person.id })).recordCount).toBe(0);
    expect(await lib.ok('listTags', {})).toEqual([]);
    const audit = await lib.ok('auditTrail', { entity: 'record', id: r.id });
    expect(audit.some((a) => a.action === 'delete' && a.field === 'title' && a.oldValue === 'MoU')).toBe(true);
    // The person is now free to delete.
    await lib.ok('deleteAuthority', { id: person.id });
  });

  it('lists with sort, direction, filters and paging', async () => {
    const p = await lib.ok('createAuthority', { kind: 'organisation', name: 'Hisense' });
    await lib.ok('createRecord', { type: 'report', title: 'b report', date: '2019' });
    await lib.ok('createRecord', { type: 'agreement', title: 'A agreement', date: '2018-09-14', tags: ['trade'] });
    await lib.ok('createRecord', {
      type: 'media-coverage',
      title: 'C coverage',
      date: '2018-09',
      medium: 'television',
      links: [{ authorityId: p.id, role: 'subject' }],
    });
    await lib.ok('createRecord', { type: 'photograph', title: 'd undated' });
    const byDate = await lib.ok('listRecords', { sort: 'date', direction: 'asc' });
    expect(byDate.items.map((r) => r.date)).toEqual([null, '2018-09', '2018-09-14', '2019']);
    const byTitle = await lib.ok('listRecords', { sort: 'title', direction: 'asc' });
    expect(byTitle.items.map((r) => r.title)).toEqual(['A agreement', 'b report', 'C coverage', 'd undated']);
    const byType = await lib.ok('listRecords', { sort: 'type', direction: 'asc' });
    expect(byType.items.map((r) => r.type)).toEqual(['agreement', 'media-coverage', 'photograph', 'report']);
    expect((await lib.ok('listRecords', { type: 'report' })).items.map((r) => r.title)).toEqual(['b report']);
    expect((await lib.ok('listRecords', { tag: 'TRADE' })).items.map((r) => r.title)).toEqual(['A agreement']);
    expect((await lib.ok('listRecords', { authorityId: p.id })).items.map((r) => r.title)).toEqual(['C coverage']);
    const page = await lib.ok('listRecords', { sort: 'title', direction: 'asc', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((r) => r.title)).toEqual(['C coverage', 'd undated']);
  });

  it('tags are case-insensitive, renamed (merging) and deleted as changes to their records', async () => {
    const a = await lib.ok('createRecord', { type: 'other', title: 'A', tags: ['culture', 'Culture', 'trade'] });
    const b = await lib.ok('createRecord', { type: 'other', title: 'B', tags: ['arts'] });
    expect(a.tags).toEqual(['culture', 'trade']);
    expect(await lib.ok('listTags', {})).toEqual([
      { name: 'arts', count: 1 },
      { name: 'culture', count: 1 },
      { name: 'trade', count: 1 },
    ]);
    const renamed = await lib.ok('renameTag', { from: 'arts', to: 'Culture' });
    expect(renamed.records).toBe(1);
    expect((await lib.ok('getRecord', { id: b.id })).tags).toEqual(['culture']);
    expect((await lib.ok('listTags', {})).find((t) => t.name === 'culture')?.count).toBe(2);
    await lib.ok('deleteTag', { name: 'trade' });
    expect((await lib.ok('getRecord', { id: a.id })).tags).toEqual(['culture']);
  });

  it('collections nest, refuse cycles, and refuse deletion while they hold something', async () => {
    const fonds = await lib.ok('createCollection', { name: 'International partnerships', level: 'fonds' });
    const series = await lib.ok('createCollection', { name: 'Hangzhou', level: 'series', parentId: fonds.id });
    const file = await lib.ok('createCollection', { name: '2018 visit', level: 'file', parentId: series.id });
    const cycle = await lib.service.call('updateCollection', { id: fonds.id, patch: { parentId: file.id } });
    expect(cycle.ok ? null : cycle.error.field).toBe('parentId');
    const held = await lib.service.call('deleteCollection', { id: series.id });
    expect(held.ok ? null : held.error.code).toBe('in_use');
    const r = await lib.ok('createRecord', { type: 'photograph', title: 'Signing', collectionId: file.id });
    expect((await lib.ok('listRecords', { collectionId: file.id })).total).toBe(1);
    expect((await lib.ok('listCollections', {})).find((c) => c.id === file.id)?.recordCount).toBe(1);
    await lib.ok('updateRecord', { id: r.id, patch: { collectionId: null } });
    await lib.ok('deleteCollection', { id: file.id });
    const renamed = await lib.ok('updateCollection', { id: series.id, patch: { name: 'Hangzhou partnership' } });
    expect(renamed.name).toBe('Hangzhou partnership');
  });

  it('reports library counts and revision', async () => {
    await lib.ok('createRecord', { type: 'report', title: 'R', tags: ['x'] });
    await lib.ok('createAuthority', { kind: 'place', name: 'Leeds' });
    const info = await lib.ok('libraryInfo', {});
    expect(info.path).toBe(lib.dir);
    expect(info.counts).toMatchObject({
      records: 1,
      byType: { report: 1 },
      authorities: { place: 1 },
      tags: 1,
      collections: 0,
    });
    expect(info.revision).toBe(2);
  });
});

describe('identifiers', () => {
  it('never reuses the id of a deleted record or authority', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'First' });
    await lib.ok('deleteRecord', { id: r.id });
    expect((await lib.ok('createRecord', { type: 'report', title: 'Second' })).id).toBe(r.id + 1);
    const a = await lib.ok('createAuthority', { kind: 'person', name: 'A' });
    await lib.ok('deleteAuthority', { id: a.id });
    expect((await lib.ok('createAuthority', { kind: 'person', name: 'B' })).id).toBe(a.id + 1);
  });
});

describe('atomic writes', () => {
  it('a failure part-way through a write rolls all of it back', async () => {
    const { default: Database } = await import('better-sqlite3');
    const path = await import('node:path');
    const person = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    // A trigger makes the last step of the write (tagging) fail after the record, commitments and links were written.
    const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
    db.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON tags WHEN NEW.name = 'boom' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    db.close();
    const { catalogueState } = await import('../../support/catalogue');
    const before = catalogueState(lib.dir);
    const result = await lib.service.call('createRecord', {
      type: 'agreement',
      title: 'Half-written',
      commitments: [{ text: 'x' }],
      links: [{ authorityId: person.id, role: 'signatory' }],
      tags: ['boom'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/disk on fire/);
    expect(catalogueState(lib.dir)).toEqual(before);
  });
});
