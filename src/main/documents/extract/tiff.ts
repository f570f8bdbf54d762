/**
 * A second TIFF decoder for the pages libvips refuses. sharp's libtiff is built without some of what
 * archives hold (old-style JPEG) and rejects a whole file for one bad directory ("TIFF directory is
 * missing required StripOffsets field" on page 3 of 40 loses the other 39). UTIF (utif2, pure
 * JavaScript: CCITT G3/G4, LZW, JPEG, PackBits, Deflate) decodes page by page, so every page that
 * has pixels becomes pixels.
 *
 * UTIF trusts the file: a directory chain that loops or points past the end never ends, a count of
 * 2³¹ values is read one by one, sub-directories recurse without a floor. So it never sees the
 * file's own bytes: it reads a copy whose chain is cut at the first bad link, whose impossible
 * counts are zeroed and whose sub-directory pointers (EXIF, GPS, SubIFDs, MakerNote: metadata is
 * read by exifr, not here) are renamed away.
 */
import fs from 'node:fs';
import UTIF from 'utif2';
import { MAX_IMAGE_PIXELS, MAX_TIFF_FALLBACK_BYTES, MAX_TIFF_PAGES } from '../limits';

/** Bytes of one value of each TIFF field type (1–12; 13 is IFD). */
const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};
/** Tags whose value points at another directory: UTIF follows them recursively. */
const POINTER_TAGS = new Set([330, 34665, 34853, 37500, 50740, 61440]);
/** A private tag number UTIF ignores, given to the pointer tags above in the copy it reads. */
const IGNORED_TAG = 65_000;

/** UTIF's own signatures (its published types leave out the options and the directory list). */
const decodeDirectories = UTIF.decode as (bytes: Buffer, options: { parseMN: boolean; debug: boolean }) => UTIF.IFD[];
const decodeImage = UTIF.decodeImage as (bytes: Buffer, ifd: UTIF.IFD, ifds: UTIF.IFD[]) => void;

export class TiffPageError extends Error {}

export interface RawPage {
  data: Buffer;
  width: number;
  height: number;
  channels: 4;
}

/**
 * The file's bytes, made safe for UTIF as described above; and how many pages (top-level
 * directories) it has. Throws for what is not a classic TIFF (BigTIFF is libvips's alone).
 */
function sanitised(file: string): { bytes: Buffer; pages: number; truncated: boolean } {
  const size = fs.statSync(file).size;
  if (size > MAX_TIFF_FALLBACK_BYTES) throw new TiffPageError(`the file is over ${MAX_TIFF_FALLBACK_BYTES} bytes`);
  const bytes = fs.readFileSync(file);
  if (bytes.length < 8) throw new TiffPageError('the file ends before its picture does (it is truncated)');
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  const be = bytes[0] === 0x4d && bytes[1] === 0x4d;
  const u16 = (o: number) => (le ? bytes.readUInt16LE(o) : bytes.readUInt16BE(o));
  const u32 = (o: number) => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o));
  const w16 = (o: number, v: number) => (le ? bytes.writeUInt16LE(v, o) : bytes.writeUInt16BE(v, o));
  const w32 = (o: number, v: number) => (le ? bytes.writeUInt32LE(v, o) : bytes.writeUInt32BE(v, o));
  if ((!le && !be) || u16(2) !== 42) throw new TiffPageError('its format or compression is not one we can draw');
  const seen = new Set<number>();
  let link = 4; // where the offset of the next directory is written
  let pages = 0;
  let truncated = false;
  for (;;) {
    const at = u32(link);
    if (at === 0) break;
    const count = at + 2 <= bytes.length ? u16(at) : 0;
    const end = at + 2 + count * 12 + 4;
    if (seen.has(at) || at < 8 || end > bytes.length || pages >= MAX_TIFF_PAGES) {
      // The chain ends here: a loop, too many pages, or a directory the file ends before.
      truncated = !seen.has(at) && end > bytes.length && pages > 0;
      w32(link, 0);
      break;
    }
    seen.add(at);
    pages++;
    for (let i = 0; i < count; i++) {
      const e = at + 2 + i * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const n = u32(e + 4);
      const unit = TYPE_SIZE[type];
      if (POINTER_TAGS.has(tag)) w16(e, IGNORED_TAG);
      if (unit === undefined || (n * unit > 4 && u32(e + 8) + n * unit > bytes.length)) w32(e + 4, 0);
    }
    link = end - 4;
  }
  return { bytes, pages, truncated };
}

function numbers(ifd: UTIF.IFD, tag: number): number[] | null {
  const v = ifd[`t${tag}`];
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : null;
}

/** A TIFF opened by the second decoder: its pages, each decoded on request. */
export class FallbackTiff {
  readonly pages: number;
  /** The file ends where a further page's directory should be: pages after `pages` are lost. */
  readonly truncated: boolean;
  private readonly bytes: Buffer;
  private ifds: UTIF.IFD[] | null = null;

  /** Throws a TiffPageError for what UTIF cannot even open (not a classic TIFF, too large). */
  constructor(file: string) {
    const { bytes, pages, truncated } = sanitised(file);
    this.bytes = bytes;
    this.pages = pages;
    this.truncated = truncated;
  }

  /** Page `page` (from 0) as RGBA pixels, or a TiffPageError saying in plain words why not. */
  decode(page: number): RawPage {
    const bytes = this.bytes;
    if (!this.ifds) {
      try {
        this.ifds = decodeDirectories(bytes, { parseMN: false, debug: false });
      } catch {
        this.ifds = [];
      }
    }
    const ifds = this.ifds;
    const ifd = page < this.pages ? ifds[page] : undefined;
    const width = ifd ? numbers(ifd, 256)?.[0] : undefined;
    const height = ifd ? numbers(ifd, 257)?.[0] : undefined;
    if (!ifd || !width || !height) throw new TiffPageError('its TIFF structure is damaged');
    if (width * height > MAX_IMAGE_PIXELS)
      throw new TiffPageError(`it is ${width}×${height} pixels, over the limit of ${MAX_IMAGE_PIXELS} pixels`);
    const tiled = numbers(ifd, 322) !== null;
    const offsets = numbers(ifd, tiled ? 324 : 273);
    if (!offsets || offsets.length === 0) throw new TiffPageError('its TIFF structure is damaged');
    let counts = numbers(ifd, tiled ? 325 : 279);
    if (!counts || counts.length < offsets.length) {
      // Writers that leave out StripByteCounts (libtiff refuses those for compressed data): each
      // strip runs to the next one, the last to the end of the file.
      const sorted = [...offsets].sort((a, b) => a - b);
      counts = offsets.map((o) => (sorted.find((s) => s > o) ?? bytes.length) - o);
      ifd[`t${tiled ? 325 : 279}`] = counts;
    }
    const lengths = counts;
    if (offsets.some((o, i) => o + lengths[i]! > bytes.length))
      throw new TiffPageError('the file ends before its picture does (it is truncated)');
    try {
      decodeImage(bytes, ifd, ifds);
    } catch {
      throw new TiffPageError('its picture data is damaged');
    }
    if (!ifd.data || ifd.data.length === 0) throw new TiffPageError('its format or compression is not one we can draw');
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length !== width * height * 4) throw new TiffPageError('its format or compression is not one we can draw');
    // The decoded page is not needed again: drop it so a long scan holds one page at a time.
    delete (ifd as { data?: Uint8Array }).data;
    return { data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length), width, height, channels: 4 };
  }
}
