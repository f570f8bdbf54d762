/**
 * `npm run bench:load [-- --records 100000 --files 5000 --keep]`
 *
 * A library at the scale the issue asks for — 100,000 records (the cached generated library of
 * bench:search, copied so it is never changed) plus 5,000 real files imported through the service
 * and the job runner (one-page PDFs, PNGs, text) — then the everyday operations on it, timed:
 * open (with its integrity check), search (FTS5 over records and pages; bench:search measures the
 * MiniSearch side), list, edit, verify (re-hash every stored file) and back up (the automatic
 * catalogue copy and the full .tar.gz backup). A benchmark, not a test: figures vary with the
 * machine's load. Heavy: run it once, on a quiet machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { automaticBackup } from '../../src/main/catalogue/backups';
import { openLibrary } from '../../src/main/catalogue/library';
import { JobRunner } from '../../src/main/documents/jobs/runner';
import { verifyLibrary } from '../../src/main/documents/verify';
import { inProcessExecutor } from '../../src/main/service/executor';
import { createService, type Service } from '../../src/main/service/service';
import { makePdf } from '../fixtures/documents/generate';
import { BENCH_DIR, benchLibrary } from './library';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    files: { type: 'string', default: '5000' },
    keep: { type: 'boolean' },
  },
});
const RECORDS = Number(values.records);
const FILES = Number(values.files);

const WORDS =
  'Leeds Hangzhou partnership memorandum understanding culture education trade delegation council theatre agreement signed city officers visit'.split(
    ' ',
  );
const line = (i: number, n: number) =>
  Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);
sampler.unref();

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** 5,000 small files of the three kinds the archive gets most: one-page PDFs, images, text. */
async function writeFiles(dir: string, count: number): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const write = (name: string, data: Buffer) => {
    fs.writeFileSync(path.join(dir, name), data);
    bytes += data.length;
  };
  for (let i = 0; i < count; i++) {
    const name = `document-${String(i).padStart(5, '0')}`;
    if (i % 5 === 0)
      write(
        `${name}.pdf`,
        makePdf([{ lines: Array.from({ length: 30 }, (_, k) => `${i} ${line(i + k, 9)}`) }], {
          title: `Document ${i}`,
        }),
      );
    else if (i % 5 === 1) {
      const png = await sharp({
        create: {
          width: 320,
          height: 240,
          channels: 3,
          background: { r: i % 256, g: (i >> 8) % 256, b: (i * 7) % 256 },
        },
      })
        .png()
        .toBuffer();
      write(`${name}.png`, png);
    } else
      write(
        `${name}.txt`,
        Buffer.from(`Note ${i}\n${Array.from({ length: 40 }, (_, k) => line(i + k, 12)).join('\n')}\n`),
      );
  }
  return bytes;
}

async function timeSearch(service: Service): Promise<string[]> {
  const out: string[] = [];
  for (const query of ['partnership', 'trade delegation', 'hangzhou', 'memorandum understanding', '杭州']) {
    const times: number[] = [];
    let hits = 0;
    for (let round = 0; round < 5; round++) {
      const t = process.hrtime.bigint();
      hits = (await must(service.call('searchText', { query, limit: 100 }))).hits.length;
      times.push(ms(t));
    }
    out.push(`"${query}" ${pct(times, 50).toFixed(0)} ms (${hits} hits)`);
  }
  return out;
}

async function main(): Promise<void> {
  console.log(
    `Civic Archive load benchmark — ${RECORDS} records + ${FILES} files; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
  );
  const source = await benchLibrary(RECORDS);
  const work = path.join(BENCH_DIR, `load-${RECORDS}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.copyFileSync(path.join(source, 'catalogue.sqlite'), path.join(work, 'catalogue.sqlite'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-bench-load-'));
  try {
    // 1. Ingest 5,000 files (import + text extraction, OCR off), through the service and the job runner.
    const src = path.join(scratch, 'files');
    const bytes = await writeFiles(src, FILES);
    let service = createService(await inProcessExecutor(work, 'bench'));
    const runner = new JobRunner({ service, libraryRoot: work, ocr: false });
    let t = process.hrtime.bigint();
    const queued = await must(service.call('importFiles', { paths: [src] }));
    await runner.runBatch(queued.batch);
    const ingestMs = ms(t);
    await runner.stop();
    const jobs = await must(service.call('listJobs', { batch: queued.batch, limit: 1 }));
    console.log(
      `ingest:  ${FILES} files (${mb(bytes)}: 1/5 PDFs, 1/5 PNGs, 3/5 text) imported and read in ${s(ingestMs)} — ${((FILES / ingestMs) * 1000).toFixed(0)} files/s; jobs ${JSON.stringify(jobs.counts)}`,
    );
    const info = await must(service.call('libraryInfo', {}));
    await service.close();
    const catalogueBytes = fs.statSync(path.join(work, 'catalogue.sqlite')).size;
    console.log(`library: ${info.counts.records} records, ${info.revision} revisions; catalogue ${mb(catalogueBytes)}`);

    // 2. Open: the header check, quick_check, the worker's context (as every door opens it).
    t = process.hrtime.bigint();
    service = createService(await inProcessExecutor(work, 'bench'));
    await must(service.call('libraryRevision', {}));
    console.log(
      `open:    ${s(ms(t))} (SQLite header, quick_check of the whole catalogue, migrations check, first query)`,
    );

    // 3. Search (FTS5 over records' prose and document pages) and list.
    console.log(`search:  FTS5, median of 5: ${(await timeSearch(service)).join('; ')}`);
    const listTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = process.hrtime.bigint();
      await must(service.call('listRecords', { limit: 50, offset: Math.floor((i * RECORDS) / 5) }));
      listTimes.push(ms(t));
    }
    console.log(
      `list:    a page of 50 records at 5 offsets through the list: median ${pct(listTimes, 50).toFixed(0)} ms, worst ${Math.max(...listTimes).toFixed(0)} ms`,
    );

    // 4. Edit: 200 records, each one transaction with its change-log and audit entries.
    const editTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = 1 + ((i * 7_919) % RECORDS);
      t = process.hrtime.bigint();
      await must(service.call('updateRecord', { id, patch: { notes: `load benchmark edit ${i}` } }));
      editTimes.push(ms(t));
    }
    console.log(
      `edit:    200 record edits: median ${pct(editTimes, 50).toFixed(1)} ms, p95 ${pct(editTimes, 95).toFixed(1)} ms`,
    );

    // 5. Verify: re-hash every stored file against its name and the catalogue.
    t = process.hrtime.bigint();
    const report = await verifyLibrary(service, work);
    const verifyMs = ms(t);
    // The generated corpus has file rows for its document pages without bytes on disk: those are reported missing.
    console.log(
      `verify:  ${report.checked} file rows checked in ${s(verifyMs)}: ${report.ok} stored files re-hashed ok, ${report.missing.length} missing (the generated corpus's rows without bytes), ${report.altered.length} altered`,
    );

    // 6. Back up: the automatic catalogue copy (SQLite online backup + quick_check of the copy),
    //    then the full backup archive (VACUUM INTO + every file, .tar.gz).
    const lib = await openLibrary(work, { automaticBackup: false });
    t = process.hrtime.bigint();
    const auto = await automaticBackup(lib.db, lib.paths, { force: true, keep: 1 });
    const autoMs = ms(t);
    if (!('made' in auto)) throw new Error(`no automatic backup: ${JSON.stringify(auto)}`);
    console.log(`backup:  automatic catalogue copy ${s(autoMs)} (${mb(fs.statSync(auto.made).size)})`);
    lib.close();
    const out = path.join(scratch, 'library.tar.gz');
    t = process.hrtime.bigint();
    const full = await must(service.call('backupLibrary', { out }));
    console.log(
      `backup:  full archive ${s(ms(t))} (${mb(full.bytes)}: catalogue + ${full.files} files, ${full.records} records)`,
    );
    await service.close();
    console.log(`peak RSS ${mb(peakRss)}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
