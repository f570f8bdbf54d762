/**
 * The list sorted by creator, collection and tags at 100,000 records (migration 0011's kept keys):
 * one page of 100 at the start, the middle and the end, each order both ways, median of 5, beside
 * date and title for comparison. The generated library has no collections, so for the run the
 * records are filed into a small tree (inside a transaction rolled back at the end, timing what
 * the triggers cost), and the most linked authority is renamed (its records' keys follow).
 *
 *   npx tsx tests/bench/list-sort.ts
 */
import { openLibrary } from '../../src/main/catalogue/library';
import { listRecords } from '../../src/main/catalogue/record-list';
import { contextFor } from '../../src/main/service/executor';
import type { RecordSort } from '../../src/shared/contract';
import { benchLibrary } from './library';

const dir = await benchLibrary(100_000);
const lib = await openLibrary(dir, { automaticBackup: false });
const ctx = contextFor(lib, 'bench');
const db = lib.db;
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

db.exec('BEGIN');
try {
  let t = performance.now();
  const add = db.prepare(
    "INSERT INTO collections (parent_id, name, level, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')",
  );
  const ids: number[] = [];
  for (let f = 0; f < 5; f++) {
    const fonds = Number(add.run(null, `Fonds ${f}`, 'fonds').lastInsertRowid);
    for (let s = 0; s < 10; s++) ids.push(Number(add.run(fonds, `Series ${f}.${s}`, 'series').lastInsertRowid));
  }
  // Nine records in ten filed, one in ten left unfiled.
  db.prepare(
    `UPDATE records SET collection_id = (SELECT value FROM json_each(?) WHERE key = records.id % 50) WHERE id % 10 <> 0`,
  ).run(JSON.stringify(ids));
  console.log(`filing 90,000 records into 50 series (their collection keys set by trigger): ${ms(t)}`);
  t = performance.now();
  db.prepare("UPDATE collections SET name = 'Aardvark series' WHERE id = ?").run(ids[7]);
  console.log(
    `renaming a series of ${(db.prepare('SELECT count(*) AS n FROM records WHERE collection_id = ?').get(ids[7]) as { n: number }).n} records: ${ms(t)}`,
  );
  const top = db
    .prepare('SELECT authority_id AS id, count(*) AS n FROM record_links GROUP BY authority_id ORDER BY n DESC LIMIT 1')
    .get() as { id: number; n: number };
  t = performance.now();
  db.prepare("UPDATE authorities SET name = 'Aardvark, Anne' WHERE id = ?").run(top.id);
  console.log(`renaming the authority with ${top.n} links (their creator keys follow): ${ms(t)}`);

  const sorts: RecordSort[] = ['date', 'title', 'creator', 'collection', 'tags'];
  for (const sort of sorts)
    for (const direction of ['asc', 'desc'] as const) {
      const cells: string[] = [];
      for (const offset of [0, 50_000, 99_900]) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const s = performance.now();
          listRecords(ctx, { sort, direction, offset, limit: 100 });
          times.push(performance.now() - s);
        }
        times.sort((a, b) => a - b);
        cells.push(`@${offset}: ${times[2]!.toFixed(1)} ms`);
      }
      console.log(`${sort.padEnd(10)} ${direction.padEnd(4)} ${cells.join('  ')}`);
    }
} finally {
  db.exec('ROLLBACK');
  lib.close();
}
