import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/shared/search/document';
import type MiniSearch from 'minisearch';
import { authorities, records } from '../../bench/corpus';
import {
  buildRecordSearch,
  FUZZY_WEIGHT,
  fuzzyFor,
  prefixFor,
  PREFIX_WEIGHT,
  RecordSearch,
} from '../../../src/shared/search/engine';

/** Our weights of prefix and fuzzy expansions (a slip below a prefix), given to MiniSearch to compare. */
const WEIGHTS = { fuzzy: FUZZY_WEIGHT, prefix: PREFIX_WEIGHT };
import { segmentsText } from '../../../src/shared/search/snippet';
import { foldText, tokenize } from '../../../src/shared/search/tokenizer';
import { doc } from '../../support/search-documents';

describe('the tokenizer', () => {
  it('folds case, width and diacritics', () => {
    expect(foldText('Zürich ＭｏＵ Café')).toBe('zurich mou cafe');
    expect(tokenize('Zürich')).toEqual(tokenize('zurich'));
  });
  it('splits words and keeps inner apostrophes', () => {
    expect(tokenize('China’s film industry, Leeds2023!')).toEqual(['chinas', 'film', 'industry', 'leeds2023']);
  });
  it('turns Han text into overlapping bigrams, and a lone character into itself', () => {
    expect(tokenize('杭州市')).toEqual(['杭州', '州市']);
    expect(tokenize('谅解备忘录')).toEqual(['谅解', '解备', '备忘', '忘录']);
    expect(tokenize('杭')).toEqual(['杭']);
    expect(tokenize('Leeds 利兹 partnership')).toEqual(['leeds', '利兹', 'partnership']);
  });
  it('scales typo tolerance with term length, and never for Chinese or numbers', () => {
    expect(fuzzyFor('mou')).toBe(false);
    expect(fuzzyFor('hang')).toBe(1);
    expect(fuzzyFor('leeds')).toBe(1);
    expect(fuzzyFor('hangzhou')).toBe(1);
    expect(fuzzyFor('memorandun')).toBe(2);
    expect(fuzzyFor('杭州')).toBe(false);
    expect(fuzzyFor('2018')).toBe(false);
  });
});

const place = (
  name: string,
  altNames: string[] = [],
  roles: SearchDocument['links'][number]['roles'] = ['mentioned'],
) => ({ kind: 'place' as const, name, altNames, roles });

function corpus(): RecordSearch {
  return buildRecordSearch([
    doc(1, {
      type: 'agreement',
      title: 'Memorandum of understanding between Leeds and Hangzhou',
      date: '2018-09',
      links: [
        place('Leeds', ['利兹'], ['party']),
        place('Hangzhou', ['杭州'], ['party']),
        { kind: 'person', name: 'Judith Blake', altNames: [], roles: ['signatory'] },
        { kind: 'partnership', name: 'Leeds–Hangzhou', altNames: [], roles: ['subject'] },
      ],
      tags: ['MoU', 'culture'],
      languages: ['en'],
      referenceCode: 'LCC/IP/2018/1',
    }),
    doc(2, {
      type: 'media-coverage',
      title: 'Hangzhou TV report',
      date: '2018-09-20',
      links: [{ kind: 'organisation', name: 'Hisense', altNames: [], roles: ['subject'] }],
      titleAlt: '杭州市 友好城市 celebration',
      tags: ['culture'],
      hasFile: true,
    }),
    doc(3, {
      type: 'press-release',
      title: 'Celebration of a 30-year anniversary',
      date: '2020-03-11',
      titleAlt: '谅解备忘录 signed in September',
      tags: ['Leeds delegation'],
      description: 'Not indexed here: FTS5 searches descriptions',
      hasText: true,
    }),
    doc(4, {
      type: 'photograph',
      title: 'Signing ceremony <script>alert(1)</script>',
      date: '1988',
      tags: ['first twinning', 'Leeds partnership'],
    }),
  ]);
}

const ids = (s: RecordSearch, q: string, opts = {}) => s.search(q, opts).hits.map((h) => h.id);

describe('record-level search', () => {
  const s = corpus();

  it('finds by typo, prefix and Chinese', () => {
    expect(ids(s, 'Hangzou').sort()).toEqual([1, 2]);
    expect(ids(s, 'Hisnse')).toEqual([2]);
    expect(ids(s, 'memor')).toEqual([1]);
    expect(ids(s, 'partn')).toEqual([4]);
    expect(ids(s, '杭州').sort()).toEqual([1, 2]);
    expect(ids(s, '谅解备忘录')).toEqual([3]);
    expect(ids(s, '友好城市')).toEqual([2]);
    // Bigrams must be adjacent: 城市 and 友好 apart do not make 友好城市.
    expect(ids(s, '市友')).toEqual([]);
  });

  it('ANDs words and ranks titles and names first', () => {
    expect(ids(s, 'Leeds Hangzhou')).toEqual([1]);
    const leeds = s.search('Leeds').hits;
    expect(leeds[0]!.id).toBe(1);
    expect(leeds[0]!.matchedIn).toContainEqual({ field: 'title' });
  });

  it('says how a name matched: the role of the link', () => {
    const hit = s.search('Blake').hits[0]!;
    expect(hit.id).toBe(1);
    expect(hit.matchedIn).toEqual([{ field: 'role', role: 'signatory' }]);
  });

  it('OR, exclusion and phrases', () => {
    expect(ids(s, 'Hisense OR anniversary').sort()).toEqual([2, 3]);
    expect(ids(s, 'Leeds -anniversary').sort()).toEqual([1, 4]);
    expect(ids(s, 'celebration -"30-year anniversary"')).toEqual([2]);
    expect(ids(s, '"understanding between Leeds"')).toEqual([1]);
    expect(ids(s, '"between understanding"')).toEqual([]);
  });

  it('field scopes', () => {
    expect(ids(s, 'title:hangzhou').sort()).toEqual([1, 2]);
    expect(ids(s, 'place:杭州')).toEqual([1]);
    expect(ids(s, 'person:blake')).toEqual([1]);
    expect(ids(s, 'org:hisense')).toEqual([2]);
    expect(ids(s, 'tag:mou')).toEqual([1]);
    expect(ids(s, 'ref:"LCC/IP/2018/1"')).toEqual([1]);
    expect(ids(s, 'partnership:leeds')).toEqual([1]);
    expect(ids(s, 'title:leeds')).toEqual([1]);
  });

  it('types and dates', () => {
    expect(ids(s, 'type:agreement')).toEqual([1]);
    expect(ids(s, 'hangzhou type:tv')).toEqual([2]);
    expect(ids(s, 'year:2018', { sort: 'date-asc' })).toEqual([1, 2]);
    expect(ids(s, 'from:2018-09-15 to:2020', { sort: 'date-asc' })).toEqual([1, 2, 3]);
    expect(ids(s, 'from:2019', { sort: 'date-asc' })).toEqual([3]);
    expect(ids(s, 'leeds to:1999')).toEqual([4]);
  });

  it('a malformed query is still searched, and says what it understood', () => {
    const open = s.search('"memorandum of');
    expect(open.hits.map((h) => h.id)).toEqual([1]);
    expect(open.query.warnings).toEqual([{ kind: 'closingQuote' }]);
    const noDate = s.search('leeds from:');
    expect(noDate.hits.length).toBeGreaterThan(0);
    expect(noDate.query.warnings).toEqual([{ kind: 'badDate', bound: 'from', value: '' }]);
    expect(s.search('hangzhou type:podcast').query.warnings).toEqual([{ kind: 'badType', value: 'podcast' }]);
    const clause = (text: string, scope: string | null) => ({ text, phrase: false, scope, negated: false });
    expect(s.search('person:blake OR hisense').query.understood).toEqual([
      { kind: 'words', any: [clause('blake', 'person'), clause('hisense', null)] },
    ]);
  });

  it('facets count the current result, and facet filters narrow it', () => {
    const all = s.search('culture OR leeds OR hangzhou');
    expect(all.total).toBe(4);
    expect(all.facets.type.find((f) => f.value === 'agreement')?.count).toBe(1);
    expect(all.facets.year.map((f) => f.value)).toEqual(['2020', '2018', '1988']);
    expect(all.facets.decade.map((f) => [f.value, f.count])).toEqual([
      ['2020', 1],
      ['2010', 2],
      ['1980', 1],
    ]);
    expect(all.facets.tag.find((f) => f.value === 'culture')?.count).toBe(2);
    expect(all.facets.hasFile).toBe(1);
    expect(ids(s, 'culture OR leeds OR hangzhou', { facets: { tags: ['culture'], years: [2018] } }).sort()).toEqual([
      1, 2,
    ]);
    expect(ids(s, 'culture OR leeds OR hangzhou', { facets: { places: ['Hangzhou'] } })).toEqual([1]);
    expect(ids(s, 'culture OR leeds OR hangzhou', { facets: { hasFile: true } })).toEqual([2]);
  });

  it('sorts by relevance, date either way, or title', () => {
    const q = 'culture OR leeds OR hangzhou';
    expect(ids(s, q, { sort: 'date-asc' })).toEqual([4, 1, 2, 3]);
    expect(ids(s, q, { sort: 'date-desc' })).toEqual([3, 2, 1, 4]);
    expect(ids(s, q, { sort: 'title' })).toEqual([3, 2, 1, 4]);
  });

  it('suggests the nearest terms when nothing matches', () => {
    const none = s.search('Hangzqqqu');
    expect(none.total).toBe(0);
    expect(none.suggestions.map((x) => x.text)).toContain('hangzhou');
  });

  it('marks matched words in plain-text segments, so markup stays text', () => {
    const hit = s.search('signing').hits[0]!;
    expect(hit.titleSegments).toEqual([
      { text: 'Signing', match: true },
      { text: ' ceremony <script>alert(1)</script>', match: false },
    ]);
    const chinese = s.search('谅解备忘录').hits[0]!;
    expect(chinese.snippet.filter((x) => x.match).map((x) => x.text)).toEqual(['谅解备忘录']);
    expect(segmentsText(chinese.snippet)).toBe('谅解备忘录 signed in September');
  });

  it('follows upserts and removals, and survives a snapshot round trip', () => {
    const t = corpus();
    t.upsert(doc(2, { title: 'Qingdao visit', type: 'report' }));
    t.remove(3);
    expect(ids(t, 'qingdao')).toEqual([2]);
    expect(ids(t, 'anniversary')).toEqual([]);
    const back = RecordSearch.fromJSON(t.toJSON());
    expect(back.size).toBe(3);
    expect(ids(back, 'qingdao')).toEqual([2]);
    expect(ids(back, 'Hangzou')).toEqual([1]);
    back.upsert(doc(5, { title: 'Phoenix Dance Theatre' }));
    expect(ids(back, 'phoenix')).toEqual([5]);
  });

  it('stop words constrain nothing in the record index, but phrases still check them', () => {
    expect(ids(s, 'memorandum of understanding')).toEqual([1]);
    expect(ids(s, 'the')).toEqual([]);
    expect(ids(s, '"understanding between leeds"')).toEqual([1]);
    expect(ids(s, '"understanding of leeds"')).toEqual([]);
  });

  it('leaves prose to FTS5: a word found only in a description is not in the record index', () => {
    expect(ids(s, 'searches')).toEqual([]);
    expect(ids(s, 'anniversary')).toEqual([3]);
  });

  it('prefixes start at the third letter', () => {
    expect(ids(s, 'mem')).toEqual([1]);
    expect(ids(s, 'me')).toEqual([]);
  });

  it('returns nothing for a query with no terms', () => {
    expect(s.search('  ,, ').hits).toEqual([]);
  });
});

describe('scoring straight from the index', () => {
  // 2,000 generated records (the benchmark's corpus): names, places, Zipf titles, some Chinese.
  const byKey = new Map(authorities().map((a) => [a.key, a]));
  const docs: SearchDocument[] = [...records(2_000, 7)].map((g, i) =>
    doc(i + 1, {
      type: g.type,
      title: g.title,
      date: g.date,
      referenceCode: g.referenceCode,
      tags: g.tags,
      links: g.links.map((l) => {
        const a = byKey.get(l.key)!;
        return { kind: a.kind, name: a.name, altNames: a.altNames.map((n) => n.name), roles: [l.role] };
      }),
    }),
  );
  const s = buildRecordSearch(docs);
  for (const id of [3, 50, 777]) s.remove(id);
  const mini = (s as unknown as { index: MiniSearch<SearchDocument> }).index;

  it('skips records removed but still in the postings (before MiniSearch vacuums them)', () => {
    const ids = new Set(s.search('hangzhou', { limit: 5000, withFacets: false }).hits.map((h) => h.id));
    expect(ids.size).toBeGreaterThan(0);
    for (const id of [3, 50, 777]) expect(ids.has(id)).toBe(false);
  });

  it('ranks and scores exactly as MiniSearch would, for words, prefixes, typos and scopes', async () => {
    // MiniSearch counts a removed record's lingering postings in a word's frequency until it
    // vacuums (and then only partly, as its search meets them): compare on a clean index.
    await mini.vacuum();
    const queries = [
      'partnership',
      'city',
      'hangzhou',
      'hang',
      'Hangzou',
      'memorandun',
      'hangzhou partnership',
      'blake',
      'leeds city',
    ];
    for (const query of queries) {
      const ours = s.search(query, { limit: 25, withFacets: false, aliases: false });
      const theirs = mini.search(query, { combineWith: 'AND', prefix: prefixFor, fuzzy: fuzzyFor, weights: WEIGHTS });
      expect(ours.total, query).toBe(theirs.length);
      expect(ours.total, query).toBeGreaterThan(0);
      // Each word of a query is its own clause here (words are ANDed clauses), scored alone and
      // summed; MiniSearch scores them together and multiplies by the number of words matched.
      const top = theirs.slice(0, 25).map((r) => ({ id: r.id as number, score: r.score / r.queryTerms.length }));
      // Same scores in the same order (ties may sit in another order: ours break them by date).
      expect(
        ours.hits.map((h) => h.score),
        query,
      ).toEqual(top.map((r) => expect.closeTo(r.score, 9)));
      const distinct = top.filter(
        (r, i) => top.filter((o) => Math.abs(o.score - r.score) < 1e-9).length === 1 && i < 24,
      );
      for (const r of distinct) expect(ours.hits.find((h) => Math.abs(h.score - r.score) < 1e-9)?.id, query).toBe(r.id);
    }
    const scoped = s.search('person:blake', { limit: 5000, withFacets: false, aliases: false });
    const theirs = mini.search('blake', {
      fields: ['people'],
      combineWith: 'AND',
      prefix: prefixFor,
      fuzzy: fuzzyFor,
      weights: WEIGHTS,
    });
    expect(new Set(scoped.hits.map((h) => h.id))).toEqual(new Set(theirs.map((r) => r.id as number)));
  });

  it('keeps scoring right across edits made after a search (the per-field lengths follow each upsert)', async () => {
    const t = buildRecordSearch(docs.slice(0, 300));
    t.search('hangzhou');
    t.upsert(doc(5, { title: 'Hangzhou hangzhou delegation report with a much longer title than before' }));
    t.upsert(doc(9001, { title: 'Hangzhou' }));
    t.remove(7);
    const m = (t as unknown as { index: MiniSearch<SearchDocument> }).index;
    await m.vacuum();
    const ours = t.search('hangzhou', { limit: 400, withFacets: false, aliases: false }).hits;
    const theirs = m.search('hangzhou', { combineWith: 'AND', prefix: prefixFor, fuzzy: fuzzyFor, weights: WEIGHTS });
    expect(new Map(ours.map((h) => [h.id, h.score]))).toEqual(
      new Map(theirs.map((r) => [r.id as number, expect.closeTo(r.score, 9)])),
    );
    expect(ours.some((h) => h.id === 9001) && !ours.some((h) => h.id === 7)).toBe(true);
  });

  it('says where each hit matched, as MiniSearch does', () => {
    const ours = s.search('hangzhou', { limit: 10, withFacets: false, aliases: false }).hits;
    const theirs = new Map(
      mini
        .search('hangzhou', { combineWith: 'AND', prefix: prefixFor, fuzzy: fuzzyFor, weights: WEIGHTS })
        .map((r) => [r.id as number, r]),
    );
    for (const hit of ours) expect(new Set(hit.terms)).toEqual(new Set(theirs.get(hit.id)!.terms));
  });
});

describe('the same query asked twice (the worker asks again to fold text hits in)', () => {
  it('answers from the last search while nothing changed, and afresh after any change', () => {
    const s = corpus();
    const first = s.search('hangzhou', { limit: 10, withFacets: false });
    expect(s.search('hangzhou', { limit: 10, withFacets: false })).toEqual(first);
    // Another query in between: the repeated one still leaves its own state for lastResultHas.
    s.search('blake', { limit: 10 });
    const again = s.search('hangzhou', { limit: 10, withFacets: false });
    expect(again.hits.map((h) => h.id)).toEqual(first.hits.map((h) => h.id));
    for (const hit of first.hits) expect(s.lastResultHas(hit.id)).toBe(true);
    expect(s.lastFacets().type).toEqual(s.search('hangzhou', { limit: 10 }).facets.type);
    // Other options are another question.
    expect(s.search('hangzhou', { limit: 1, withFacets: false }).hits).toHaveLength(1);
    // A change is seen at once, by an edit, an addition or a removal.
    s.upsert(doc(40, { title: 'Hangzhou tea garden' }));
    expect(s.search('hangzhou', { limit: 10, withFacets: false }).hits.map((h) => h.id)).toContain(40);
    s.remove(40);
    expect(s.search('hangzhou', { limit: 10, withFacets: false }).hits.map((h) => h.id)).not.toContain(40);
  });
});

describe('names across languages, record-level', () => {
  it('adds what each other name finds once, below every direct match, named by the name that scored it best', () => {
    const hangzhou = place('杭州', ['Hangchow', 'Hangzhou']);
    const s = buildRecordSearch([
      doc(1, { title: 'Memorandum', links: [hangzhou] }),
      doc(2, { title: '杭州代表团' }),
      // Found by both other names: once, with the name whose match scores higher.
      doc(3, { title: 'Hangchow', titleAlt: 'Hangzhou' }),
      doc(4, { title: 'Letter sent from Hangzhou' }),
      doc(5, { title: 'Visit to Qingdao' }),
      // A direct match (by its link) stays one, though its title names Hangzhou more strongly.
      doc(6, { title: 'Hangzhou', links: [hangzhou] }),
    ]);
    const outcome = s.search('杭州', { limit: 50, withFacets: false });
    const ids = outcome.hits.map((h) => h.id);
    expect(outcome.total).toBe(5);
    expect(ids.slice(0, 3).sort()).toEqual([1, 2, 6]);
    expect(ids.slice(3).sort()).toEqual([3, 4]);
    const lowest = Math.min(...outcome.hits.slice(0, 3).map((h) => h.score));
    for (const h of outcome.hits.slice(3)) expect(h.score).toBeLessThan(lowest);
    const alias = (id: number) => outcome.hits.find((h) => h.id === id)!.matchedIn.filter((m) => m.field === 'alias');
    const scoreOf = (name: string) =>
      s.search(`"${name}"`, { limit: 50, withFacets: false, aliases: false }).hits.find((h) => h.id === 3)!.score;
    const better = scoreOf('Hangchow') > scoreOf('Hangzhou') ? 'Hangchow' : 'Hangzhou';
    expect(alias(3)).toEqual([{ field: 'alias', name: better }]);
    expect(alias(4)).toEqual([{ field: 'alias', name: 'Hangzhou' }]);
    expect(alias(1)).toEqual([]);
    expect(alias(6)).toEqual([]);
    // Asked again, the same answer (the map it was built in is not built on twice).
    expect(s.search('杭州 ', { limit: 50, withFacets: false }).hits.map((h) => [h.id, h.score])).toEqual(
      outcome.hits.map((h) => [h.id, h.score]),
    );
  });
});
