/**
 * Images (JPEG, PNG, TIFF in every common compression and multi-page, WebP): EXIF/IPTC/XMP facts (read first, on
 * their own, so a picture that cannot be drawn keeps them), size, suggestions,
 * a thumbnail, and OCR of each page. Images over MAX_IMAGE_PIXELS are never decoded
 * (decompression bombs): the file is kept, its text skipped with the reason.
 */
import { Readable } from 'node:stream';
import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';
import { MAX_IMAGE_PIXELS } from '../limits';
import { storeStream } from '../store';
import { READABLE_IMAGES } from '../detect';
import { OcrQueue } from './ocr';
import { FallbackTiff, TiffPageError } from './tiff';
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

/** One page's pixels, decoded once and drawn from for the thumbnail, the preview and OCR. */
interface DrawnPage {
  draw: () => Sharp;
  width: number;
  height: number;
}

/** A page of an image prepared for OCR: grey, flattened, scaled down when huge (upscaling made large glyphs worse). */
async function ocrImage(page: DrawnPage): Promise<Buffer> {
  const longer = Math.max(page.width, page.height);
  const scale = longer > 5_000 ? 5_000 / longer : 1;
  let img = page.draw().flatten({ background: '#ffffff' }).greyscale();
  if (scale !== 1)
    img = img.resize(Math.round(page.width * scale), Math.round(page.height * scale), { kernel: 'lanczos3' });
  return img.png().toBuffer();
}

/**
 * The pages of one image: each decoded by libvips, and a TIFF page libvips refuses by the second
 * decoder (tiff.ts), so one page libtiff rejects does not cost the others.
 */
class ImagePages {
  private fallback: FallbackTiff | null | undefined;

  constructor(
    private readonly file: string,
    private readonly mediaType: string,
  ) {}

  /** The second decoder for this file, opened once (null when it is not a TIFF or cannot be opened). */
  second(): FallbackTiff | null {
    if (this.fallback === undefined) {
      try {
        this.fallback = this.mediaType === 'image/tiff' ? new FallbackTiff(this.file) : null;
      } catch {
        this.fallback = null;
      }
    }
    return this.fallback;
  }

  async page(p: number): Promise<DrawnPage | { reason: string }> {
    try {
      const { data, info } = await sharp(this.file, { page: p, limitInputPixels: MAX_IMAGE_PIXELS })
        .rotate()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const raw = { width: info.width, height: info.height, channels: info.channels };
      return { draw: () => sharp(data, { raw, limitInputPixels: false }), width: info.width, height: info.height };
    } catch (error) {
      const second = this.second();
      if (!second) return { reason: undrawable(error) };
      try {
        const page = second.decode(p);
        const raw = { width: page.width, height: page.height, channels: page.channels };
        return {
          draw: () => sharp(page.data, { raw, limitInputPixels: false }),
          width: page.width,
          height: page.height,
        };
      } catch (fallbackError) {
        return {
          reason: fallbackError instanceof TiffPageError ? fallbackError.message : undrawable(error),
        };
      }
    }
  }
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
function notDrawn(stage: 'read' | 'decoded', reason: string, metadata: Record<string, unknown>): string {
  const kept = Object.keys(metadata).length > 0 ? '; its embedded metadata was kept' : '';
  return `the image cannot be ${stage}: ${reason}${kept}`;
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
  const pages = new ImagePages(file, mediaType);
  let pageCount: number;
  try {
    const meta = await sharp(file, { limitInputPixels: false }).metadata();
    const width = meta.width ?? 0;
    const height = meta.pageHeight ?? meta.height ?? 0;
    out.width = width;
    out.height = height;
    if (width * height > MAX_IMAGE_PIXELS || width === 0 || height === 0) {
      out.pageCount = meta.pages ?? 1;
      out.textStatus = 'skipped';
      out.textError = `the image is ${width}×${height} pixels, over the limit of ${MAX_IMAGE_PIXELS} pixels: kept, but not decoded`;
      return out;
    }
    // libtiff may stop counting at a damaged directory that the second decoder steps over.
    pageCount = Math.max(meta.pages ?? 1, mediaType === 'image/tiff' ? (pages.second()?.pages ?? 0) : 0);
  } catch (error) {
    const second = pages.second();
    if (!second || second.pages === 0) {
      out.textStatus = 'failed';
      out.textError = notDrawn('read', undrawable(error), out.metadata);
      return out;
    }
    pageCount = second.pages;
  }
  out.pageCount = pageCount;

  const embedded = out.metadata;
  const previews: (string | null)[] = [];
  const undrawn: { page: number; reason: string }[] = [];
  const confidences: number[] = [];
  const queue = opts.ocr ? new OcrQueue(opts.ocr) : null;
  for (let p = 0; p < pageCount; p++) {
    if (opts.ocr) opts.onProgress(p, pageCount, `OCR page ${p + 1} of ${pageCount}`);
    const page = await pages.page(p);
    if ('reason' in page) {
      undrawn.push({ page: p + 1, reason: page.reason });
      previews.push(null);
      continue;
    }
    if (out.thumbnailSha256 === null) {
      out.width = page.width;
      out.height = page.height;
      const thumb = await page
        .draw()
        .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer();
      out.thumbnailSha256 = await storeThumbnail(opts.filesDir, thumb);
    }
    if (mediaType === 'image/tiff') {
      // Browsers cannot show TIFF: each page gets a PNG preview for the viewer, stored once like a thumbnail.
      const png = await page
        .draw()
        .resize(PREVIEW_SIDE, PREVIEW_SIDE, { fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer();
      previews.push(await storeThumbnail(opts.filesDir, png));
    }
    if (!queue) continue;
    await queue.add(await ocrImage(page), (r) => {
      confidences.push(r.confidence);
      if (r.text && r.confidence >= MIN_OCR_CONFIDENCE) {
        out.pages.push({
          page: p + 1,
          text: r.text,
          source: 'ocr',
          confidence: Math.round(r.confidence * 10) / 10,
          language: r.language,
          words: { width: r.width, height: r.height, words: r.words },
        });
      }
    });
  }
  await queue?.drain();
  out.pages.sort((a, b) => a.page - b.page);
  // A page that cannot be drawn has no preview: its place is kept (null) so page n is still previews[n - 1].
  if (mediaType === 'image/tiff') out.metadata = { ...out.metadata, pagePreviews: previews };
  if (undrawn.length === pageCount) {
    out.textStatus = 'failed';
    out.textError = notDrawn('decoded', undrawn[0]!.reason, embedded);
    return out;
  }
  const lost: string[] = [];
  if (undrawn.length === 1)
    lost.push(`page ${undrawn[0]!.page} of ${pageCount} cannot be drawn: ${undrawn[0]!.reason}`);
  if (undrawn.length > 1)
    lost.push(`pages ${undrawn.map((u) => u.page).join(', ')} of ${pageCount} cannot be drawn: ${undrawn[0]!.reason}`);
  // libvips counts the pages it could reach and says nothing of the rest: a cut-off scan must say so.
  if (pages.second()?.truncated)
    lost.push(`the file ends after page ${pageCount}: any later pages are lost (it is truncated)`);
  const missing = lost.length > 0 ? lost.join('; ') : null;
  if (!opts.ocr) {
    out.textStatus = 'skipped';
    out.textError = ['OCR is off', missing].filter(Boolean).join('; ');
    return out;
  }
  opts.onProgress(pageCount, pageCount, 'OCR done');
  out.textStatus = out.pages.length > 0 ? 'done' : 'none';
  const reasons: string[] = [];
  if (out.pages.length === 0)
    reasons.push(`no legible text (OCR confidence ${Math.round(Math.max(0, ...confidences))}%)`);
  if (missing) reasons.push(missing);
  out.textError = reasons.length > 0 ? reasons.join('; ') : null;
  return out;
}
