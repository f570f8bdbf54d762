/** The search snapshot: the index as its radix tree and packed numbers, and the keeper that writes it only when stale. */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryPaths } from '../../../src/main/catalogue/library';
import { snapshotFile, storedSnapshotRevision, writeSnapshotFor } from '../../../src/main/search/snapshot';
import { startSnapshotKeeper } from '../../../src/main/search/snapshot-keeper';
import { RecordSearch } from '../../../src/shared/search/engine';
import type { SearchDocument } from '../../../src/shared/search/document';
import { authorities, records } from '../../bench/corpus';
import { QUERIES } from '../../bench/queries';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';
import { doc } from '../../support/search-documents';

/** A generated library's search documents (tests/bench/corpus.ts), without a catalogue. */
function generated(count: number, seed = 7): SearchDocument[] {
  const byKey = new Map(authorities().map((a) => [a.key, a]));
  return [...records(count, seed)].map((g, i) =>
    doc(i + 1, {
      type: g.type,
      title: g.title,
      date: g.date,
      referenceCode: g.referenceCode,
      description: g.description.slice(0, 200),
      tags: g.tags,
      languages: g.languages,
      hasFile: g.pages.length > 0,
      links: g.links.map((l) => {
        const a = byKey.get(l.key)!;
        return { kind: a.kind, name: a.name, altNames: a.altNames.map((n) => n.name), roles: [l.role] };
      }),
    }),
  );
}

const QUERY_TEXTS = [...QUERIES.map((q) => q.query), 'Hangzohu', 'Qingdoa', 'title:festival', 'leeds -partnership'];

/** What a search answers, to the score: the same index gives the same figures. */
const answer = (s: RecordSearch, q: string) =>
  s.search(q, { limit: 30 }).hits.map((h) => [h.id, h.score.toFixed(9), h.matchedIn.map((m) => m.field).join()]);

describe('the index snapshot format', () => {
  const docs = generated(1_500);

  it('loads as the same index: every answer and score, and writes back the very same snapshot', () => {
    const fresh = new RecordSearch();
    fresh.addAll(docs);
    const text = fresh.toJSON();
    const loaded = RecordSearch.fromJSON(text);
    expect(loaded.size).toBe(docs.length);
    for (const q of QUERY_TEXTS) expect(answer(loaded, q), q).toEqual(answer(fresh, q));
    expect(loaded.search('partnership').facets).toEqual(fresh.search('partnership').facets);
    // Every term's postings, unpacked or not, are written again as they were read.
    expect(RecordSearch.fromJSON(text).toJSON()).toBe(text);
  });

  it('breaks ties of relevance on the date, later first, then the id, loaded or built, edited or not', () => {
    const dates = ['1988', '', '1988-05', '2019-11-30', '1988-05-01', '2019-11', '', '1999-12-31', '1988-05'];
    const tied = dates.map((date, i) => doc(100 + i, { type: 'report', title: 'Qingdao visit', date }));
    const fresh = new RecordSearch();
    fresh.addAll(tied);
    const loaded = RecordSearch.fromJSON(fresh.toJSON());
    // The order the dates' text gives, as an oracle apart from the numbers the snapshot keeps.
    const expected = [...tied]
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id))
      .map((d) => d.id);
    for (const index of [fresh, loaded])
      for (const query of ['Qingdoa', 'qingdao visit'])
        expect(
          index.search(query, { limit: 50 }).hits.map((h) => h.id),
          query,
        ).toEqual(expected);
    // A record dated anew after loading sorts by its new date, not the stored one.
    for (const index of [fresh, loaded]) index.upsert({ ...tied[1]!, date: '2020' });
    expect(loaded.search('Qingdoa').hits.map((h) => h.id)).toEqual(fresh.search('Qingdoa').hits.map((h) => h.id));
    expect(loaded.search('Qingdoa').hits[0]!.id).toBe(101);
  });

  it('takes edits after loading, on terms it has not unpacked yet, as a fresh index does', () => {
    const fresh = new RecordSearch();
    fresh.addAll(docs);
    const loaded = RecordSearch.fromJSON(fresh.toJSON());
    for (const s of [fresh, loaded]) {
      // Removing touches every term of the record; the edit adds a new word and drops old ones.
      s.remove(3);
      s.upsert({ ...docs[9]!, title: 'Qingdao brewery exchange' });
      s.upsert(doc(90_001, { title: 'Phoenix Dance Theatre visit', tags: ['dance'] }));
    }
    for (const q of [...QUERY_TEXTS, 'qingdao', 'brewery', 'Phoenix Dnce', docs[2]!.title, docs[9]!.title])
      expect(answer(loaded, q), q).toEqual(answer(fresh, q));
    expect(loaded.has(3)).toBe(false);
    expect(loaded.size).toBe(fresh.size);
    expect(loaded.get(10)).toEqual(fresh.get(10));
    expect(loaded.toJSON()).toBe(fresh.toJSON());
  });

  it('clears out many removed records (MiniSearch vacuums its tree and postings) as a fresh index does', async () => {
    const some = docs.slice(0, 120);
    const fresh = new RecordSearch();
    fresh.addAll(some);
    const loaded = RecordSearch.fromJSON(new TextEncoder().encode(fresh.toJSON()));
    // A third removed: past MiniSearch's thresholds, it vacuums in the background (in batches, on timers).
    for (const s of [fresh, loaded]) for (const d of some.slice(0, 40)) s.remove(d.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const q of [...QUERY_TEXTS, some[50]!.title, some[10]!.title])
      expect(answer(loaded, q), q).toEqual(answer(fresh, q));
    expect(loaded.size).toBe(80);
    // Vacuumed: no removed record's postings are left to count.
    expect((JSON.parse(loaded.toJSON().split('\n')[0]!) as { dirtCount: number }).dirtCount).toBe(0);
    expect(loaded.toJSON()).toBe(fresh.toJSON());
  });

  it('is ASCII, and loads from its bytes (as a window fetches it) as from its text, in both Chinese scripts', () => {
    const chinese = [
      doc(5_001, {
        title: '杭州市政府代表团访问利兹',
        titleAlt: 'Hangzhou delegation 😀 visit',
        tags: ['墓誌銘'],
      }),
      doc(5_002, {
        title: '墓志铭 rubbing',
        description: 'A rubbing of the 墓誌銘 — “quoted”, naïve café',
        links: [{ kind: 'place', name: '利兹', altNames: ['Leeds', '利茲'], roles: ['subject'] }],
      }),
    ];
    const fresh = new RecordSearch();
    fresh.addAll([...docs.slice(0, 300), ...chinese]);
    const text = fresh.toJSON();
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    const fromBytes = RecordSearch.fromJSON(new TextEncoder().encode(text));
    const fromText = RecordSearch.fromJSON(text);
    for (const q of [...QUERY_TEXTS, '墓志铭', '墓誌銘', '利茲', 'Leeds', '杭州', 'naive']) {
      expect(answer(fromBytes, q), q).toEqual(answer(fresh, q));
      expect(answer(fromText, q), q).toEqual(answer(fresh, q));
    }
    const shown = (s: RecordSearch) => s.search('墓志铭').hits.map((h) => [h.title, h.snippet, h.matchedIn]);
    expect(shown(fromBytes)).toEqual(shown(fresh));
    expect(fromBytes.search('墓志铭').hits.map((h) => h.title)).toEqual(['墓志铭 rubbing', '杭州市政府代表团访问利兹']);
    expect(fromBytes.get(5_002)).toEqual(chinese[1]);
    // Names across languages from the snapshot's own index of names: Leeds finds the record that says 利兹.
    expect(fromBytes.search('Leeds', { limit: 1_000 }).hits.find((h) => h.id === 5_001)?.matchedIn).toContainEqual({
      field: 'alias',
      name: '利兹',
    });
    expect(fromBytes.toJSON()).toBe(text);
  });

  it('refuses a snapshot cut short or scrambled with a clear error, not a half-built index', () => {
    const fresh = new RecordSearch();
    fresh.addAll(docs.slice(0, 50));
    const text = fresh.toJSON();
    const [meta, numbers, packed] = text.split('\n') as [string, string, string];
    expect(() => RecordSearch.fromJSON(meta)).toThrow(/not a search snapshot/);
    expect(() => RecordSearch.fromJSON(`${meta}\n${numbers.slice(0, 1_000)}\n${packed}`)).toThrow(/cut short/);
    expect(() => RecordSearch.fromJSON(`{"terms":1}\n${numbers}\n${packed}`)).toThrow(/not a search snapshot index/);
    const bytes = new TextEncoder().encode(`${meta}\n${numbers}\n${packed}`);
    expect(() => RecordSearch.fromJSON(bytes.subarray(0, bytes.length - 10))).toThrow(/cut short/);
    expect(() => RecordSearch.fromJSON(`${meta}\n${numbers.replace(/[A-Za-z]/, '~')}\n${packed}`)).toThrow(
      /unreadable|cut short/,
    );
  });
});

describe('the snapshot keeper', () => {
  let lib: TestLibrary;
  beforeEach(async () => {
    lib = await openTestLibrary();
    await lib.ok('loadSample', {});
  });
  afterEach(async () => {
    await lib.close();
  });

  it('tells a current snapshot from its header alone: none, current, cut short, foreign, older format', () => {
    const paths = libraryPaths(lib.dir);
    expect(storedSnapshotRevision(paths)).toBeNull();
    const written = writeSnapshotFor(paths);
    expect(storedSnapshotRevision(paths)).toBe(written.revision);
    const file = snapshotFile(paths);
    const whole = fs.readFileSync(file, 'utf8');
    const cut = whole.indexOf('\n');
    const header = JSON.parse(whole.slice(0, cut)) as Record<string, unknown>;
    fs.writeFileSync(file, whole.slice(0, whole.length - 10));
    expect(storedSnapshotRevision(paths)).toBeNull();
    fs.writeFileSync(file, `${JSON.stringify({ ...header, libraryId: 'someone-else' })}${whole.slice(cut)}`);
    expect(storedSnapshotRevision(paths)).toBeNull();
    fs.writeFileSync(file, `${JSON.stringify({ ...header, format: 3 })}${whole.slice(cut)}`);
    expect(storedSnapshotRevision(paths)).toBeNull();
  });

  it('rebuilds a snapshot of an older format or cut short, never loading it', async () => {
    const paths = libraryPaths(lib.dir);
    writeSnapshotFor(paths);
    const file = snapshotFile(paths);
    const whole = fs.readFileSync(file, 'utf8');
    const cut = whole.indexOf('\n');
    const header = JSON.parse(whole.slice(0, cut)) as Record<string, unknown>;
    const stale = [
      // The format before this one, as a library written by the previous version holds it.
      `${JSON.stringify({ ...header, format: 5 })}${whole.slice(cut)}`,
      whole.slice(0, whole.length - 200),
    ];
    for (const content of stale) {
      fs.writeFileSync(file, content);
      expect(await lib.ok('loadSearchSnapshot', {})).toBeNull();
      expect(await lib.ok('searchSnapshotInfo', {})).toBeNull();
      const lines: string[] = [];
      const keeper = startSnapshotKeeper(lib.dir, lib.service, 60_000, (line) => lines.push(line));
      try {
        await keeper.refresh();
      } finally {
        keeper.stop();
      }
      expect(lines).toEqual([expect.stringMatching(/search snapshot: 5 records/)]);
      expect(fs.readFileSync(file, 'utf8')).toBe(whole);
      const snap = await lib.ok('loadSearchSnapshot', {});
      expect(RecordSearch.fromJSON(snap!.data).search('Hangzou').total).toBeGreaterThan(0);
    }
  });

  it('the CLI searches from the snapshot as bytes, and sets aside one damaged inside', async () => {
    await lib.ok('createRecord', { type: 'report', title: 'Qingdao brewery exchange' });
    const paths = libraryPaths(lib.dir);
    writeSnapshotFor(paths);
    const file = snapshotFile(paths);
    const whole = fs.readFileSync(file, 'latin1');
    const documentsAt = whole.indexOf('\n', whole.indexOf('\n', whole.indexOf('\n') + 1) + 1);
    const titles = async () => {
      const run = await cliIn(lib.dir, ['--json', 'search', 'brewery']);
      expect(run.code, run.stderr).toBe(0);
      return jsonOf<{ title: string }[]>(run).map((h) => h.title);
    };
    await lib.close();
    try {
      // A title respelt in the snapshot's documents alone (same length): what the CLI shows is read from it.
      const respelt =
        whole.slice(0, documentsAt) + whole.slice(documentsAt).replace('Qingdao brewery', 'Qingdau brewery');
      fs.writeFileSync(file, respelt, 'latin1');
      expect(await titles()).toEqual(['Qingdau brewery exchange']);
      // Its numbers scrambled (same length again): not loaded; the catalogue's change feed answers.
      const numbersAt = whole.indexOf('\n', whole.indexOf('\n') + 1) + 1;
      const scrambled = whole.slice(0, numbersAt) + '~'.repeat(40) + whole.slice(numbersAt + 40);
      fs.writeFileSync(file, scrambled, 'latin1');
      expect(await titles()).toEqual(['Qingdao brewery exchange']);
    } finally {
      lib = await openTestLibrary(lib.dir);
    }
  });

  it('leaves a current snapshot alone at start, and writes one when the catalogue has moved on', async () => {
    const paths = libraryPaths(lib.dir);
    writeSnapshotFor(paths);
    const file = snapshotFile(paths);
    const before = fs.statSync(file);
    const lines: string[] = [];
    const keeper = startSnapshotKeeper(lib.dir, lib.service, 60_000, (line) => lines.push(line));
    try {
      await keeper.refresh();
      expect(lines).toEqual([]);
      expect(fs.statSync(file).ino).toBe(before.ino);

      await lib.ok('createRecord', { type: 'report', title: 'Qingdao brewery exchange' });
      await keeper.refresh();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/search snapshot: 6 records/);
      expect(fs.statSync(file).ino).not.toBe(before.ino);
      const snap = await lib.ok('loadSearchSnapshot', {});
      expect(
        RecordSearch.fromJSON(snap!.data)
          .search('brewery')
          .hits.map((h) => h.title),
      ).toEqual(['Qingdao brewery exchange']);
    } finally {
      keeper.stop();
    }
  });
});
