/**
 * A search sorted as the list is (sort 'listed'): its hits come in exactly the list's order — by
 * creator, collection, tags, title… either way, in English and in Chinese — because the order is
 * the catalogue's own (recordIds), which the engine follows. Real library, real search documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordSort } from '../../../src/shared/contract';
import { RecordSearch } from '../../../src/shared/search/engine';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
let search: RecordSearch;

beforeAll(async () => {
  lib = await openTestLibrary();
  const person = (name: string, nameParts?: { family: string; given: string }) =>
    lib.ok('createAuthority', { kind: 'person', name, ...(nameParts ? { nameParts } : {}) });
  // Family name first when its parts are known: "Blake, Judith" before "Pendleton, Ada" before "Xu".
  const blake = await person('Judith Blake', { family: 'Blake', given: 'Judith' });
  const ada = await person('Ada Pendleton', { family: 'Pendleton', given: 'Ada' });
  const zhang = await person('张建庭');
  const li = await person('李明');
  const wang = await person('王芳');
  const fonds = await lib.ok('createCollection', { name: '杭州友好城市档案', level: 'fonds' });
  const file = await lib.ok('createCollection', { name: 'Delegation 2018', level: 'file' });
  const records: [string, string, number | null, string[], number | null][] = [
    ['友好合作 twinning agreement', '2018-09-14', zhang.id, ['合作'], fonds.id],
    ['Twinning letter 市长', '2018-09-13', ada.id, ['letters'], file.id],
    ['twinning 新闻稿', '2018-09-10', li.id, [], null],
    ['Anniversary twinning report', '2020-03-11', blake.id, ['Anniversary', 'culture'], file.id],
    ['电视台报道 twinning', '2018-09-12', wang.id, ['媒体'], fonds.id],
    ['twinning notes, no creator', '2019-01-01', null, ['zebra'], null],
    ['Éclat twinning', '2017-05-05', null, [], null],
  ];
  for (const [title, date, author, tags, collectionId] of records)
    await lib.ok('createRecord', {
      type: 'report',
      title,
      date,
      tags,
      ...(collectionId ? { collectionId } : {}),
      links: author ? [{ authorityId: author, role: 'author' }] : [],
    });
  // One record the query does not find: the list has it, the search leaves it out.
  await lib.ok('createRecord', { type: 'report', title: 'Unrelated minutes', date: '2018-01-01' });
  search = new RecordSearch();
  search.addAll((await lib.ok('searchDocuments', { sinceRevision: 0 })).upserts);
}, 60_000);

afterAll(async () => {
  await lib.close();
});

/** The list's ids in one of its orders, and the search's hits in that order, as the worker asks. */
async function bothOrders(sort: RecordSort, direction: 'asc' | 'desc') {
  const listed = (await lib.ok('recordIds', { sort, direction })).ids;
  const places = new Map(listed.map((id, i) => [id, i]));
  const found = search.search('twinning', {
    sort: 'listed',
    listed: { key: `${sort}:${direction}`, place: (id) => places.get(id) },
  });
  return { listed, hits: found.hits.map((h) => h.id), total: found.total };
}

describe("a search in the list's order", () => {
  const ORDERS: [RecordSort, 'asc' | 'desc'][] = [
    ['creator', 'asc'],
    ['creator', 'desc'],
    ['collection', 'asc'],
    ['collection', 'desc'],
    ['tags', 'asc'],
    ['tags', 'desc'],
    ['title', 'asc'],
    ['title', 'desc'],
    ['type', 'asc'],
    ['referenceCode', 'asc'],
    ['date', 'desc'],
    ['updatedAt', 'asc'],
  ];

  it.each(ORDERS)('by %s %s: the hits are the list’s records in the list’s order', async (sort, direction) => {
    const { listed, hits, total } = await bothOrders(sort, direction);
    expect(total).toBe(7);
    expect(hits).toHaveLength(7);
    expect(hits).toEqual(listed.filter((id) => hits.includes(id)));
  });

  it('sorts Chinese and English creators by the list’s rule, not by the locale’s', async () => {
    const { hits } = await bothOrders('creator', 'asc');
    const titles = await Promise.all(hits.map(async (id) => (await lib.ok('getRecord', { id })).title));
    // Latin family names first (Blake, Pendleton), then the Chinese names as the catalogue orders
    // them (by code point: 张 U+5F20, 李 U+674E, 王 U+738B), and records without a creator last.
    expect(titles.slice(0, 5)).toEqual([
      'Anniversary twinning report',
      'Twinning letter 市长',
      '友好合作 twinning agreement',
      'twinning 新闻稿',
      '电视台报道 twinning',
    ]);
    expect(titles.slice(5).sort()).toEqual(['twinning notes, no creator', 'Éclat twinning'].sort());
  });

  it('puts a record the order does not know (written since it was fetched) last', async () => {
    const { listed } = await bothOrders('title', 'asc');
    const known = listed.slice(1);
    const places = new Map(known.map((id, i) => [id, i]));
    const found = search.search('twinning', {
      sort: 'listed',
      listed: { key: 'title:asc:stale', place: (id) => places.get(id) },
    });
    const ids = found.hits.map((h) => h.id);
    expect(ids.at(-1)).toBe(listed[0]);
    expect(ids.slice(0, -1)).toEqual(known.filter((id) => ids.includes(id)));
  });
});
