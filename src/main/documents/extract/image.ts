/**
 * Images (JPEG, PNG, TIFF incl. multi-page and CCITT G4, WebP): EXIF/IPTC/XMP facts (read first, on
 * their own, so a picture that cannot be drawn keeps them), size, suggestions,
 * a thumbnail, and OCR of each page. Images over MAX_IMAGE_PIXELS are never decoded
 * (decompression bombs): the file is kept, its text skipped with the reason.
 */
import { Readable } from 'node:stream';
import exifr from 'exifr';
import sharp, { type Metadata } from 'sharp';
import { MAX_IMAGE_PIXELS } from '../limits';
import { storeStream } from '../store';
import { READABLE_IMAGES } from '../detect';
import { recognise } from './ocr';
import { isoDate } from './text';
import { emptyExtraction, MIN_OCR_CONFIDENCE, type ExtractOptions, type Extraction } from './types';

export const THUMBNAIL_SIDE = 256;
const PREVIEW_SIDE = 1_600;

/** Stores PNG bytes as a thumbnail (content-addressed like every stored file) and returns its hash. */
export async function storeThumbnail(filesDir: string, png: Buffer): Promise<string> {
  const stored = await storeStream(filesDir, Readable.from([png]), 'thumbnail', 16 * 1024 * 1024);
  return stored.sha256;
}

/** The first non-empty text among candidates: EXIF strings, IPTC lists, XMP language alternatives ({ value }). */
function firstText(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    const values = Array.isArray(c) ? (c as unknown[]) : [c];
    for (const v of values) {
      const text =
        typeof v === 'string'
          ? v
          : v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string'
            ? (v as { value: string }).value
            : null;
      if (text && text.trim()) return text.trim();
    }
  }
  return null;
}

/**
 * EXIF, IPTC and XMP read straight from the file's bytes by exifr, on their own: they are there
 * whether or not libvips can draw the picture (a truncated JPEG keeps its header).
 */
async function embeddedFacts(file: string): Promise<Record<string, unknown>> {
  try {
    const tags = (await exifr.parse(file, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      icc: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return {};
    const taken = tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateCreated ?? tags.ModifyDate ?? tags.DateTime;
    // exifr reads EXIF times (which carry no zone) as local time: take the local calendar date back.
    const local = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const date =
      taken instanceof Date && !Number.isNaN(taken.getTime())
        ? local(taken)
        : isoDate(typeof taken === 'string' ? taken : null);
    const camera = [tags.Make, tags.Model]
      .filter((v) => typeof v === 'string' && v.trim())
      .join(' ')
      .trim();
    // EXIF, then IPTC (Caption-Abstract, By-line), then XMP (dc:description, dc:creator).
    const description = firstText(tags.ImageDescription, tags.Caption, tags.CaptionAbstract, tags.description);
    const creator = firstText(tags.Artist, tags.Byline, tags.Creator, tags.creator);
    const out: Record<string, unknown> = {};
    if (date) out.dateTaken = date;
    if (camera) out.camera = camera;
    if (typeof tags.latitude === 'number' && typeof tags.longitude === 'number')
      out.gps = { latitude: tags.latitude, longitude: tags.longitude };
    if (description) out.description = description;
    if (creator) out.creator = creator;
    if (date) out.suggest = { date };
    return out;
  } catch {
    // Broken metadata is not a broken picture: the pixels are still read.
    return {};
  }
}

/** A page of an image prepared for OCR: grey, flattened, scaled down when huge (upscaling made large glyphs worse). */
async function ocrImage(file: string, page: number, width: number, height: number): Promise<Buffer> {
  const longer = Math.max(width, height);
  const scale = longer > 5_000 ? 5_000 / longer : 1;
  let img = sharp(file, { page, limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale();
  if (scale !== 1) img = img.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' });
  return img.png().toBuffer();
}

/**
 * Why libvips could not draw a picture, in our words: its own messages name its internals
 * ("vips2png: unable to write to target") and repeat themselves, which tells a reader nothing.
 */
function undrawable(error: unknown): string {
  const raw = (error as Error).message ?? String(error);
  if (
    /premature end|truncat|unexpected end|end of (file|data|stream)|\bEOF\b|short read|not enough data|read error/i.test(
      raw,
    )
  )
    return 'the file ends before its picture does (it is truncated)';
  if (/StripOffsets|StripByteCounts|TileOffsets|TIFF directory|IFD/i.test(raw)) return 'its TIFF structure is damaged';
  if (/unsupported|not a known|unknown (file )?format|no decoder|compression/i.test(raw))
    return 'its format or compression is not one we can draw';
  return 'its picture data is damaged';
}

/** The reason kept with an image that could not be drawn, saying what was kept all the same. */
function notDrawn(stage: 'read' | 'decoded', error: unknown, metadata: Record<string, unknown>): string {
  const kept = Object.keys(metadata).length > 0 ? '; its embedded metadata was kept' : '';
  return `the image cannot be ${stage}: ${undrawable(error)}${kept}`;
}

export async function extractImage(file: string, mediaType: string, opts: ExtractOptions): Promise<Extraction> {
  const out = emptyExtraction();
  // Metadata first and on its own: a picture libvips cannot draw (or we do not draw: HEIC...) still
  // has its date, camera and caption.
  out.metadata = await embeddedFacts(file);
  if (!READABLE_IMAGES.has(mediaType)) {
    out.textError = `${mediaType} images are kept without text`;
    return out;
  }
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (error) {
    out.textStatus = 'failed';
    out.textError = notDrawn('read', error, out.metadata);
    return out;
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  out.width = width;
  out.height = height;
  out.pageCount = meta.pages ?? 1;
  if (width * height > MAX_IMAGE_PIXELS || width === 0 || height === 0) {
    out.textStatus = 'skipped';
    out.textError = `the image is ${width}×${height} pixels, over the limit of ${MAX_IMAGE_PIXELS} pixels: kept, but not decoded`;
    return out;
  }
  try {
    const thumb = await sharp(file, { page: 0, limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    out.thumbnailSha256 = await storeThumbnail(opts.filesDir, thumb);
    if (mediaType === 'image/tiff') {
      // Browsers cannot show TIFF: each page gets a PNG preview for the viewer, stored once like a thumbnail.
      const previews: string[] = [];
      for (let p = 0; p < (out.pageCount ?? 1); p++) {
        const png = await sharp(file, { page: p, limitInputPixels: MAX_IMAGE_PIXELS })
          .resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: 'inside', withoutEnlargement: true })
          .png()
          .toBuffer();
        previews.push(await storeThumbnail(opts.filesDir, png));
      }
      out.metadata = { ...out.metadata, pagePreviews: previews };
    }
  } catch (error) {
    out.textStatus = 'failed';
    out.textError = notDrawn('decoded', error, out.metadata);
    return out;
  }
  if (!opts.ocr) {
    out.textStatus = 'skipped';
    out.textError = 'OCR is off';
    return out;
  }
  const pages = out.pageCount ?? 1;
  const confidences: number[] = [];
  for (let p = 0; p < pages; p++) {
    opts.onProgress(p, pages, `OCR page ${p + 1} of ${pages}`);
    const png = await ocrImage(file, p, width, height);
    const r = await recognise(opts.ocr, png);
    confidences.push(r.confidence);
    if (r.text && r.confidence >= MIN_OCR_CONFIDENCE) {
      out.pages.push({
        page: p + 1,
        text: r.text,
        source: 'ocr',
        confidence: Math.round(r.confidence * 10) / 10,
        language: opts.ocr.langs.join('+'),
      });
    }
  }
  opts.onProgress(pages, pages, 'OCR done');
  out.textStatus = out.pages.length > 0 ? 'done' : 'none';
  if (out.pages.length === 0) {
    const best = Math.round(Math.max(0, ...confidences));
    out.textError = `no legible text (OCR confidence ${best}%)`;
  }
  return out;
}
