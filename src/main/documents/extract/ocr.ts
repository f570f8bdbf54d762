/**
 * OCR with tesseract.js, fully offline: the engine comes from tesseract.js-core (node_modules),
 * the language data from the @tesseract.js-data packages or from `.traineddata` files dropped
 * into the library's `ocr/` folder (those win, and add languages). Nothing is fetched and nothing
 * is written outside the library: the data is gathered into the library's index/ocr-languages/
 * folder (tesseract.js reads one folder) and its cache is off.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrWord } from '../../../shared/channels/documents';

const nodeRequire = createRequire(import.meta.url);
const PACKAGED = ['eng', 'chi_sim'] as const;

export interface OcrSetup {
  langPath: string;
  langs: string[];
}

function packagedFile(lang: string): string | null {
  try {
    const dir = path.dirname(nodeRequire.resolve(`@tesseract.js-data/${lang}/package.json`));
    const file = path.join(dir, '4.0.0_best_int', `${lang}.traineddata.gz`);
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Which languages to read: $CIVIC_ARCHIVE_OCR_LANGS ("eng+chi_sim"), else every language available. */
export function prepareOcr(libraryRoot: string): OcrSetup {
  const sources = new Map<string, string>();
  for (const lang of PACKAGED) {
    const file = packagedFile(lang);
    if (file) sources.set(lang, file);
  }
  const dropped = path.join(libraryRoot, 'ocr');
  if (fs.existsSync(dropped)) {
    for (const name of fs.readdirSync(dropped)) {
      const m = /^([A-Za-z0-9_]+)\.traineddata(\.gz)?$/.exec(name);
      if (m) sources.set(m[1]!, path.join(dropped, name));
    }
  }
  const langPath = path.join(libraryRoot, 'index', 'ocr-languages');
  fs.mkdirSync(langPath, { recursive: true });
  for (const [lang, source] of sources) {
    // tesseract.js looks for <lang>.traineddata.gz and un-gzips by magic bytes, so plain data works under that name too.
    const target = path.join(langPath, `${lang}.traineddata.gz`);
    const s = fs.statSync(source);
    const t = fs.existsSync(target) ? fs.statSync(target) : null;
    if (!t || t.size !== s.size || t.mtimeMs < s.mtimeMs) fs.copyFileSync(source, target);
  }
  const wanted = process.env.CIVIC_ARCHIVE_OCR_LANGS?.split('+').filter(Boolean);
  const langs = wanted ? wanted.filter((l) => sources.has(l)) : [...sources.keys()];
  if (langs.length === 0) throw new Error(`no OCR language data found (wanted ${wanted?.join('+') ?? 'any'})`);
  return { langPath, langs };
}

/**
 * How many tesseract.js workers read pages at once: one per core, at most 4 (each holds its models,
 * 100–200 MB with Chinese), or $CIVIC_ARCHIVE_OCR_WORKERS.
 */
export function ocrPoolSize(): number {
  const asked = Number(process.env.CIVIC_ARCHIVE_OCR_WORKERS);
  if (Number.isSafeInteger(asked) && asked > 0) return Math.min(asked, 16);
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

/** Workers for one set of languages, created on demand up to the pool size and reused. */
class WorkerPool {
  private readonly all: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private starting = 0;

  constructor(
    private readonly langs: string[],
    private readonly langPath: string,
    private readonly size: number,
  ) {}

  private async acquire(): Promise<Worker> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.all.length + this.starting < this.size) {
      this.starting++;
      try {
        const w = await createWorker(this.langs, OEM.LSTM_ONLY, {
          langPath: this.langPath,
          gzip: true,
          cacheMethod: 'none',
          logger: () => {},
          errorHandler: () => {},
        });
        this.all.push(w);
        return w;
      } finally {
        this.starting--;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async run<T>(job: (w: Worker) => Promise<T>): Promise<T> {
    const w = await this.acquire();
    try {
      return await job(w);
    } finally {
      this.release(w);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }
}

const pools = new Map<string, WorkerPool>();

function poolFor(setup: OcrSetup, langs: string[]): WorkerPool {
  const key = `${setup.langPath}|${langs.join('+')}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new WorkerPool(langs, setup.langPath, ocrPoolSize());
    pools.set(key, pool);
  }
  return pool;
}

export async function closeOcr(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}

export interface OcrResult {
  text: string;
  /** The words read, each with its box normalised to the image (0..1) and its confidence. */
  words: OcrWord[];
  /** The pixel size of the image read. */
  width: number;
  height: number;
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** The languages the text was read with ("eng", "eng+chi_sim"). */
  language: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Four decimals of the page: half a pixel on a 5,000-pixel scan, and a third of the JSON of full floats. */
const unit = (v: number, of: number) => Math.min(1, Math.max(0, Math.round((v / of) * 1e4) / 1e4));

/**
 * The words of Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width,
 * height, confidence, text): level 1 is the page and gives its size, level 5 rows are words. TSV
 * rather than the JSON blocks, which carry every symbol and its choices: ten times the bytes.
 */
function wordsOfTsv(tsv: string): { width: number; height: number; words: OcrWord[] } {
  let width = 0;
  let height = 0;
  const rows: string[][] = [];
  for (const line of tsv.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < 12) continue;
    if (cells[0] === '1') {
      width = Math.max(width, Number(cells[8]));
      height = Math.max(height, Number(cells[9]));
    } else if (cells[0] === '5') rows.push(cells);
  }
  const words: OcrWord[] = [];
  if (width <= 0 || height <= 0) return { width: Math.max(1, width), height: Math.max(1, height), words };
  for (const c of rows) {
    const text = c.slice(11).join('\t').trim();
    if (!text) continue;
    const [left, top, w, h, conf] = c.slice(6, 11).map(Number) as [number, number, number, number, number];
    words.push({
      text: text.slice(0, 1_000),
      x: unit(left, width),
      y: unit(top, height),
      w: unit(w, width),
      h: unit(h, height),
      confidence: Math.round(Math.max(0, Math.min(100, conf)) * 10) / 10,
    });
  }
  return { width, height, words };
}

async function read(setup: OcrSetup, langs: string[], image: Buffer): Promise<OcrResult> {
  const { data } = await poolFor(setup, langs).run((w) => w.recognize(image, {}, { text: true, tsv: true }));
  const text = data.text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    // Tesseract separates Chinese characters with spaces; the text has none.
    .replace(/(?<=[\u3400-\u9fff\uf900-\ufaff])[ \t]+(?=[\u3400-\u9fff\uf900-\ufaff])/g, '')
    .trim();
  return {
    text,
    ...wordsOfTsv(data.tsv ?? ''),
    confidence: Math.max(0, Math.min(100, data.confidence)),
    language: langs.join('+'),
  };
}

/** An English pass at least this confident, with no CJK in it, is taken as the page's reading. */
const ENGLISH_ENOUGH = 75;

/**
 * Recognises the text of one image (PNG/JPEG bytes, ideally grey, around 300 dpi), choosing the
 * languages per page: running every model on every page cost English pages the Chinese model's
 * time. A fast English pass comes first; only a page it reads poorly (Chinese, mixed, another
 * script) is read again with every language, and the more confident reading kept. `hint` is the
 * language of the document's previous page: after a Chinese page, every language goes first.
 */
export async function recognise(setup: OcrSetup, image: Buffer, hint?: string | null): Promise<OcrResult> {
  const everything = setup.langs;
  if (!everything.includes('eng') || everything.length === 1) return read(setup, everything, image);
  if (hint && hint !== 'eng') return read(setup, everything, image);
  const english = await read(setup, ['eng'], image);
  if (english.confidence >= ENGLISH_ENOUGH && !CJK.test(english.text)) return english;
  const full = await read(setup, everything, image);
  return full.confidence >= english.confidence ? full : english;
}

/**
 * The pages of one document read side by side, as many at once as the pool has workers: a page is
 * queued while the next is being drawn. Each page's languages start from the last page read.
 */
export class OcrQueue {
  private readonly inFlight = new Set<Promise<void>>();
  private hint: string | null = null;
  private error: Error | null = null;

  constructor(
    private readonly setup: OcrSetup,
    private readonly limit = ocrPoolSize(),
  ) {}

  /** Queues a page (waiting first while `limit` pages are being read); `done` gets its reading. */
  async add(image: Buffer, done: (r: OcrResult) => void, failed?: (error: unknown) => void): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    const job: Promise<void> = recognise(this.setup, image, this.hint)
      .then(
        (r) => {
          this.hint = r.language;
          done(r);
        },
        (error: unknown) => {
          if (failed) failed(error);
          else this.error ??= error instanceof Error ? error : new Error(String(error));
        },
      )
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  /** Waits for every queued page; throws the first error no `failed` callback took. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    if (this.error !== null) throw this.error;
  }
}
