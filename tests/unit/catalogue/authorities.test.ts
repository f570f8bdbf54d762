import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('authority records', () => {
  it('creates, reads, updates and lists people, organisations, places, events and partnerships', async () => {
    const hangzhou = await lib.ok('createAuthority', {
      kind: 'place',
      name: 'Hangzhou',
      altNames: [{ name: '杭州', language: 'zh-Hans' }],
    });
    const theatre = await lib.ok('createAuthority', { kind: 'place', name: 'Hangzhou Grand Theatre' });
    const event = await lib.ok('createAuthority', {
      kind: 'event',
      name: 'Phoenix Dance Theatre performance',
      date: '2018-09',
      placeId: theatre.id,
    });
    const partnership = await lib.ok('createAuthority', { kind: 'partnership', name: 'Leeds–Hangzhou', date: '1988' });
    await lib.ok('createAuthority', { kind: 'organisation', name: 'Hisense' });
    await lib.ok('createAuthority', { kind: 'person', name: 'Zhang Jianting', altNames: [{ name: '张建庭' }] });
    expect(event.place).toEqual({ id: theatre.id, name: 'Hangzhou Grand Theatre' });
    expect(partnership.date).toBe('1988');
    expect(hangzhou.altNames).toEqual([{ name: '杭州', language: 'zh-Hans' }]);

    const updated = await lib.ok('updateAuthority', { id: hangzhou.id, patch: { description: 'Capital of Zhejiang' } });
    expect(updated.description).toBe('Capital of Zhejiang');
    const places = await lib.ok('listAuthorities', { kind: 'place' });
    expect(places.items.map((a) => a.name)).toEqual(['Hangzhou', 'Hangzhou Grand Theatre']);
    // Searching by another name, in another script.
    expect((await lib.ok('listAuthorities', { query: '杭州' })).items.map((a) => a.name)).toEqual(['Hangzhou']);
    expect((await lib.ok('listAuthorities', { query: '张建' })).items.map((a) => a.name)).toEqual(['Zhang Jianting']);
    // LIKE wildcards are taken literally.
    expect((await lib.ok('listAuthorities', { query: '%' })).total).toBe(0);
  });

  it('lists the records linked to an authority, with their roles', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const mou = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'MoU',
      date: '2018-09',
      links: [
        { authorityId: blake.id, role: 'signatory' },
        { authorityId: blake.id, role: 'party' },
      ],
    });
    const pr = await lib.ok('createRecord', {
      type: 'press-release',
      title: 'Press release',
      date: '2020-03-11',
      links: [{ authorityId: blake.id, role: 'speaker' }],
    });
    const linked = await lib.ok('authorityRecords', { id: blake.id });
    expect(linked.map((r) => [r.id, r.roles.sort()])).toEqual([
      [pr.id, ['speaker']],
      [mou.id, ['party', 'signatory']],
    ]);
    expect((await lib.ok('getAuthority', { id: blake.id })).recordCount).toBe(2);
  });

  it('refuses to delete a person still linked to records, naming the count, and changes nothing', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    for (const title of ['A', 'B', 'C'])
      await lib.ok('createRecord', { type: 'letter', title, links: [{ authorityId: blake.id, role: 'author' }] });
    const before = await lib.ok('libraryInfo', {});
    const refused = await lib.service.call('deleteAuthority', { id: blake.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('in_use');
      expect(refused.error.message).toMatch(/Judith Blake.*linked to 3 records/);
    }
    expect(await lib.ok('libraryInfo', {})).toEqual(before);
  });

  it('applies the same date rules as records when an authority is edited', async () => {
    const p = await lib.ok('createAuthority', { kind: 'partnership', name: 'Leeds–Hangzhou', date: '1988' });
    const before = await lib.service.call('updateAuthority', { id: p.id, patch: { dateEnd: '1987' } });
    expect(before.ok ? null : before.error).toMatchObject({
      code: 'invalid_input',
      field: 'dateEnd',
      message: 'dateEnd: end date 1987 is before the start date 1988',
    });
    const orphan = await lib.service.call('updateAuthority', { id: p.id, patch: { date: null, dateEnd: '2020' } });
    expect(orphan.ok ? null : orphan.error).toMatchObject({
      field: 'dateEnd',
      message: 'dateEnd: an end date needs a start date',
    });
    expect((await lib.ok('updateAuthority', { id: p.id, patch: { dateEnd: '2018-09' } })).dateEnd).toBe('2018-09');
  });

  it('refuses to delete a place that is an event’s place', async () => {
    const theatre = await lib.ok('createAuthority', { kind: 'place', name: 'Theatre' });
    await lib.ok('createAuthority', { kind: 'event', name: 'Performance', placeId: theatre.id });
    const refused = await lib.service.call('deleteAuthority', { id: theatre.id });
    expect(refused.ok ? null : refused.error.code).toBe('in_use');
  });

  it('merges two duplicates: links move over, the other name is kept, the duplicate goes', async () => {
    const a = await lib.ok('createAuthority', {
      kind: 'person',
      name: 'Judith Blake',
      description: 'Leader of Leeds City Council',
    });
    const b = await lib.ok('createAuthority', {
      kind: 'person',
      name: 'Cllr Blake',
      altNames: [{ name: 'Councillor Judith Blake' }],
    });
    const r1 = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'MoU',
      links: [{ authorityId: b.id, role: 'signatory' }],
    });
    const r2 = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter',
      links: [
        { authorityId: a.id, role: 'author' },
        { authorityId: b.id, role: 'author' },
      ],
    });
    const merged = await lib.ok('mergeAuthorities', { keepId: a.id, mergeId: b.id });
    expect(merged.authority.name).toBe('Judith Blake');
    expect(merged.authority.altNames.map((n) => n.name)).toEqual(['Cllr Blake', 'Councillor Judith Blake']);
    expect(merged.authority.recordCount).toBe(2);
    expect((await lib.ok('getRecord', { id: r1.id })).links.map((l) => [l.authorityId, l.role])).toEqual([
      [a.id, 'signatory'],
    ]);
    expect((await lib.ok('getRecord', { id: r2.id })).links.map((l) => [l.authorityId, l.role])).toEqual([
      [a.id, 'author'],
    ]);
    const gone = await lib.service.call('getAuthority', { id: b.id });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');
  });

  it('merge can keep the duplicate’s name, and refuses different kinds or self-merge', async () => {
    const a = await lib.ok('createAuthority', { kind: 'organisation', name: 'LCC' });
    const b = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    const p = await lib.ok('createAuthority', { kind: 'place', name: 'Leeds' });
    const merged = await lib.ok('mergeAuthorities', { keepId: a.id, mergeId: b.id, nameFrom: 'merge' });
    expect(merged.authority.name).toBe('Leeds City Council');
    expect(merged.authority.altNames.map((n) => n.name)).toEqual(['LCC']);
    const kinds = await lib.service.call('mergeAuthorities', { keepId: a.id, mergeId: p.id });
    expect(kinds.ok ? null : kinds.error.message).toMatch(/different kinds/);
    const self = await lib.service.call('mergeAuthorities', { keepId: a.id, mergeId: a.id });
    expect(self.ok ? null : self.error.code).toBe('invalid_input');
  });

  it('renaming an authority is a change to the records that show its name', async () => {
    const org = await lib.ok('createAuthority', { kind: 'organisation', name: 'Hisense' });
    const r = await lib.ok('createRecord', {
      type: 'report',
      title: 'Visit',
      links: [{ authorityId: org.id, role: 'subject' }],
    });
    const since = (await lib.ok('libraryInfo', {})).revision;
    await lib.ok('updateAuthority', { id: org.id, patch: { name: 'Hisense Group' } });
    const feed = await lib.ok('searchDocuments', { sinceRevision: since });
    expect(feed.upserts.map((d) => [d.id, d.links.map((l) => l.name)])).toEqual([[r.id, ['Hisense Group']]]);
  });
});

describe('similar authorities: possible duplicates of a name being typed', () => {
  it('finds Judith Blake from “Cllr J. Blake”, and a person by a Chinese other name', async () => {
    const lib = await openTestLibrary();
    try {
      const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
      const xu = await lib.ok('createAuthority', {
        kind: 'person',
        name: 'Xu Liping',
        altNames: [{ name: '徐立平', language: 'zh-Hans' }],
      });
      await lib.ok('createAuthority', { kind: 'organisation', name: 'Blake Associates' });
      await lib.ok('createAuthority', { kind: 'person', name: 'John Smith' });

      const cllr = await lib.ok('similarAuthorities', { name: 'Cllr J. Blake', kind: 'person' });
      expect(cllr.items.map((i) => [i.authority.id, i.matched])).toEqual([[blake.id, 'Judith Blake']]);
      const chinese = await lib.ok('similarAuthorities', { name: '徐立平副市长' });
      expect(chinese.items.map((i) => [i.authority.id, i.matched])).toEqual([[xu.id, '徐立平']]);
      // The authority being edited is not its own duplicate.
      expect((await lib.ok('similarAuthorities', { name: 'Judith Blake', excludeId: blake.id })).items).toEqual([]);
      expect((await lib.ok('similarAuthorities', { name: 'Dr' })).items).toEqual([]);

      // The names are kept between calls, but every write is seen at once: new, renamed, merged, deleted.
      const matches = async (name: string) =>
        (await lib.ok('similarAuthorities', { name, kind: 'person' })).items.map((i) => i.matched);
      expect(await matches('Ada Pendleton')).toEqual([]);
      const ada = await lib.ok('createAuthority', { kind: 'person', name: 'Ada Pendleton' });
      expect(await matches('Ada Pendleton')).toEqual(['Ada Pendleton']);
      await lib.ok('updateAuthority', { id: ada.id, patch: { name: 'Ada Quillfeather' } });
      expect(await matches('Ada Pendleton')).toEqual([]);
      expect(await matches('A. Quillfeather')).toEqual(['Ada Quillfeather']);
      await lib.ok('deleteAuthority', { id: ada.id });
      expect(await matches('A. Quillfeather')).toEqual([]);
    } finally {
      await lib.close();
    }
  });
});
