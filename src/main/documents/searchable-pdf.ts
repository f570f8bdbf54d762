/**
 * A scanned document exported as a searchable PDF, as OCRmyPDF makes them: each page is the
 * original picture, with the words OCR read laid over it as invisible text (render mode 3), each
 * placed and stretched onto its box (page_words), so any PDF reader can select, search and copy
 * the text, and the text travels with the file.
 *
 * The text is set in a "glyphless" font, as Tesseract's own PDF renderer does: a CID font with no
 * glyph program, every character the same width, whose ToUnicode map gives the characters back.
 * Invisible text draws nothing, so no font file is needed, and one font serves every script
 * (Chinese as well as English) with no font to find or embed. Each distinct character of the
 * document gets a CID, mapped back to its Unicode in the ToUnicode CMap.
 *
 * Pictures: a JPEG that needs no turning is carried over byte for byte (DCTDecode); other pages
 * are drawn as OCR drew them (image.ts: libvips, or the second TIFF decoder) and stored losslessly
 * (Flate), one bit per pixel when the page is black and white (a fax-like scan stays small), so
 * each page image has the original's pixel size. A PDF whose pages were OCR'd is copied as it
 * is, pages and all, and gets the text layer on its OCR'd pages only.
 *
 * This runs in the main process (the catalogue worker answers only short, synchronous requests):
 * it reads the catalogue through the service, as the job runner does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PDFDocument, PDFString, type PDFPage, type PDFRef } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import type { PageWords } from '../../shared/channels/documents';
import { ArchiveFailure, type Result } from '../../shared/result';
import type { Service } from '../service/service';
import { kindOf, READABLE_IMAGES } from './detect';
import { ImagePages } from './extract/image';
import { storedPath } from './store';

const deflate = promisify(zlib.deflate);

/** Each glyph's advance, in thousandths of the font size; a word is stretched to its box (Tz) from this. */
const GLYPH_WIDTH = 500;
/** Pixels per inch assumed for a picture that does not say (or says something implausible). */
const DEFAULT_DPI = 300;

export interface SearchablePdf {
  bytes: Uint8Array;
  /** A file name for it: the original's, ending "-searchable.pdf". */
  name: string;
  /** Pages in it, and how many of them carry OCR text. */
  pages: number;
  pagesWithText: number;
}

/** A service answer, or its refusal thrown on as an ArchiveFailure (same reason and words). */
async function ok<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw ArchiveFailure.from(r.error);
  return r.value;
}

/** The characters of the document, each given a CID (from 1: CID 0 is .notdef). */
class Cids {
  private readonly ids = new Map<string, number>();

  /** The word as a hex string of two-byte CIDs. */
  hex(text: string): string {
    let out = '';
    for (const ch of text) {
      let id = this.ids.get(ch);
      if (id === undefined) {
        // 65,535 distinct characters is beyond any document; past it, a character is left out.
        if (this.ids.size >= 0xfffe) continue;
        id = this.ids.size + 1;
        this.ids.set(ch, id);
      }
      out += id.toString(16).padStart(4, '0');
    }
    return out;
  }

  /** The ToUnicode CMap: each CID back to its character (UTF-16BE, surrogate pairs included). */
  toUnicode(): string {
    const entries = [...this.ids].map(([ch, id]) => {
      let utf16 = '';
      for (let i = 0; i < ch.length; i++) utf16 += ch.charCodeAt(i).toString(16).padStart(4, '0');
      return `<${id.toString(16).padStart(4, '0')}> <${utf16}>`;
    });
    const blocks: string[] = [];
    // A bfchar block holds at most 100 entries.
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Whether two words are on one line: their vertical extents overlap by half the smaller. */
function sameLine(a: PageWords['words'][number], b: PageWords['words'][number]): boolean {
  const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return overlap > 0.5 * Math.min(a.h, b.h);
}

const num = (n: number) => (Math.round(n * 1000) / 1000).toString();

/**
 * The content stream of one page's invisible text, in a box `width`×`height` points whose origin is
 * the bottom left, mapped onto the page by `matrix` (for a rotated or cropped page). Words on a line
 * are followed by a space (not between two Chinese characters), so readers copy words apart.
 */
function textLayer(
  words: PageWords,
  width: number,
  height: number,
  matrix: number[],
  font: string,
  cids: Cids,
): string {
  const ops = ['q', `${matrix.map(num).join(' ')} cm`, 'BT', '3 Tr'];
  const list = words.words;
  list.forEach((w, i) => {
    const next = list[i + 1];
    const last = [...w.text].at(-1) ?? '';
    const spaced = next !== undefined && sameLine(w, next) && !(CJK.test(last) && CJK.test([...next.text][0] ?? ''));
    const chars = [...w.text].length;
    if (chars === 0) return;
    const size = Math.max(0.5, w.h * height);
    const natural = (chars * GLYPH_WIDTH * size) / 1000;
    const stretch = Math.max(1, (100 * w.w * width) / natural);
    const x = w.x * width;
    const baseline = height - (w.y + w.h) * height;
    ops.push(
      `/${font} ${num(size)} Tf`,
      `${num(stretch)} Tz`,
      `1 0 0 1 ${num(x)} ${num(baseline)} Tm`,
      `<${cids.hex(spaced ? `${w.text} ` : w.text)}> Tj`,
    );
  });
  ops.push('ET', 'Q');
  return ops.join('\n');
}

/** The glyphless Type0 font, once per document; its ToUnicode map is written at the end, when every character is known. */
function glyphlessFont(doc: PDFDocument): { ref: PDFRef; toUnicode: PDFRef } {
  const ctx = doc.context;
  const descriptor = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: 'GlyphLessFont',
      Flags: 5,
      FontBBox: [0, 0, GLYPH_WIDTH, 1000],
      ItalicAngle: 0,
      // Ascent 1000, descent 0: a selection covers exactly the word's box, from baseline to top.
      Ascent: 1000,
      Descent: 0,
      CapHeight: 1000,
      StemV: 80,
    }),
  );
  const cidFont = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: 'GlyphLessFont',
      // Registry and Ordering are strings: poppler refuses the font (and its text) for names here.
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: GLYPH_WIDTH,
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = ctx.nextRef();
  const ref = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'GlyphLessFont',
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
  return { ref, toUnicode };
}

/** Adds a content stream to a page, after its own (wrapped in q/Q so its state cannot leak into ours). */
function appendContent(doc: PDFDocument, page: PDFPage, content: string): void {
  const ctx = doc.context;
  page.node.wrapContentStreams(ctx.register(ctx.stream('q')), ctx.register(ctx.stream('Q')));
  page.node.addContentStream(ctx.register(ctx.flateStream(content)));
}

/** Where a page's displayed area (as pdf.js drew it for OCR: crop box, then /Rotate) lies on the page. */
function displayArea(page: PDFPage): { width: number; height: number; matrix: number[] } {
  const box = page.getCropBox();
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const { x, y, width: w, height: h } = box;
  switch (angle) {
    case 90:
      return { width: h, height: w, matrix: [0, -1, 1, 0, x, y + h] };
    case 180:
      return { width: w, height: h, matrix: [-1, 0, 0, -1, x + w, y + h] };
    case 270:
      return { width: h, height: w, matrix: [0, 1, -1, 0, x + w, y] };
    default:
      return { width: w, height: h, matrix: [1, 0, 0, 1, x, y] };
  }
}

/** A picture's pixels per inch, from its own metadata when plausible. */
function dpiOf(density: number | undefined): number {
  return density !== undefined && density >= 50 && density <= 2_400 ? density : DEFAULT_DPI;
}

/** One page's picture as a PDF image XObject: JPEG bytes carried over, else grey, black-and-white or RGB pixels, deflated. */
async function pageImage(
  doc: PDFDocument,
  pages: ImagePages,
  p: number,
  original: { bytes: Buffer; jpeg: boolean },
  name: string,
): Promise<{ ref: PDFRef; width: number; height: number }> {
  const ctx = doc.context;
  if (original.jpeg) {
    const meta = await sharp(original.bytes).metadata();
    if (
      (meta.orientation ?? 1) === 1 &&
      meta.width &&
      meta.height &&
      (meta.space === 'srgb' || meta.space === 'b-w') &&
      (meta.channels === 3 || meta.channels === 1)
    ) {
      const ref = ctx.register(
        ctx.stream(original.bytes, {
          Type: 'XObject',
          Subtype: 'Image',
          Width: meta.width,
          Height: meta.height,
          ColorSpace: meta.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
        }),
      );
      return { ref, width: meta.width, height: meta.height };
    }
  }
  const drawn = await pages.page(p);
  if ('reason' in drawn)
    throw new ArchiveFailure('invalid_input', 'not_searchable', {
      name,
      problem: 'undrawable',
      detail: `page ${p + 1}: ${drawn.reason}`,
    });
  const { width, height } = drawn;
  const flat = drawn.draw().flatten({ background: '#ffffff' });
  const colour = !(await isGrey(drawn.draw()));
  const { data } = await (colour ? flat.removeAlpha().toColourspace('srgb') : flat.greyscale().toColourspace('b-w'))
    .raw()
    .toBuffer({ resolveWithObject: true });
  let pixels: Buffer = data;
  let bits = 8;
  if (!colour && data.every((v) => v === 0 || v === 255)) {
    // Black and white: one bit a pixel, each row padded to a byte, as PDF's 1-bit images are.
    const row = Math.ceil(width / 8);
    pixels = Buffer.alloc(row * height);
    for (let yy = 0; yy < height; yy++)
      for (let xx = 0; xx < width; xx++)
        if (data[yy * width + xx] === 255) pixels[yy * row + (xx >> 3)]! |= 0x80 >> (xx & 7);
    bits = 1;
  }
  const ref = ctx.register(
    ctx.stream(await deflate(pixels), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: colour ? 'DeviceRGB' : 'DeviceGray',
      BitsPerComponent: bits,
      Filter: 'FlateDecode',
    }),
  );
  return { ref, width, height };
}

/** Whether a picture with colour channels holds only greys (a scan saved as RGB). */
async function isGrey(img: Sharp): Promise<boolean> {
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels < 3) return true;
  for (let i = 0; i < data.length; i += info.channels)
    if (Math.abs(data[i]! - data[i + 1]!) > 8 || Math.abs(data[i]! - data[i + 2]!) > 8) return false;
  return true;
}

/** The searchable PDF of stored file `fileId`; refuses (not_searchable) a file that is not a scan or has no OCR words. */
export async function searchablePdf(service: Service, libraryRoot: string, fileId: number): Promise<SearchablePdf> {
  const info = await ok(service.call('fileInfo', { id: fileId }));
  const name = info.records[0]?.originalName ?? `file-${fileId}`;
  const kind = kindOf(info.mediaType);
  if (!(kind === 'pdf' || (kind === 'image' && READABLE_IMAGES.has(info.mediaType))))
    throw new ArchiveFailure('invalid_input', 'not_searchable', { name, problem: 'kind' });
  const pageCount = info.pageCount ?? 1;
  const words = new Map<number, PageWords>();
  for (let p = 1; p <= pageCount; p++) {
    const w = await ok(service.call('pageWords', { fileId, page: p }));
    if (w && w.words.length > 0) words.set(p, w);
  }
  if (words.size === 0) throw new ArchiveFailure('invalid_input', 'not_searchable', { name, problem: 'no_words' });

  const file = storedPath(path.join(libraryRoot, 'files'), info.sha256);
  const bytes = await fs.promises.readFile(file).catch(() => {
    throw new ArchiveFailure('conflict', 'stored_file_missing', { what: name, sha256: info.sha256 });
  });

  let doc: PDFDocument;
  if (kind === 'pdf') {
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false });
    } catch (error) {
      const encrypted = /encrypt/i.test((error as Error).message);
      throw new ArchiveFailure('invalid_input', 'not_searchable', {
        name,
        problem: encrypted ? 'encrypted' : 'undrawable',
        detail: encrypted ? undefined : 'its PDF structure is damaged',
      });
    }
    if (doc.isEncrypted) throw new ArchiveFailure('invalid_input', 'not_searchable', { name, problem: 'encrypted' });
  } else {
    doc = await PDFDocument.create({ updateMetadata: false });
  }
  const font = glyphlessFont(doc);
  const cids = new Cids();

  if (kind === 'pdf') {
    const pages = doc.getPages();
    for (const [p, w] of words) {
      const page = pages[p - 1];
      if (!page) continue;
      const area = displayArea(page);
      const key = page.node.newFontDictionary('OCR', font.ref).asString();
      appendContent(doc, page, textLayer(w, area.width, area.height, area.matrix, key.slice(1), cids));
    }
  } else {
    const images = new ImagePages(file, info.mediaType);
    const dpi = dpiOf(
      (
        await sharp(file)
          .metadata()
          .catch(() => ({ density: undefined }))
      ).density,
    );
    const original = { bytes, jpeg: info.mediaType === 'image/jpeg' };
    for (let p = 0; p < pageCount; p++) {
      const image = await pageImage(doc, images, p, original, name);
      const width = (image.width * 72) / dpi;
      const height = (image.height * 72) / dpi;
      const page = doc.addPage([width, height]);
      const picture = page.node.newXObject('Scan', image.ref).asString();
      const w = words.get(p + 1);
      let content = `q ${num(width)} 0 0 ${num(height)} 0 0 cm ${picture} Do Q`;
      if (w) {
        const key = page.node.newFontDictionary('OCR', font.ref).asString();
        content += `\n${textLayer(w, width, height, [1, 0, 0, 1, 0, 0], key.slice(1), cids)}`;
      }
      page.node.addContentStream(doc.context.register(doc.context.flateStream(content)));
    }
    doc.setTitle(name.replace(/\.[^.]+$/, ''));
  }
  doc.context.assign(font.toUnicode, doc.context.flateStream(cids.toUnicode()));
  doc.setProducer('Civic Archive (searchable PDF from OCR)');
  const out = await doc.save({ useObjectStreams: true });
  return {
    bytes: out,
    name: `${name.replace(/\.[^.]+$/, '')}-searchable.pdf`,
    pages: doc.getPageCount(),
    pagesWithText: words.size,
  };
}
