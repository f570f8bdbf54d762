/**
 * PDFs with pdf.js (legacy build for Node): the text layer page by page; pages without one
 * (scans) are rendered with @napi-rs/canvas and read by OCR. Encrypted PDFs that open without a
 * password are read (and flagged); those that need one are kept, flagged and skipped with the reason.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS, MAX_PDF_BYTES, MAX_PDF_PAGES, OCR_MAX_SIDE } from '../limits';
import { storeThumbnail, THUMBNAIL_SIDE } from './image';
import { titleFromMetadata } from '../titles';
import { OcrQueue } from './ocr';
import { isoDate } from './text';
import { emptyExtraction, MIN_OCR_CONFIDENCE, type ExtractOptions, type Extraction } from './types';

const nodeRequire = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(nodeRequire.resolve('pdfjs-dist/package.json'));
const asDir = (p: string) => path.join(PDFJS_DIR, p) + path.sep;

/** A page with fewer letters than this in its text layer is treated as a scan. */
const MIN_TEXT_CHARS = 3;

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

function pageText(items: readonly TextItem[]): string {
  let out = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "D:20180914103000+01'00'" → "2018-09-14". */
function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw);
  if (!m) return isoDate(raw);
  if (!m[2]) return m[1]!;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

async function render(doc: PDFDocumentProxy, pageNo: number, longSide: number): Promise<Buffer> {
  const page = await doc.getPage(pageNo);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(longSide / Math.max(base.width, base.height), 300 / 72);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
  page.cleanup();
  return canvas.toBuffer('image/png');
}

/** A one-page PDF with nothing on it: opening it loads pdf.js's parser before the first real job. */
const EMPTY_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** Loads pdf.js (its parser, fonts setup) once, so a job's memory and time are its own. */
export async function warmUpPdf(): Promise<void> {
  const task = getDocument({ data: new TextEncoder().encode(EMPTY_PDF), verbosity: 0, disableFontFace: true });
  try {
    const doc = await task.promise;
    await (await doc.getPage(1)).getTextContent();
  } catch {
    /* only a warm-up */
  } finally {
    await task.destroy();
  }
}

/** A clear reason for what went wrong inside pdf.js (a stack overflow is the object graph nested too deeply). */
function pdfProblem(error: unknown): string {
  const e = error as { name?: string; message?: string };
  if (/maximum call stack/i.test(e.message ?? '')) return 'its objects are nested too deeply to read';
  return e.message ?? String(error);
}

export async function extractPdf(file: string, opts: ExtractOptions): Promise<Extraction> {
  const out = emptyExtraction();
  const size = (await fs.promises.stat(file)).size;
  if (size > MAX_PDF_BYTES) {
    out.textStatus = 'skipped';
    out.textError = `the PDF is ${size} bytes, over the ${MAX_PDF_BYTES}-byte limit for reading its text: kept as it is`;
    return out;
  }
  const data = new Uint8Array(await fs.promises.readFile(file));
  let doc: PDFDocumentProxy;
  const task = getDocument({
    data,
    password: '',
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    // Images inside a PDF are decompression bombs too: pdf.js skips those above the pixel limit.
    maxImageSize: MAX_IMAGE_PIXELS,
    standardFontDataUrl: asDir('standard_fonts'),
    cMapUrl: asDir('cmaps'),
    cMapPacked: true,
    wasmUrl: asDir('wasm'),
    iccUrl: asDir('iccs'),
  });
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const e = error as { name?: string; message?: string };
    if (e.name === 'PasswordException') {
      out.encrypted = true;
      out.textStatus = 'skipped';
      out.textError = 'encrypted: the PDF needs a password to open, so its text was not read';
      return out;
    }
    out.textStatus = 'failed';
    out.textError = `not a readable PDF (${pdfProblem(error)}): the file is kept as it is`;
    return out;
  }
  try {
    return await readPdf(doc, out, opts);
  } catch (error) {
    // A broken page tree (/Kids pointing back at itself), objects nested 100,000 deep…: kept, with the reason.
    out.pages = [];
    out.textStatus = 'failed';
    out.textError = `not a readable PDF (${pdfProblem(error)}): the file is kept as it is`;
    return out;
  } finally {
    await task.destroy();
  }
}

async function readPdf(doc: PDFDocumentProxy, out: Extraction, opts: ExtractOptions): Promise<Extraction> {
  const total = doc.numPages;
  out.pageCount = total;
  const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
  out.encrypted = Boolean(info.EncryptFilterName);
  const meta: Record<string, unknown> = {};
  for (const [key, name] of [
    ['Title', 'title'],
    ['Author', 'author'],
    ['Subject', 'subject'],
    ['Creator', 'creator'],
    ['Producer', 'producer'],
  ] as const) {
    const v = info[key];
    if (typeof v === 'string' && v.trim()) meta[name] = v.trim();
  }
  const created = pdfDate(info.CreationDate);
  if (created) meta.created = created;
  const suggest: Record<string, string> = {};
  // Only a title that looks like one: converters fill it with paths and their own defaults.
  const title = titleFromMetadata(typeof meta.title === 'string' ? meta.title : null);
  if (title) suggest.title = title;
  if (created && /^\d{4}-\d{2}-\d{2}$/.test(created)) suggest.date = created;
  if (Object.keys(suggest).length) meta.suggest = suggest;
  out.metadata = meta;
  const first = await doc.getPage(1);
  const vp = first.getViewport({ scale: 1 });
  out.width = Math.round(vp.width);
  out.height = Math.round(vp.height);

  try {
    const png = await render(doc, 1, THUMBNAIL_SIDE * 2);
    out.thumbnailSha256 = await storeThumbnail(
      opts.filesDir,
      await sharp(png)
        .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer(),
    );
  } catch {
    /* a page that does not render still has text */
  }

  const limit = Math.min(total, MAX_PDF_PAGES);
  const problems: string[] = [];
  let ocrSkipped = 0;
  const illegible: string[] = [];
  let queue: OcrQueue | null = null;
  for (let n = 1; n <= limit; n++) {
    opts.onProgress(n - 1, limit, `page ${n} of ${limit}`);
    let text = '';
    try {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      text = pageText(content.items as TextItem[]);
      page.cleanup();
    } catch (error) {
      problems.push(`page ${n}: ${pdfProblem(error)}`);
      continue;
    }
    if (text.replace(/\s/g, '').length >= MIN_TEXT_CHARS) {
      out.pages.push({ page: n, text, source: 'text-layer', confidence: null, language: null });
      continue;
    }
    if (!opts.ocr) {
      ocrSkipped++;
      continue;
    }
    opts.onProgress(n - 1, limit, `OCR page ${n} of ${limit}`);
    queue ??= new OcrQueue(opts.ocr);
    const ocrFailed = (error: unknown) => problems.push(`OCR of page ${n}: ${(error as Error).message}`);
    try {
      // Drawn here, read by the pool while the next page is drawn.
      const png = await render(doc, n, OCR_MAX_SIDE);
      await queue.add(
        png,
        (r) => {
          if (r.text && r.confidence >= MIN_OCR_CONFIDENCE) {
            out.pages.push({
              page: n,
              text: r.text,
              source: 'ocr',
              confidence: Math.round(r.confidence * 10) / 10,
              language: r.language,
              words: { width: r.width, height: r.height, words: r.words },
            });
          } else illegible.push(`${n} (${Math.round(r.confidence)}%)`);
        },
        ocrFailed,
      );
    } catch (error) {
      ocrFailed(error);
    }
  }
  await queue?.drain();
  // Pages are read side by side and finish in any order.
  out.pages.sort((a, b) => a.page - b.page);
  illegible.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  opts.onProgress(limit, limit, 'text done');
  if (total > limit) problems.push(`only the first ${limit} of ${total} pages were read`);
  if (illegible.length) problems.push(`no legible text by OCR on page ${illegible.slice(0, 20).join(', ')}`);
  if (ocrSkipped) problems.push(`${ocrSkipped} page(s) without a text layer were not read (OCR is off)`);
  out.textStatus = out.pages.length > 0 ? 'done' : problems.length > 0 && problems.length >= limit ? 'failed' : 'none';
  out.textError = problems.length ? problems.slice(0, 5).join('; ') : null;
  return out;
}
