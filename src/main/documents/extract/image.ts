/**
 * Images (JPEG, PNG, TIFF incl. multi-page and CCITT G4, WebP): size, EXIF/XMP suggestions,
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

async function exifFacts(file: string): Promise<Record<string, unknown>> {
  try {
    const tags = (await exifr.parse(file, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: false,
      icc: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return {};
    const taken = tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateTime;
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
    const out: Record<string, unknown> = {};
    if (date) out.dateTaken = date;
    if (camera) out.camera = camera;
    if (typeof tags.latitude === 'number' && typeof tags.longitude === 'number')
      out.gps = { latitude: tags.latitude, longitude: tags.longitude };
    if (typeof tags.ImageDescription === 'string' && tags.ImageDescription.trim())
      out.description = tags.ImageDescription.trim();
    if (date) out.suggest = { date };
    return out;
  } catch {
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

/** libvips names the file it read: the reason is what went wrong, not where the library keeps it. */
function imageProblem(error: unknown, file: string): string {
  return ((error as Error).message ?? String(error)).split(`${file}: `).join('').split(file).join('the file').trim();
}

export async function extractImage(file: string, mediaType: string, opts: ExtractOptions): Promise<Extraction> {
  const out = emptyExtraction();
  if (!READABLE_IMAGES.has(mediaType)) {
    out.textError = `${mediaType} images are kept without text`;
    return out;
  }
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (error) {
    out.textStatus = 'failed';
    out.textError = `the image cannot be read: ${imageProblem(error, file)}`;
    return out;
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  out.width = width;
  out.height = height;
  out.pageCount = meta.pages ?? 1;
  out.metadata = await exifFacts(file);
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
  } catch (error) {
    out.textStatus = 'failed';
    out.textError = `the image cannot be decoded: ${imageProblem(error, file)}`;
    return out;
  }
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
