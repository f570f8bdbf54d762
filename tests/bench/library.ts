/**
 * Builds (once, then reuses) a generated library for the benchmarks, through the catalogue's own
 * write paths: records with links, tags, change log and audit; documents' pages through the same
 * writePageText that fills the FTS5 index. Files are not written to disk (search needs only rows).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createAuthority } from '../../src/main/catalogue/authorities';
import { openLibrary } from '../../src/main/catalogue/library';
import { createRecord } from '../../src/main/catalogue/records';
import { contextFor } from '../../src/main/service/executor';
import { writePageText } from '../../src/main/search/fulltext';
import { AuthorityCreate, RecordCreate } from '../../src/shared/model';
import { authorities, records } from './corpus';

export const BENCH_DIR = path.resolve(import.meta.dirname, '../../.bench');

export async function benchLibrary(count: number, fresh = false, log = (s: string) => console.log(s)): Promise<string> {
  const dir = path.join(BENCH_DIR, `library-${count}`);
  const done = path.join(dir, '.complete');
  if (!fresh && fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const lib = await openLibrary(dir);
  const ctx = contextFor(lib, 'bench');
  const ids = new Map<string, number>();
  lib.db.transaction(() => {
    for (const a of authorities()) ids.set(a.key, createAuthority(ctx, AuthorityCreate.parse({ kind: a.kind, name: a.name, altNames: a.altNames })).id);
  })();
  const insertFile = lib.db.prepare(
    "INSERT INTO files (sha256, size, media_type, page_count, text_status, created_at) VALUES (?, ?, 'application/pdf', ?, 'done', ?)",
  );
  const link = lib.db.prepare('INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, 0, ?)');
  let n = 0;
  let pages = 0;
  const batch: ReturnType<typeof records> extends Generator<infer T> ? T[] : never = [];
  const flush = lib.db.transaction(() => {
    for (const g of batch) {
      const record = createRecord(
        ctx,
        RecordCreate.parse({
          type: g.type,
          title: g.title,
          date: g.date,
          description: g.description,
          referenceCode: g.referenceCode,
          languages: g.languages,
          tags: g.tags,
          links: g.links.map((l) => ({ authorityId: ids.get(l.key)!, role: l.role })),
        }),
      );
      if (g.pages.length) {
        const body = g.pages.join('\f');
        const now = new Date().toISOString();
        const fileId = Number(insertFile.run(createHash('sha256').update(body).update(String(record.id)).digest('hex'), body.length, g.pages.length, now).lastInsertRowid);
        link.run(record.id, fileId, `document-${record.id}.pdf`, now);
        g.pages.forEach((text, i) => writePageText(lib.db, { fileId, page: i + 1, text, source: 'text-layer' }));
        pages += g.pages.length;
      }
    }
  });
  for (const g of records(count)) {
    batch.push(g);
    if (batch.length === 1000) {
      flush();
      batch.length = 0;
      n += 1000;
      if (n % 10_000 === 0) log(`  generated ${n} records, ${pages} pages (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  flush();
  lib.db.pragma('wal_checkpoint(TRUNCATE)');
  lib.close();
  fs.writeFileSync(done, JSON.stringify({ records: count, pages, seconds: (performance.now() - started) / 1000 }));
  return dir;
}
