/**
 * `npm run bench:ingest`: how fast documents come in, on files this script generates.
 *   1. text-layer extraction (pdf.js), pages per second, on a 300-page text PDF;
 *   2. OCR (tesseract.js, eng+chi_sim), seconds per page, on text-dense page images (~A4 at 200 dpi);
 *   3. import without text (copy, hash, fsync, register; one record per file), files per second.
 * Each step runs the real code (the extraction functions, the job runner, SQLite) in this process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractPdf } from '../../src/main/documents/extract/pdf';
import { closeOcr, prepareOcr, recognise } from '../../src/main/documents/extract/ocr';
import { JobRunner } from '../../src/main/documents/jobs/runner';
import { inProcessExecutor } from '../../src/main/service/executor';
import { createService } from '../../src/main/service/service';
import { makePdf, textImage, wordAccuracy } from '../fixtures/documents/generate';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-bench-ingest-'));
const WORDS =
  'Leeds Hangzhou partnership memorandum understanding culture education trade delegation council theatre agreement signed city officers visit'.split(
    ' ',
  );
const line = (i: number, n: number) =>
  Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function textLayer(): Promise<{ pages: number; perSecond: number }> {
  const pages = 300;
  const pdf = makePdf(
    Array.from({ length: pages }, (_, p) => ({ lines: Array.from({ length: 40 }, (_, i) => line(p + i, 9)) })),
  );
  const file = path.join(root, 'text.pdf');
  fs.writeFileSync(file, pdf);
  const filesDir = path.join(root, 'files-text');
  const start = process.hrtime.bigint();
  const out = await extractPdf(file, { filesDir, ocr: null, onProgress: () => {} });
  const s = seconds(start);
  if (out.pages.length !== pages) throw new Error(`expected ${pages} pages of text, got ${out.pages.length}`);
  return { pages, perSecond: pages / s };
}

async function ocr(): Promise<{ pages: number; secondsPerPage: number; accuracy: number; langs: string }> {
  const setup = prepareOcr(path.join(root, 'ocr-library'));
  const pages = 3;
  const images = Array.from({ length: pages }, (_, p) => {
    const lines = Array.from({ length: 30 }, (_, i) => line(p * 31 + i, 8));
    return { lines, png: textImage(lines, { fontSize: 34, width: 1650 }).png };
  });
  await recognise(setup, textImage(['warm up'], { fontSize: 34, width: 600 }).png); // engine and language data loading, once
  let accuracy = 0;
  const start = process.hrtime.bigint();
  for (const img of images) accuracy += wordAccuracy(img.lines.join(' '), (await recognise(setup, img.png)).text);
  const s = seconds(start);
  await closeOcr();
  return { pages, secondsPerPage: s / pages, accuracy: accuracy / pages, langs: setup.langs.join('+') };
}

async function importFiles(): Promise<{ files: number; perSecond: number; megabytes: number }> {
  const count = 400;
  const src = path.join(root, 'import-src');
  fs.mkdirSync(src);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const body = Buffer.alloc(20_000 + (i % 10) * 8_000, i % 251);
    body.write(`file ${i} ${line(i, 12)}\n`);
    fs.writeFileSync(path.join(src, `document-${String(i).padStart(4, '0')}.txt`), body);
    bytes += body.length;
  }
  const library = path.join(root, 'library');
  const service = createService(await inProcessExecutor(library, 'bench'));
  const runner = new JobRunner({ service, libraryRoot: library, ocr: false });
  try {
    const start = process.hrtime.bigint();
    const queued = await service.call('importFiles', { paths: [src] });
    if (!queued.ok) throw new Error(queued.error.message);
    await runner.runBatch(queued.value.batch, 'import');
    const s = seconds(start);
    const records = await service.call('listRecords', { limit: 1 });
    if (!records.ok || records.value.total !== count) throw new Error('not every file became a record');
    return { files: count, perSecond: count / s, megabytes: bytes / 1e6 };
  } finally {
    await runner.stop();
    await service.close();
  }
}

try {
  console.log(
    `Civic Archive ingest benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
  );
  const t = await textLayer();
  console.log(
    `text layer (pdf.js):         ${t.perSecond.toFixed(0)} pages/s   (${t.pages}-page PDF, 40 lines a page)`,
  );
  const o = await ocr();
  console.log(
    `OCR (tesseract.js, ${o.langs}): ${o.secondsPerPage.toFixed(2)} s/page   (${o.pages} pages of 30 lines at 34 px; word accuracy ${(o.accuracy * 100).toFixed(1)}%)`,
  );
  const i = await importFiles();
  console.log(
    `import without text:         ${i.perSecond.toFixed(0)} files/s   (${i.files} files, ${i.megabytes.toFixed(1)} MB: copy, SHA-256, fsync, record + link)`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
