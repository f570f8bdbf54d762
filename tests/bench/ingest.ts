/**
 * `npm run bench:ingest`: how fast documents come in, on files this script generates.
 *   1. text-layer extraction (pdf.js), pages per second, on a 300-page text PDF;
 *   2. OCR, pages per second and word accuracy on English, Chinese and mixed pages: tesseract.js through
 *      the pipeline's queue (a worker pool, languages chosen per page) beside Debian's native Tesseract
 *      (installed when absent; one process a page, as many at once as the pool has workers);
 *   3. import without text (copy, hash, fsync, register; one record per file), files per second.
 * Each step runs the real code (the extraction functions, the job runner, SQLite) in this process.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractPdf } from '../../src/main/documents/extract/pdf';
import { closeOcr, OcrQueue, ocrPoolSize, prepareOcr } from '../../src/main/documents/extract/ocr';
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

/** Debian's native Tesseract, installed by this benchmark when absent (root, Debian's packages). */
function nativeTesseract(): string {
  const found = spawnSync('sh', ['-c', 'command -v tesseract'], { encoding: 'utf8' }).stdout.trim();
  const langs = found ? spawnSync(found, ['--list-langs'], { encoding: 'utf8' }).stdout : '';
  if (found && langs.includes('chi_sim') && langs.includes('eng')) return found;
  console.log('installing Debian tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-chi-sim for the comparison…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'tesseract-ocr', 'tesseract-ocr-eng', 'tesseract-ocr-chi-sim'],
  ]) {
    const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed: the comparison needs Debian's tesseract-ocr`);
  }
  return 'tesseract';
}

interface OcrSet {
  name: string;
  pages: { truth: string; png: Buffer }[];
  /** The languages native Tesseract is given for this set: the right ones, chosen by hand. */
  nativeLangs: string;
}

const ZH =
  '利兹 杭州 友好城市 谅解备忘录 文化 教育 旅游 贸易 代表团 市议会 剧院 协议 签署 城市 官员 访问 合作 交流 青年 艺术'.split(
    ' ',
  );
const zhLine = (i: number, n: number) => Array.from({ length: n }, (_, k) => ZH[(i * 5 + k * 3) % ZH.length]).join('');

function ocrSets(): OcrSet[] {
  const zhFont = 'WenQuanYi Micro Hei';
  const english = Array.from({ length: 4 }, (_, p) => {
    const lines = Array.from({ length: 24 }, (_, i) => line(p * 31 + i, 8));
    return { truth: lines.join(' '), png: textImage(lines, { fontSize: 34, width: 1650 }).png };
  });
  const chinese = Array.from({ length: 4 }, (_, p) => {
    const lines = Array.from({ length: 16 }, (_, i) => zhLine(p * 17 + i, 6));
    return { truth: lines.join(' '), png: textImage(lines, { fontSize: 40, width: 1650, font: zhFont }).png };
  });
  const mixed = Array.from({ length: 4 }, (_, p) => {
    const lines = Array.from({ length: 16 }, (_, i) => (i % 2 ? zhLine(p * 13 + i, 6) : line(p * 29 + i, 7)));
    return { truth: lines.join(' '), png: textImage(lines, { fontSize: 38, width: 1650, font: zhFont }).png };
  });
  return [
    { name: 'English', pages: english, nativeLangs: 'eng' },
    { name: 'Chinese', pages: chinese, nativeLangs: 'chi_sim' },
    { name: 'mixed', pages: mixed, nativeLangs: 'eng+chi_sim' },
  ];
}

/** Word accuracy; Chinese has no spaces, so its "words" are the characters. */
function accuracyOf(truth: string, got: string): number {
  const split = (s: string) => s.replace(/([\u3400-\u9fff])/g, ' $1 ');
  return wordAccuracy(split(truth), split(got));
}

/** Runs `jobs` with at most `width` at once. */
async function inParallel<T>(width: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

interface OcrFigures {
  set: string;
  pages: number;
  ours: { perSecond: number; accuracy: number; langs: string };
  native: { perSecond: number; accuracy: number; langs: string };
}

async function ocr(): Promise<{ workers: number; sets: OcrFigures[] }> {
  const setup = prepareOcr(path.join(root, 'ocr-library'));
  const workers = ocrPoolSize();
  const tesseract = nativeTesseract();
  const dir = path.join(root, 'ocr-pages');
  fs.mkdirSync(dir);
  // Engines and language data loaded once, in every worker of both pools, before the clock starts.
  const warm = textImage(['warm up 利兹'], { fontSize: 34, width: 600, font: 'WenQuanYi Micro Hei' }).png;
  const warmQueue = new OcrQueue(setup, workers * 2);
  for (let i = 0; i < workers; i++) await warmQueue.add(warm, () => {});
  await warmQueue.drain();
  const sets: OcrFigures[] = [];
  for (const set of ocrSets()) {
    // tesseract.js: the pipeline's own queue, languages chosen per page.
    const texts: { text: string; language: string }[] = [];
    const queue = new OcrQueue(setup);
    let start = process.hrtime.bigint();
    for (const [i, page] of set.pages.entries())
      await queue.add(page.png, (r) => (texts[i] = { text: r.text, language: r.language }));
    await queue.drain();
    const ourSeconds = seconds(start);
    const ourAccuracy = set.pages.reduce((a, p, i) => a + accuracyOf(p.truth, texts[i]!.text), 0) / set.pages.length;
    const langs = [...new Set(texts.map((t) => t.language))].join(', ');
    // Native: one single-threaded process a page, as many at once as our pool has workers.
    const files = set.pages.map((p, i) => {
      const f = path.join(dir, `${set.name}-${i}.png`);
      fs.writeFileSync(f, p.png);
      return f;
    });
    start = process.hrtime.bigint();
    const native = await inParallel(
      workers,
      files.map(
        (f) => () =>
          new Promise<string>((resolve, reject) => {
            execFile(
              tesseract,
              [f, '-', '-l', set.nativeLangs],
              { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 * 1024 * 1024 },
              (error, stdout) => (error ? reject(new Error(`tesseract ${f}: ${error.message}`)) : resolve(stdout)),
            );
          }),
      ),
    );
    const nativeSeconds = seconds(start);
    const nativeAccuracy =
      set.pages.reduce(
        (a, p, i) => a + accuracyOf(p.truth, native[i]!.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '')),
        0,
      ) / set.pages.length;
    sets.push({
      set: set.name,
      pages: set.pages.length,
      ours: { perSecond: set.pages.length / ourSeconds, accuracy: ourAccuracy, langs },
      native: { perSecond: set.pages.length / nativeSeconds, accuracy: nativeAccuracy, langs: set.nativeLangs },
    });
  }
  await closeOcr();
  return { workers, sets };
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
  console.log(`OCR, ${o.workers} workers each side (tesseract.js 4.0.0_best_int models vs Debian's tesseract-ocr):`);
  for (const f of o.sets) {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `  ${f.set.padEnd(8)} ${f.pages} pages  tesseract.js ${f.ours.perSecond.toFixed(2)} pages/s, accuracy ${pct(f.ours.accuracy)} [${f.ours.langs}]` +
        `  |  native ${f.native.perSecond.toFixed(2)} pages/s, accuracy ${pct(f.native.accuracy)} [${f.native.langs}]` +
        `  |  ratio ${(f.ours.perSecond / f.native.perSecond).toFixed(2)}`,
    );
  }
  const i = await importFiles();
  console.log(
    `import without text:         ${i.perSecond.toFixed(0)} files/s   (${i.files} files, ${i.megabytes.toFixed(1)} MB: copy, SHA-256, fsync, record + link)`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
