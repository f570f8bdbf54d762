/**
 * One test per migration: a catalogue is built at the version before it (by running the earlier
 * migrations, as an older release did), filled with rows written with that version's SQL, then
 * opened by today's code, which backs it up and upgrades it. The rows must all be there, read back
 * through the service as the app reads them, and whatever the migration derives must be filled.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, CATALOGUE_FILE } from '../../../src/main/catalogue/library';
import { LATEST_VERSION, MIGRATIONS } from '../../../src/main/catalogue/migrations';
import { ftsTerms } from '../../../src/main/search/fulltext';
import { openTestLibrary, tempDir } from '../../support/catalogue';

const AT = '2019-03-01T10:00:00.000Z';

/** A library folder whose catalogue is at `version`, with rows written by `fill` in that version's schema. */
function catalogueAt(version: number, fill: (db: Database.Database) => void): string {
  const dir = path.join(tempDir(), 'old-library');
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, CATALOGUE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
  db.transaction(() => fill(db))();
  db.close();
  return dir;
}

/** Version 1's rows: an agreement with links, commitments, tags, a collection, and its change log and audit. */
function fillVersion1(db: Database.Database): void {
  db.prepare(
    "INSERT INTO collections (id, name, level, created_at, updated_at) VALUES (1, 'Leeds–Hangzhou partnership', 'fonds', ?, ?)",
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO records (id, type, title, title_alt, title_alt_language, date, description, languages, reference_code,
       agreement_kind, date_signed, place_signed, collection_id, revision, created_at, updated_at)
     VALUES (1, 'agreement', 'Memorandum of Understanding on Friendship', '友好合作备忘录', 'zh-Hans', '2018-09-14',
       'Signed during the delegation; renews cooperation in culture and education.', '["en","zh-Hans"]', 'LCC/IP/2018/001',
       'mou', '2018-09-14', 'Hangzhou', 1, 3, ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    "INSERT INTO authorities (id, kind, name, created_at, updated_at) VALUES (1, 'person', 'Judith Blake', ?, ?)",
  ).run(AT, AT);
  db.prepare(
    "INSERT INTO authorities (id, kind, name, created_at, updated_at) VALUES (2, 'place', 'Hangzhou', ?, ?)",
  ).run(AT, AT);
  db.prepare(
    "INSERT INTO authority_names (authority_id, position, name, language) VALUES (2, 0, '杭州', 'zh-Hans')",
  ).run();
  db.prepare(
    "INSERT INTO record_links (record_id, authority_id, role, note, position) VALUES (1, 1, 'signatory', 'for Leeds City Council', 0)",
  ).run();
  db.prepare("INSERT INTO record_links (record_id, authority_id, role, position) VALUES (1, 2, 'subject', 1)").run();
  db.prepare(
    "INSERT INTO commitments (record_id, position, text, status) VALUES (1, 0, 'Annual exchange of students', 'in-progress')",
  ).run();
  db.prepare("INSERT INTO tags (id, name) VALUES (1, 'twinning')").run();
  db.prepare('INSERT INTO record_tags (record_id, tag_id) VALUES (1, 1)').run();
  for (const [revision, entity, id] of [
    [1, 'authority', 1],
    [2, 'authority', 2],
    [3, 'record', 1],
  ] as const) {
    db.prepare(
      "INSERT INTO changes (revision, at, actor, entity, entity_id, action) VALUES (?, ?, 'archivist (app)', ?, ?, 'create')",
    ).run(revision, AT, entity, id);
  }
  db.prepare(
    "INSERT INTO audit (revision, field, old_value, new_value) VALUES (3, 'title', NULL, 'Memorandum of Understanding on Friendship')",
  ).run();
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('cite.archive.name', 'Leeds City Council International Relations')",
  ).run();
}

/** Version 2's rows on top: a stored file attached to the record, with one page of text in pages_fts. */
function fillVersion2(db: Database.Database): void {
  fillVersion1(db);
  const sha = 'ab'.repeat(32);
  db.prepare(
    "INSERT INTO files (id, sha256, size, media_type, page_count, text_status, created_at) VALUES (1, ?, 1234, 'application/pdf', 1, 'done', ?)",
  ).run(sha, AT);
  db.prepare(
    "INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (1, 1, 'mou-signed.pdf', 0, ?)",
  ).run(AT);
  const text = 'Both cities agree to establish a kiosk of friendship in Kirkstall Abbey gardens.';
  db.prepare("INSERT INTO pages (id, file_id, page, text, source) VALUES (1, 1, 1, ?, 'text-layer')").run(text);
  db.prepare('INSERT INTO pages_fts (rowid, terms) VALUES (1, ?)').run(ftsTerms(text));
  db.prepare(
    "INSERT INTO saved_searches (name, query, created_at, updated_at) VALUES ('MoUs', 'type:agreement', ?, ?)",
  ).run(AT, AT);
}

/** Version 3's rows on top: a finished and a pending job. */
function fillVersion3(db: Database.Database): void {
  fillVersion2(db);
  db.prepare(
    "INSERT INTO jobs (kind, status, batch, file_id, created_at, updated_at) VALUES ('extract', 'done', 'b1', 1, ?, ?)",
  ).run(AT, AT);
  db.prepare(
    "INSERT INTO jobs (kind, status, batch, created_at, updated_at) VALUES ('verify', 'pending', 'b2', ?, ?)",
  ).run(AT, AT);
}

/** Version 4's rows on top: a second record with links in three roles, in an order the rebuilt links table must keep. */
function fillVersion4(db: Database.Database): void {
  fillVersion3(db);
  db.prepare(
    `INSERT INTO records (id, type, title, date, date_end, date_approximate, publisher, url, languages, revision, created_at, updated_at)
     VALUES (2, 'report', 'Report of the friendship delegation', '1987-08-03', '2003-10-23', 1, 'Leeds City Council',
       'https://example.org/report', '["en"]', 5, ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    "INSERT INTO authorities (id, kind, name, created_at, updated_at) VALUES (3, 'organisation', 'Leeds City Council', ?, ?)",
  ).run(AT, AT);
  for (const [authority, role, position] of [
    [3, 'issuer', 0],
    [1, 'author', 1],
    [2, 'mentioned', 2],
  ] as const) {
    db.prepare(
      'INSERT INTO record_links (record_id, authority_id, role, note, position) VALUES (2, ?, ?, NULL, ?)',
    ).run(authority, role, position);
  }
  db.prepare(
    "INSERT INTO changes (revision, at, actor, entity, entity_id, action) VALUES (4, ?, 'archivist (app)', 'authority', 3, 'create')",
  ).run(AT);
  db.prepare(
    "INSERT INTO changes (revision, at, actor, entity, entity_id, action) VALUES (5, ?, 'archivist (app)', 'record', 2, 'create')",
  ).run(AT);
}

/**
 * Version 5's rows (version 4's: 0005 added columns only), indexed as the tokenizer before folding
 * (1) did, Traditional Chinese unfolded: a page and a description written in Traditional, their
 * FTS5 terms the unfolded bigrams.
 */
function fillVersion5(db: Database.Database): void {
  fillVersion4(db);
  const page = '利茲市與杭州市的友好碑，碑上刻有墓誌銘。';
  db.prepare("INSERT INTO pages (id, file_id, page, text, source) VALUES (2, 1, 2, ?, 'text-layer')").run(page);
  // Tokenizer 1's terms of that page: bigrams of each Han run, as written.
  const bigrams = (run: string) =>
    [...run]
      .slice(0, -1)
      .map((c, i) => c + [...run][i + 1])
      .join(' ');
  db.prepare('INSERT INTO pages_fts (rowid, terms) VALUES (2, ?)').run(
    `${bigrams('利茲市與杭州市的友好碑')} ${bigrams('碑上刻有墓誌銘')}`,
  );
  db.prepare("UPDATE records SET description = '訪問團參觀了利茲的圖書館。' WHERE id = 1").run();
  db.prepare("INSERT INTO records_fts (rowid, meta, text) VALUES (1, 'memorandum', ?)").run(
    bigrams('訪問團參觀了利茲的圖書館'),
  );
  db.prepare('UPDATE record_text_state SET revision = 5, tokenizer = 1 WHERE id = 1').run();
}

/**
 * Version 6's rows on top: a tree whose child has a lower id than its parent (a file moved under a
 * series made after it), a record filed in that file, and a collection made and deleted, so the
 * AUTOINCREMENT counter is ahead of every id left.
 */
function fillVersion6(db: Database.Database): void {
  fillVersion5(db);
  const add = db.prepare(
    'INSERT INTO collections (id, parent_id, name, level, reference_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  add.run(2, null, '2018 delegation visit', 'file', 'LCC/IP/1/1', AT, AT);
  add.run(3, 1, 'Hangzhou', 'series', 'LCC/IP/1', AT, AT);
  add.run(4, null, 'Made by mistake', 'series', null, AT, AT);
  db.prepare('UPDATE collections SET parent_id = 3 WHERE id = 2').run();
  db.prepare('DELETE FROM collections WHERE id = 4').run();
  db.prepare('UPDATE records SET collection_id = 2 WHERE id = 2').run();
}

/** Version 7's rows on top: agreements saved as versions 6 and 7 saved them: one dated only by its signing, undated. */
function fillVersion7(db: Database.Database): void {
  fillVersion6(db);
  const agreement = db.prepare(
    `INSERT INTO records (id, type, title, date, date_signed, revision, created_at, updated_at)
     VALUES (?, 'agreement', ?, ?, ?, ?, ?, ?)`,
  );
  const change = db.prepare(
    "INSERT INTO changes (revision, at, actor, entity, entity_id, action) VALUES (?, ?, 'archivist (app)', 'record', ?, 'create')",
  );
  agreement.run(10, 'Twinning agreement, signed only', null, '1988-06-01', 20, AT, AT);
  change.run(20, AT, 10);
  agreement.run(11, 'Cultural exchange agreement', '2019', '2019-04-02', 21, AT, AT);
  change.run(21, AT, 11);
  db.prepare(
    "INSERT INTO records (id, type, title, revision, created_at, updated_at) VALUES (12, 'letter', 'Undated letter', 22, ?, ?)",
  ).run(AT, AT);
  change.run(22, AT, 12);
}

/** Version 8's rows on top: a page of the stored file read by OCR, as version 8 kept it (text only, no word boxes). */
function fillVersion8(db: Database.Database): void {
  fillVersion7(db);
  const text = 'Scanned reply from Hangzhou about the pagoda.';
  db.prepare(
    "INSERT INTO pages (id, file_id, page, text, source, confidence, language) VALUES (3, 1, 3, ?, 'ocr', 88.5, 'eng')",
  ).run(text);
  db.prepare('INSERT INTO pages_fts (rowid, terms) VALUES (3, ?)').run(ftsTerms(text));
}

/**
 * Version 10's rows on top: a person whose name's parts are known as an author, tags in mixed
 * case, and a signatory acting for the council (0010's column).
 */
function fillVersion10(db: Database.Database): void {
  fillVersion7(db);
  db.prepare(
    `INSERT INTO authorities (id, kind, name, name_parts, created_at, updated_at)
     VALUES (4, 'person', 'Liping Xu', '{"family":"Xu","given":"Liping"}', ?, ?)`,
  ).run(AT, AT);
  db.prepare("INSERT INTO record_links (record_id, authority_id, role, position) VALUES (11, 4, 'author', 0)").run();
  db.prepare('UPDATE record_links SET on_behalf_of = 3 WHERE record_id = 1 AND authority_id = 1').run();
  db.prepare("INSERT INTO tags (id, name) VALUES (2, 'Zebra'), (3, 'archive')").run();
  db.prepare('INSERT INTO record_tags (record_id, tag_id) VALUES (12, 2), (12, 3), (10, 1)').run();
}

async function upgraded(dir: string, from: number) {
  const lib = await openTestLibrary(dir);
  const db = new Database(path.join(dir, CATALOGUE_FILE), { readonly: true });
  const version = Number(db.pragma('user_version', { simple: true }));
  db.close();
  // Opening an older catalogue leaves a copy of it, at its own version, before migrating.
  const copies = fs
    .readdirSync(path.join(dir, 'backups'))
    .filter((f) => f.startsWith(`catalogue-v${from}-before-migration-`));
  expect(copies).toHaveLength(1);
  const copy = new Database(path.join(dir, 'backups', copies[0]!), { readonly: true });
  expect(Number(copy.pragma('user_version', { simple: true }))).toBe(from);
  expect((copy.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(
    from >= 7 ? 5 : from >= 4 ? 2 : 1,
  );
  copy.close();
  return { lib, version };
}

async function expectVersion1Rows(lib: Awaited<ReturnType<typeof openTestLibrary>>, nextId = 2) {
  const r = await lib.ok('getRecord', { id: 1 });
  expect(r).toMatchObject({
    type: 'agreement',
    title: 'Memorandum of Understanding on Friendship',
    titleAlt: '友好合作备忘录',
    date: '2018-09-14',
    referenceCode: 'LCC/IP/2018/001',
    agreementKind: 'mou',
    dateSigned: '2018-09-14',
    placeSigned: 'Hangzhou',
    languages: ['en', 'zh-Hans'],
    tags: ['twinning'],
  });
  expect(r.collection?.name).toBe('Leeds–Hangzhou partnership');
  expect(r.commitments.map((c) => [c.text, c.status])).toEqual([['Annual exchange of students', 'in-progress']]);
  expect(r.links.map((l) => [l.role, l.name, l.note ?? null])).toEqual([
    ['signatory', 'Judith Blake', 'for Leeds City Council'],
    ['subject', 'Hangzhou', null],
  ]);
  const place = await lib.ok('getAuthority', { id: 2 });
  expect(place.altNames?.map((n) => n.name) ?? []).toContain('杭州');
  const audit = await lib.ok('auditTrail', { entity: 'record', id: 1 });
  expect(JSON.stringify(audit)).toContain('Memorandum of Understanding on Friendship');
  const settings = await lib.ok('getSettings', {});
  expect(settings.archiveName).toBe('Leeds City Council International Relations');
  // Upgraded, the library takes writes as a new one does.
  const next = await lib.ok('createRecord', { type: 'letter', title: 'Letter after the upgrade' });
  expect(next.id).toBe(nextId);
}

describe('every migration carries a catalogue with rows forward', () => {
  it('has a test below for each migration', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(LATEST_VERSION).toBe(11);
  });

  it('0001-catalogue: an empty SQLite file becomes a catalogue', async () => {
    const dir = path.join(tempDir(), 'v0');
    fs.mkdirSync(dir);
    // Setting WAL writes the header: a valid, empty SQLite database of version 0 (a 0-byte file is refused as corrupt).
    const empty = new Database(path.join(dir, CATALOGUE_FILE));
    empty.pragma('journal_mode = WAL');
    empty.close();
    const lib = await openTestLibrary(dir);
    expect((await lib.ok('libraryInfo', {})).counts.records).toBe(0);
    const r = await lib.ok('createRecord', { type: 'report', title: 'First report' });
    expect(r.id).toBe(1);
    await lib.close();
  });

  it('0002-files-and-text: records, links, commitments, tags, audit and settings of version 1 survive', async () => {
    const { lib, version } = await upgraded(catalogueAt(1, fillVersion1), 1);
    expect(version).toBe(LATEST_VERSION);
    await expectVersion1Rows(lib);
    expect(await lib.ok('recordFiles', { recordId: 1 })).toEqual([]);
    await lib.close();
  });

  it('0003-jobs: stored files and their page text of version 2 survive, and the job queue starts empty', async () => {
    const { lib } = await upgraded(catalogueAt(2, fillVersion2), 2);
    await expectVersion1Rows(lib);
    const files = await lib.ok('recordFiles', { recordId: 1 });
    expect(files.map((f) => [f.originalName, f.sha256, f.mediaType])).toEqual([
      ['mou-signed.pdf', 'ab'.repeat(32), 'application/pdf'],
    ]);
    const pages = await lib.ok('filePages', { fileId: files[0]!.id, from: 1, limit: 10 });
    expect(pages.map((p) => p.text)).toEqual([
      'Both cities agree to establish a kiosk of friendship in Kirkstall Abbey gardens.',
    ]);
    const hits = (await lib.ok('searchText', { query: 'kiosk' })).hits;
    expect(hits.map((h) => h.recordId)).toEqual([1]);
    expect((await lib.ok('listJobs', { active: false, limit: 100 })).jobs).toEqual([]);
    expect((await lib.ok('listSavedSearches', {})).map((s) => s.name)).toEqual(['MoUs']);
    await lib.close();
  });

  it('0004-record-text: the records of version 3 get their full-text index, and jobs survive', async () => {
    const { lib } = await upgraded(catalogueAt(3, fillVersion3), 3);
    await expectVersion1Rows(lib);
    // A word only in the description: found through records_fts, which the upgrade filled.
    const hits = (await lib.ok('searchText', { query: 'renews cooperation' })).hits;
    expect(hits.map((h) => h.recordId)).toContain(1);
    const jobs = (await lib.ok('listJobs', { active: false, limit: 100 })).jobs;
    expect(jobs.map((j) => [j.kind, j.status]).sort()).toEqual([
      ['extract', 'done'],
      ['verify', 'pending'],
    ]);
    await lib.close();
  });

  it('0005-bibliographic-record: records and links of version 4 survive; records take a bibliographic description', async () => {
    const { lib } = await upgraded(catalogueAt(4, fillVersion4), 4);
    await expectVersion1Rows(lib, 3);
    const report = await lib.ok('getRecord', { id: 2 });
    expect(report).toMatchObject({
      type: 'report',
      title: 'Report of the friendship delegation',
      date: '1987-08-03',
      dateEnd: '2003-10-23',
      dateApproximate: true,
      publisher: 'Leeds City Council',
      url: 'https://example.org/report',
      cslType: null,
      containerTitle: null,
      volume: null,
      doi: null,
      dateText: null,
      extraCsl: null,
      cslForms: null,
    });
    // The links table was rebuilt for the new roles: every link, its role and its order kept.
    expect(report.links.map((l) => [l.role, l.name, l.nameParts])).toEqual([
      ['issuer', 'Leeds City Council', null],
      ['author', 'Judith Blake', null],
      ['mentioned', 'Hangzhou', null],
    ]);
    const cited = await lib.ok('citeRecords', { ids: [2], style: 'apa' });
    expect(cited.entries[0]!.text).toContain('Leeds City Council');
    // The upgraded library takes the new fields, roles and name parts.
    const editor = await lib.ok('createAuthority', {
      kind: 'person',
      name: 'Arnold van Gennep',
      nameParts: { family: 'Gennep', given: 'Arnold', 'non-dropping-particle': 'van' },
    });
    const book = await lib.ok('updateRecord', {
      id: 2,
      patch: {
        cslType: 'book',
        edition: '2',
        publisherPlace: 'Leeds',
        isbn: '978-1-78330-123-4',
        extraCsl: { 'collection-number': '12' },
        links: [
          ...report.links.map((l) => ({ authorityId: l.authorityId, role: l.role })),
          { authorityId: editor.id, role: 'editor' },
        ],
      },
    });
    expect(book).toMatchObject({
      cslType: 'book',
      edition: '2',
      publisherPlace: 'Leeds',
      extraCsl: { 'collection-number': '12' },
    });
    expect(book.links.at(-1)).toMatchObject({
      role: 'editor',
      nameParts: { family: 'Gennep', 'non-dropping-particle': 'van' },
    });
    await lib.close();
  });

  it('0006-folded-text: pages and records indexed before Chinese folding are found in either script', async () => {
    const { lib } = await upgraded(catalogueAt(5, fillVersion5), 5);
    await expectVersion1Rows(lib, 3);
    // Simplified queries reach the Traditional page and description: both indexes were rebuilt folded.
    for (const query of ['墓志铭', '墓誌銘']) {
      const hits = (await lib.ok('searchText', { query })).hits;
      expect(hits.map((h) => [h.recordId, h.foundIn, h.page])).toEqual([[1, 'page', 2]]);
      // Shown as written, marked where the folded form matched.
      expect(hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['墓誌銘']);
    }
    const byDescription = (await lib.ok('searchText', { query: '图书馆' })).hits;
    expect(byDescription.map((h) => [h.recordId, h.foundIn])).toEqual([[1, 'description']]);
    // The stored text itself is kept as written.
    const files = await lib.ok('recordFiles', { recordId: 1 });
    const pages = await lib.ok('filePages', { fileId: files[0]!.id, from: 1, limit: 10 });
    expect(pages.map((p) => p.text)[1]).toBe('利茲市與杭州市的友好碑，碑上刻有墓誌銘。');
    expect((await lib.ok('getRecord', { id: 1 })).description).toBe('訪問團參觀了利茲的圖書館。');
    // Page 1, English, is still found.
    expect((await lib.ok('searchText', { query: 'kiosk' })).hits.map((h) => h.recordId)).toEqual([1]);
    await lib.close();
  });
  it('0007-archival-levels: the tree, its records and its id counter survive; the six ISAD(G) levels are taken', async () => {
    const { lib } = await upgraded(catalogueAt(6, fillVersion6), 6);
    await expectVersion1Rows(lib, 3);
    const tree = (await lib.ok('listCollections', {})).map((c) => [c.id, c.parentId, c.name, c.level, c.recordCount]);
    expect(tree).toEqual([
      [2, 3, '2018 delegation visit', 'file', 1],
      [3, 1, 'Hangzhou', 'series', 0],
      [1, null, 'Leeds–Hangzhou partnership', 'fonds', 1],
    ]);
    expect((await lib.ok('getRecord', { id: 2 })).collection).toEqual({ id: 2, name: '2018 delegation visit' });
    // Filed below the fonds, both records count in its extent.
    expect((await lib.ok('collectionSummary', { id: 1 })).records).toBe(2);
    // The levels version 6 refused are taken now, and the deleted collection's id 4 is not handed out again.
    const sub = await lib.ok('createCollection', { name: 'Education exchanges', level: 'sub-series', parentId: 3 });
    expect(sub.id).toBe(5);
    const item = await lib.ok('createCollection', { name: 'Signed copy', level: 'item', parentId: 2 });
    expect(item.level).toBe('item');
    await lib.ok('createCollection', { name: 'Leeds side', level: 'sub-fonds', parentId: 1 });
    // The foreign keys still hold: a record is unfiled when its collection goes, and a parent keeps its children.
    const stillParent = await lib.service.call('deleteCollection', { id: 3 });
    expect(stillParent.ok).toBe(false);
    await lib.close();
    const db = new Database(path.join(lib.dir, CATALOGUE_FILE));
    db.pragma('foreign_keys = ON');
    expect(() =>
      db
        .prepare("INSERT INTO collections (name, level, created_at, updated_at) VALUES ('Box 3', 'box', ?, ?)")
        .run(AT, AT),
    ).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM collections WHERE id = 3').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('0008-dated-by-signing: an agreement of version 7 with only a date signed is dated by it, and the change logged', async () => {
    const { lib } = await upgraded(catalogueAt(7, fillVersion7), 7);
    expect(await lib.ok('getRecord', { id: 10 })).toMatchObject({ date: '1988-06-01', dateSigned: '1988-06-01' });
    // A date the archivist gave stays; other types are not dated by anything.
    expect(await lib.ok('getRecord', { id: 11 })).toMatchObject({ date: '2019', dateSigned: '2019-04-02' });
    expect((await lib.ok('getRecord', { id: 12 })).date).toBeNull();
    expect((await lib.ok('recordsPerYear', {})).years).toContainEqual({ year: 1988, count: 1 });
    // The search index and the audit trail follow the change log: the upgrade is one change per record dated.
    const changes = await lib.ok('changesSince', { revision: 22 });
    expect(changes.changes.map((c) => [c.entityId, c.action, c.actor])).toEqual([
      [10, 'update', 'Civic Archive (upgrade)'],
    ]);
    const audit = await lib.ok('auditTrail', { entity: 'record', id: 10 });
    expect(audit.at(-1)).toMatchObject({ field: 'date', oldValue: null, newValue: '1988-06-01' });
    const docs = await lib.ok('searchDocuments', { sinceRevision: 22 });
    expect(docs.upserts.map((d) => [d.id, d.date])).toEqual([[10, '1988-06-01']]);
    await expectVersion1Rows(lib, 13);
    await lib.close();
  });

  it('0009-page-words: pages of version 8 keep their text and have no word boxes; boxes written after go with their page', async () => {
    const dir = catalogueAt(8, fillVersion8);
    const { lib } = await upgraded(dir, 8);
    const pages = await lib.ok('filePages', { fileId: 1 });
    expect(pages.map((p) => [p.page, p.source, p.confidence, p.language])).toEqual([
      [1, 'text-layer', null, null],
      [2, 'text-layer', null, null],
      [3, 'ocr', 88.5, 'eng'],
    ]);
    // Nothing is read again on upgrade: an OCR page of before simply has no words.
    for (const page of [1, 2, 3]) expect(await lib.ok('pageWords', { fileId: 1, page })).toBeNull();
    expect((await lib.ok('searchText', { query: 'pagoda' })).hits.map((h) => h.recordId)).toEqual([1]);
    await expectVersion1Rows(lib, 13);
    await lib.close();

    const db = new Database(path.join(dir, CATALOGUE_FILE));
    db.pragma('foreign_keys = ON');
    const add = db.prepare('INSERT INTO page_words (page_id, width, height, words) VALUES (?, ?, ?, ?)');
    add.run(3, 2480, 3508, JSON.stringify([['Scanned', 0.1, 0.2, 0.15, 0.02, 91.5]]));
    expect(() => add.run(2, 2480, 3508, '{"not":"an array"}')).toThrow(/CHECK/);
    expect(() => add.run(2, 0, 3508, '[]')).toThrow(/CHECK/);
    expect(() => add.run(99, 10, 10, '[]')).toThrow(/FOREIGN KEY/);
    db.close();

    const again = await openTestLibrary(dir);
    expect(await again.ok('pageWords', { fileId: 1, page: 3 })).toEqual({
      width: 2480,
      height: 3508,
      words: [{ text: 'Scanned', x: 0.1, y: 0.2, w: 0.15, h: 0.02, confidence: 91.5 }],
    });
    await again.close();
    const after = new Database(path.join(dir, CATALOGUE_FILE));
    after.pragma('foreign_keys = ON');
    after.prepare('DELETE FROM pages WHERE id = 3').run();
    expect(after.prepare('SELECT count(*) AS n FROM page_words').get()).toEqual({ n: 0 });
    after.close();
  });

  // From version 8: the upgrade runs 0009 (page words only) and then 0010 on these links.
  it('0010-signed-on-behalf: links of version 8 act for nobody, and a signatory can then sign for a council', async () => {
    const { lib } = await upgraded(catalogueAt(8, fillVersion7), 8);
    const before = await lib.ok('getRecord', { id: 1 });
    expect(before.links.map((l) => [l.name, l.role, l.note, l.onBehalfOf ?? null])).toEqual([
      ['Judith Blake', 'signatory', 'for Leeds City Council', null],
      ['Hangzhou', 'subject', null, null],
    ]);
    const council = (await lib.ok('listAuthorities', { query: 'Leeds City Council' })).items[0]!;
    const links = before.links.map((l) => ({
      authorityId: l.authorityId,
      role: l.role,
      note: l.note,
      ...(l.role === 'signatory' ? { onBehalfOf: council.id } : {}),
    }));
    const after = await lib.ok('updateRecord', { id: 1, patch: { links }, expectedRevision: before.revision });
    expect(after.links[0]!.onBehalfOf).toEqual({ id: council.id, name: 'Leeds City Council' });
    const audit = await lib.ok('auditTrail', { entity: 'record', id: 1 });
    expect(audit.at(-1)?.newValue).toContain('on behalf of Leeds City Council');
    await lib.close();
  });

  it('0011-list-sort-keys: records of version 10 sort by creator, collection and tags, and keep doing so after writes', async () => {
    const { lib } = await upgraded(catalogueAt(10, fillVersion10), 10);
    const ids = async (sort: 'creator' | 'collection' | 'tags', direction: 'asc' | 'desc' = 'asc') =>
      (await lib.ok('listRecords', { sort, direction })).items.map((r) => r.id);
    // 1: signed by Judith Blake; 2: issued by Leeds City Council; 11: by Xu (parts: "Xu, Liping").
    expect(await ids('creator')).toEqual([1, 2, 11, 10, 12]);
    expect(await ids('creator', 'desc')).toEqual([11, 2, 1, 12, 10]);
    // 2 in the file "2018 delegation visit", 1 in the fonds "Leeds–Hangzhou partnership".
    expect(await ids('collection')).toEqual([2, 1, 10, 11, 12]);
    // 12: "archive" before "Zebra"; 1 and 10: "twinning".
    expect(await ids('tags')).toEqual([12, 1, 10, 2, 11]);
    // The signatory's organisation survives the upgrade.
    expect((await lib.ok('getRecord', { id: 1 })).links[0]!.onBehalfOf).toEqual({ id: 3, name: 'Leeds City Council' });
    // Written after the upgrade, the keys follow: Judith Blake renamed Zoe Blake goes after Xu.
    await lib.ok('updateAuthority', { id: 1, patch: { name: 'Zoe Blake' } });
    await lib.ok('renameTag', { from: 'archive', to: 'zulu' });
    expect(await ids('creator')).toEqual([2, 11, 1, 10, 12]);
    expect(await ids('tags')).toEqual([1, 10, 12, 2, 11]);
    await lib.close();
  });
});
