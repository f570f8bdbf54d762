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
): string {
  const bilevel = compression.startsWith('g3') || compression === 'g4';
  const pnm = path.join(dir, `${name}.${bilevel ? 'pbm' : 'pgm'}`);
  fs.writeFileSync(pnm, netpbm(page.grey, page.width, page.height, bilevel));
  const plain = path.join(dir, `${name}.plain.tif`);
  libtiff('ppm2tiff', ['-R', '300', pnm, plain]);
  const out = path.join(dir, `${name}.tif`);
  libtiff('tiffcp', ['-c', compression, plain, out]);
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
