/**
 * Relevance: queries an archivist types, with the records they expect near the top, over the
 * sample catalogue among 400 generated records (tests/bench/corpus.ts) as noise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordSearch } from '../../../src/shared/search/engine';
import { AuthorityCreate, RecordCreate } from '../../../src/shared/model';
import { authorities, records } from '../../bench/corpus';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
let search: RecordSearch;
const ids: Record<string, number> = {};

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
  const keys = new Map<string, number>();
  for (const a of authorities())
    keys.set(
      a.key,
      (await lib.ok('createAuthority', AuthorityCreate.parse({ kind: a.kind, name: a.name, altNames: a.altNames }))).id,
    );
  for (const g of records(400, 9)) {
    await lib.ok(
      'createRecord',
      RecordCreate.parse({
        type: g.type,
        title: g.title,
        date: g.date,
        description: g.description,
        languages: g.languages,
        tags: g.tags,
        links: g.links.map((l) => ({ authorityId: keys.get(l.key)!, role: l.role })),
      }),
    );
  }
  const sample = (await lib.ok('listRecords', { limit: 1000, sort: 'createdAt', direction: 'asc' })).items.slice(0, 5);
  const find = (re: RegExp) => sample.find((r) => re.test(r.title))!.id;
  ids.pressRelease = find(/anniversary/i);
  ids.mou = find(/memorandum of understanding/i);
  ids.qingdao = find(/Qingdao/);
  ids.park = find(/Innovation Park/);
  ids.tv = find(/Hangzhou TV/);
  ids.zhMou = (
    await lib.ok('createRecord', {
      type: 'agreement',
      agreementKind: 'mou',
      title: 'Leeds–Hangzhou MoU (Chinese text)',
      titleAlt: '利兹市与杭州市友好城市谅解备忘录',
      titleAltLanguage: 'zh-Hans',
      date: '2018-09',
      referenceCode: 'LCC/IP/2018/007',
    })
  ).id;
  search = new RecordSearch();
  search.addAll((await lib.ok('searchDocuments', { sinceRevision: 0 })).upserts);
});
afterAll(async () => {
  await lib.close();
});

const top = (q: string, n = 3) => search.search(q, { limit: n }).hits.map((h) => h.id);

describe('relevance over the sample among generated records', () => {
  const cases: [string, string, number][] = [
    ['an exact title', 'Memorandum of understanding between Leeds and Hangzhou', 1],
    ['a typo in a place', 'Hangzou memorandum', 1],
    ['a typo in a word', 'memorandun Hangzhou', 1],
    ['a typo in a company', 'Hisnse Qingdao', 3],
    ['a name', 'Judith Blake memorandum', 1],
    ['a performer', 'Phoenix Dance Hangzhou TV', 1],
    ['a reference code', 'ref:LCC/IP/2018/007', 1],
    ['Chinese: a city, and an agreement kind', '杭州 MoU', 2],
    ['Chinese: memorandum', '利兹 谅解备忘录', 3],
    ['Chinese: sister cities', '友好城市 利兹市', 3],
    ['a field scope', 'person:"judith blake" type:agreement hangzhou', 1],
    ['a date range', 'Qingdao from:2018-01 to:2018-12 type:agreement', 2],
    ['an exclusion', 'Hangzhou TV -memorandum', 1],
  ];
  const expected: Record<string, string> = {
    'an exact title': 'mou',
    'a typo in a place': 'mou',
    'a typo in a word': 'mou',
    'a typo in a company': 'pressRelease',
    'a name': 'mou',
    'a performer': 'tv',
    'a reference code': 'zhMou',
    'Chinese: a city, and an agreement kind': 'mou',
    'Chinese: memorandum': 'zhMou',
    'Chinese: sister cities': 'zhMou',
    'a field scope': 'mou',
    'a date range': 'qingdao',
    'an exclusion': 'tv',
  };
  for (const [what, query, within] of cases) {
    it(`${what}: “${query}” has the expected record in the top ${within}`, () => {
      expect(top(query, within)).toContain(ids[expected[what]!]);
    });
  }

  it('prefixes typed letter by letter reach the record before the word is finished', () => {
    const word = 'Hangzhou TV';
    let firstAt = -1;
    for (let i = 3; i <= word.length; i++) {
      if (top(word.slice(0, i), 3).includes(ids.tv!)) {
        firstAt = i;
        break;
      }
    }
    expect(firstAt).toBeGreaterThan(0);
    expect(firstAt).toBeLessThan(word.length);
  });
});
