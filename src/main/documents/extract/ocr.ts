/**
 * OCR with tesseract.js, fully offline: the engine comes from tesseract.js-core (node_modules),
 * the language data from the @tesseract.js-data packages or from `.traineddata` files dropped
 * into the library's `ocr/` folder (those win, and add languages). Nothing is fetched and nothing
 * is written outside the library: the data is gathered into the library's index/ocr-languages/
 * folder (tesseract.js reads one folder) and its cache is off.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

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

let worker: Worker | null = null;
let workerKey = '';

async function ocrWorker(setup: OcrSetup): Promise<Worker> {
  const key = `${setup.langPath}|${setup.langs.join('+')}`;
  if (worker && workerKey === key) return worker;
  await worker?.terminate();
  worker = await createWorker(setup.langs, OEM.LSTM_ONLY, {
    langPath: setup.langPath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => {},
    errorHandler: () => {},
  });
  workerKey = key;
  return worker;
}

export async function closeOcr(): Promise<void> {
  await worker?.terminate();
  worker = null;
}

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

/** Recognises the text of one image (PNG/JPEG bytes, ideally grey, around 300 dpi). */
export async function recognise(setup: OcrSetup, image: Buffer): Promise<OcrResult> {
  const w = await ocrWorker(setup);
  const { data } = await w.recognize(image);
  const text = data.text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    // Tesseract separates Chinese characters with spaces; the text has none.
    .replace(/(?<=[\u3400-\u9fff\uf900-\ufaff])[ \t]+(?=[\u3400-\u9fff\uf900-\ufaff])/g, '')
    .trim();
  return { text, confidence: Math.max(0, Math.min(100, data.confidence)) };
}
