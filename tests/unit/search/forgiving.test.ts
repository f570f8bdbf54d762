/**
 * Search that forgives what people type (issue 14): both Chinese scripts, typos as people make
 * them, suggestions only when they help, names across languages, and bad input — through the
 * service (both engines, as the app runs them) and the CLI.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePageText } from '../../../src/main/search/fulltext';
import { RecordSearch } from '../../../src/shared/search/engine';
import { mergeHits } from '../../../src/shared/search/merge';
import { segmentsText, type Segment } from '../../../src/shared/search/snippet';
import { tokenize } from '../../../src/shared/search/tokenizer';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

/** Both engines over the library, merged, as the app and the CLI run them. */
async function searchBoth(query: string, limit = 50) {
  const feed = await lib.ok('searchDocuments', { sinceRevision: 0 });
  const records = new RecordSearch();
  records.addAll(feed.upserts);
  const outcome = records.search(query, { limit });
  const text = await lib.ok('searchText', { query, limit });
  const accepted = records.accepted([...new Set(text.hits.map((h) => h.recordId))], outcome.query);
  const terms = outcome.query.groups.flat().flatMap((c) => tokenize(c.text));
  const merged = mergeHits(
    outcome.hits,
    text.hits.filter((h) => accepted.has(h.recordId)),
    terms,
  );
  return { outcome, text, merged };
}

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);

let nextHash = 1;
function attachPages(recordId: number, name: string, pages: string[]): void {
  const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
  try {
    db.transaction(() => {
      const sha = (nextHash++).toString(16).padStart(64, '0');
      const fileId = Number(
        db
          .prepare(
            "INSERT INTO files (sha256, size, media_type, page_count, text_status, created_at) VALUES (?, 100, 'application/pdf', ?, 'done', ?)",
          )
          .run(sha, pages.length, new Date().toISOString()).lastInsertRowid,
      );
      db.prepare(
        'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, 0, ?)',
      ).run(recordId, fileId, name, new Date().toISOString());
      pages.forEach((text, i) => writePageText(db, { fileId, page: i + 1, text, source: 'text-layer' }));
    })();
  } finally {
    db.close();
  }
}

describe('both Chinese scripts', () => {
  it('either script finds both, in titles, descriptions and pages, shown as written and marked', async () => {
    const trad = await lib.ok('createRecord', { type: 'photograph', title: '友好碑墓誌銘拓片' });
    const simp = await lib.ok('createRecord', { type: 'report', title: '代表团访问利兹' });
    const described = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter from Hong Kong',
      description: '信中提到利茲大學的圖書館。',
    });
    const paged = await lib.ok('createRecord', { type: 'report', title: 'Scanned rubbing' });
    attachPages(paged.id, 'rubbing.pdf', ['碑文：墓志铭一篇，记于杭州。']);

    for (const query of ['墓志铭', '墓誌銘']) {
      const { merged } = await searchBoth(query);
      expect(merged.map((h) => h.id).sort()).toEqual([trad.id, paged.id].sort());
      const title = merged.find((h) => h.id === trad.id)!;
      expect(segmentsText(title.titleSegments)).toBe('友好碑墓誌銘拓片');
      expect(marked(title.titleSegments)).toEqual(['墓誌銘']);
      expect(marked(merged.find((h) => h.id === paged.id)!.snippet)).toEqual(['墓志铭']);
    }
    for (const query of ['利茲', '利兹']) {
      const { merged } = await searchBoth(query);
      expect(merged.map((h) => h.id).sort()).toEqual([simp.id, described.id].sort());
      const letter = merged.find((h) => h.id === described.id)!;
      expect(segmentsText(letter.snippet)).toContain('利茲大學');
      expect(marked(letter.snippet)).toEqual(['利茲']);
    }
  });

  it('the CLI finds both scripts either way', async () => {
    const trad = await lib.ok('createRecord', { type: 'photograph', title: '墓誌銘拓片' });
    const simp = await lib.ok('createRecord', { type: 'report', title: '访问利兹' });
    await lib.close();
    for (const [query, id, title] of [
      ['墓志铭', trad.id, '墓誌銘拓片'],
      ['墓誌銘', trad.id, '墓誌銘拓片'],
      ['利茲', simp.id, '访问利兹'],
      ['利兹', simp.id, '访问利兹'],
    ] as const) {
      const run = await cliIn(lib.dir, ['--json', 'search', query]);
      expect(run.code, run.stderr).toBe(0);
      expect(jsonOf<{ id: number; title: string }[]>(run).map((h) => [h.id, h.title])).toEqual([[id, title]]);
    }
    lib = await openTestLibrary(lib.dir);
  });
});
