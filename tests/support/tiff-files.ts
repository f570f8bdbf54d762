/**
 * TIFFs as archives have them, made at test time with libtiff's own tools (Debian's libtiff-tools,
 * taken by debian-files.ts, never installed nor committed): pages of known text in CCITT G3 (1-D
 * and 2-D), G4, LZW, JPEG and PackBits, joined into multi-page files by tiffcp; and damaged ones
 * (a page without StripOffsets, a G4 page without StripByteCounts, a truncated file) made by
 * editing the directory bytes libtiff wrote.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { debianFiles } from './debian-files';

const TOOLS = ['tiffcp', 'ppm2tiff', 'tiff2pdf'] as const;
type Tool = (typeof TOOLS)[number];

/** Runs one of libtiff's tools, from the Debian package, against libtiff6 (the machine's or the package's). */
export function libtiff(tool: Tool, args: string[]): void {
  const bins = debianFiles(
    'libtiff-tools',
    TOOLS.map((t) => `/usr/bin/${t}`),
  );
  const [libDir] = debianFiles('libtiff6', ['/usr/lib/x86_64-linux-gnu/']);
  const bin = bins[TOOLS.indexOf(tool)]!;
  try {
    execFileSync(bin, args, {
      env: { ...process.env, LD_LIBRARY_PATH: libDir },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** A grey page (one byte a pixel) as binary PGM, or thresholded to one bit a pixel as PBM. */
function netpbm(grey: Buffer, width: number, height: number, bilevel: boolean): Buffer {
  if (!bilevel) return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), grey]);
  const row = Math.ceil(width / 8);
  const bits = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (grey[y * width + x]! < 128) bits[y * row + (x >> 3)]! |= 0x80 >> (x & 7);
  return Buffer.concat([Buffer.from(`P4\n${width} ${height}\n`), bits]);
}

export type Compression = 'g3' | 'g3:2d' | 'g4' | 'lzw' | 'jpeg' | 'packbits' | 'none';

/** One page of pixels as a TIFF in the given compression (CCITT ones bilevel, the others grey). */
export function pageTiff(
  dir: string,
  name: string,
  page: { grey: Buffer; width: number; height: number },
  compression: Compression,
  opts: { oneStrip?: boolean } = {},
): string {
  const bilevel = compression.startsWith('g3') || compression === 'g4';
  const pnm = path.join(dir, `${name}.${bilevel ? 'pbm' : 'pgm'}`);
  fs.writeFileSync(pnm, netpbm(page.grey, page.width, page.height, bilevel));
  const plain = path.join(dir, `${name}.plain.tif`);
  libtiff('ppm2tiff', ['-R', '300', pnm, plain]);
  const out = path.join(dir, `${name}.tif`);
  // One strip holds the page as one coded block (a JBIG2 MMR region is one block too).
  libtiff('tiffcp', ['-c', compression, ...(opts.oneStrip ? ['-r', String(page.height)] : []), plain, out]);
  fs.rmSync(plain);
  fs.rmSync(pnm);
  return out;
}

/** Pages joined into one TIFF, each keeping its own compression. */
export function joinTiffs(pages: string[], out: string): string {
  libtiff('tiffcp', [...pages, out]);
  return out;
}

/** A TIFF (or TIFFs) as a PDF: tiff2pdf keeps G4 data as CCITTFaxDecode, the scanned PDF archives hold. */
export function tiffToPdf(tiff: string, out: string): string {
  libtiff('tiff2pdf', ['-o', out, tiff]);
  return out;
}

/** Offsets of a little-endian TIFF's directories, in chain order. */
function directories(bytes: Buffer): number[] {
  if (bytes.toString('latin1', 0, 2) !== 'II')
    throw new Error('expected a little-endian TIFF (libtiff writes those here)');
  const out: number[] = [];
  for (
    let at = bytes.readUInt32LE(4);
    at !== 0 && !out.includes(at);
    at = bytes.readUInt32LE(at + 2 + bytes.readUInt16LE(at) * 12)
  )
    out.push(at);
  return out;
}

/**
 * A copy of a TIFF in which directory `index` has lost a tag (renamed to a private tag number that
 * no reader knows): 273 StripOffsets gives libtiff's "missing required StripOffsets" of the issue.
 */
export function withoutTag(bytes: Buffer, index: number, tag: number): Buffer {
  const copy = Buffer.from(bytes);
  const at = directories(copy)[index];
  if (at === undefined) throw new Error(`no directory ${index}`);
  let found = false;
  for (let i = 0; i < copy.readUInt16LE(at); i++) {
    const e = at + 2 + i * 12;
    if (copy.readUInt16LE(e) === tag) {
      copy.writeUInt16LE(65_001, e);
      found = true;
    }
  }
  if (!found) throw new Error(`directory ${index} has no tag ${tag}`);
  return copy;
}

/** The value of a tag (its first number) in directory `index` of a little-endian TIFF, or null. */
function tagValue(bytes: Buffer, index: number, tag: number): number | null {
  const at = directories(bytes)[index]!;
  for (let i = 0; i < bytes.readUInt16LE(at); i++) {
    const e = at + 2 + i * 12;
    if (bytes.readUInt16LE(e) !== tag) continue;
    return bytes.readUInt16LE(e + 2) === 3 ? bytes.readUInt16LE(e + 8) : bytes.readUInt32LE(e + 8);
  }
  return null;
}

/** A JBIG2 segment header (PDF embedded organisation: no file header) and its data. */
function segment(number: number, type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(11);
  head.writeUInt32BE(number, 0);
  head[4] = type; // 1-byte page association, retained
  head[5] = 0; // refers to no segment
  head[6] = 1; // page 1
  head.writeUInt32BE(data.length, 7);
  return Buffer.concat([head, data]);
}

/**
 * A one-page G4 TIFF's page as a JBIG2 stream: JBIG2's generic region in MMR mode is coded
 * exactly as CCITT T.6 (G4), so the strip libtiff wrote becomes the region's data as it is. Debian
 * has no JBIG2 encoder (jbig2enc is not packaged); this is the lossless JBIG2 of a fax scan.
 */
export function g4ToJbig2(g4Tiff: Buffer): { jbig2: Buffer; width: number; height: number } {
  const width = tagValue(g4Tiff, 0, 256)!;
  const height = tagValue(g4Tiff, 0, 257)!;
  if (tagValue(g4Tiff, 0, 259) !== 4) throw new Error('expected a CCITT G4 TIFF');
  const offset = tagValue(g4Tiff, 0, 273)!;
  const length = tagValue(g4Tiff, 0, 279)!;
  if ((tagValue(g4Tiff, 0, 278) ?? height) < height) throw new Error('expected the page in one strip (oneStrip)');
  const pageInfo = Buffer.alloc(19);
  pageInfo.writeUInt32BE(width, 0);
  pageInfo.writeUInt32BE(height, 4);
  // resolutions unknown (0), flags 0: default pixel white, striping none
  const region = Buffer.alloc(18);
  region.writeUInt32BE(width, 0);
  region.writeUInt32BE(height, 4);
  // x = y = 0, combination operator OR (0); generic region flags: MMR = 1
  region[17] = 0x01;
  const jbig2 = Buffer.concat([
    segment(0, 48, pageInfo), // page information
    segment(1, 39, Buffer.concat([region, g4Tiff.subarray(offset, offset + length)])), // immediate lossless generic region
    segment(2, 49, Buffer.alloc(0)), // end of page
  ]);
  return { jbig2, width, height };
}
