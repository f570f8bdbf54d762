/**
 * Hostile files, made on the spot in a temp folder (none is committed): each is small on disk
 * (the 100 MB text aside) and built to trip one parser — loops, nesting, bombs, lying headers.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A PDF from object bodies (object n is bodies[n-1]); object 1 must be the catalogue. */
export function rawPdf(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  bodies.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(b);
    at += b.length;
  });
  const xref = [
    `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer) =>
  Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

/** /Kids of the page tree points back at itself. */
export function selfReferencingPageTree(): Buffer {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
}

/** One page whose resources hold an array nested `depth` deep. */
export function deeplyNestedPdf(depth = 100_000): Buffer {
  const nested = '['.repeat(depth) + ']'.repeat(depth);
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Deep ${nested} >> >>`,
    stream('', Buffer.from('BT /F1 12 Tf 72 720 Td (deep) Tj ET')),
  ]);
}

/**
 * Deflate of `chunks` × 1 MiB of zeros, made without ever holding the zeros: each 1 MiB chunk is
 * compressed after a full flush, so every chunk's bytes are the same and can be repeated.
 */
function deflatedZeros(chunks: number): Buffer {
  const zero = Buffer.alloc(1 << 20);
  const d = zlib.createDeflateRaw({ level: 9 });
  const pieces: Buffer[] = [];
  d.on('data', (b: Buffer) => pieces.push(b));
  // Synchronously: write + flush via the internal sync API is not public, so use deflateRawSync on one chunk twice.
  void d;
  const one = zlib.deflateRawSync(zero, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0)); // a final empty block
  const header = Buffer.from([0x78, 0xda]);
  // adler32 of n zero bytes: a = 1, b = n mod 65521.
  const n = chunks * (1 << 20);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n % 65521) << 16) | 1) >>> 0);
  const body = Buffer.alloc(one.length * chunks);
  for (let i = 0; i < chunks; i++) one.copy(body, i * one.length);
  return Buffer.concat([header, body, end, adler]);
}

/**
 * A page whose content stream is Flate inside Flate: a few KB on disk, `gib` GiB of zeros once
 * decoded (a zip bomb in PDF clothing).
 */
export function flateBombPdf(gib = 4): Buffer {
  const inner = deflatedZeros(gib * 1024);
  const outer = zlib.deflateSync(inner, { level: 9 });
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream('/Filter [/FlateDecode /FlateDecode]', outer),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A PNG whose header claims width × height pixels (grey, 8-bit) with a tiny image stream. */
export function hugePng(width = 30_000, height = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const idat = zlib.deflateSync(Buffer.alloc(width + 1));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A little-endian TIFF IFD entry. */
function ifdEntry(tag: number, type: number, count: number, value: number): Buffer {
  const e = Buffer.alloc(12);
  e.writeUInt16LE(tag, 0);
  e.writeUInt16LE(type, 2);
  e.writeUInt32LE(count, 4);
  if (type === 3 && count === 1) e.writeUInt16LE(value, 8);
  else e.writeUInt32LE(value, 8);
  return e;
}

/** A TIFF whose first IFD names itself as the next one (a loop) and whose strip lies beyond the file. */
export function corruptTiff(): Buffer {
  const entries = [
    ifdEntry(256, 3, 1, 64), // width
    ifdEntry(257, 3, 1, 64), // height
    ifdEntry(258, 3, 1, 8),
    ifdEntry(259, 3, 1, 1),
    ifdEntry(262, 3, 1, 1),
    ifdEntry(273, 4, 1, 0x7fff_fff0), // StripOffsets: far past the end
    ifdEntry(277, 3, 1, 1),
    ifdEntry(278, 3, 1, 64),
    ifdEntry(279, 4, 1, 4096),
  ];
  const ifd = Buffer.concat([Buffer.from([entries.length, 0]), ...entries, Buffer.alloc(4)]);
  ifd.writeUInt32LE(8, ifd.length - 4); // next IFD = this one
  return Buffer.concat([Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]), ifd]);
}

/**
 * A one-page TIFF whose directory says `width` × `height` bilevel pixels in CCITT G4, with a few
 * bytes of data: a decompression bomb for fax scans (G4 codes a white row in a few bits).
 */
export function g4BombTiff(width = 200_000, height = 200_000): Buffer {
  const data = Buffer.alloc(64, 0xff);
  const entries = [
    ifdEntry(256, 4, 1, width),
    ifdEntry(257, 4, 1, height),
    ifdEntry(258, 3, 1, 1),
    ifdEntry(259, 3, 1, 4), // CCITT G4
    ifdEntry(262, 3, 1, 0),
    ifdEntry(273, 4, 1, 8),
    ifdEntry(277, 3, 1, 1),
    ifdEntry(278, 4, 1, height),
    ifdEntry(279, 4, 1, data.length),
  ];
  const ifd = Buffer.concat([Buffer.from([entries.length, 0]), ...entries, Buffer.alloc(4)]);
  const header = Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0]);
  header.writeUInt32LE(8 + data.length, 4);
  return Buffer.concat([header, data, ifd]);
}

/**
 * A TIFF whose only directory claims 2³¹ values for a tag (a reader that trusts counts reads for
 * ever) and whose next-directory pointer lies past the end of the file.
 */
export function hugeCountTiff(): Buffer {
  const entries = [
    ifdEntry(256, 3, 1, 64),
    ifdEntry(257, 3, 1, 64),
    ifdEntry(258, 3, 1, 8),
    ifdEntry(259, 3, 1, 5), // LZW
    ifdEntry(262, 3, 1, 1),
    ifdEntry(273, 4, 0x7fff_ffff, 8), // StripOffsets: 2³¹ of them
    ifdEntry(277, 3, 1, 1),
    ifdEntry(279, 4, 0x7fff_ffff, 8),
  ];
  const ifd = Buffer.concat([Buffer.from([entries.length, 0]), ...entries, Buffer.alloc(4)]);
  ifd.writeUInt32LE(0x7fff_0000, ifd.length - 4);
  return Buffer.concat([Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]), ifd]);
}

/** A small valid JPEG (grey 8×8) with an APP1 Exif segment spliced in after SOI. */
function jpegWithApp1(exifTiff: Buffer, baseJpeg: Buffer): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([baseJpeg.subarray(0, 2), seg, payload, baseJpeg.subarray(2)]);
}

/** JPEGs with broken EXIF: an IFD claiming 65,535 entries, and an IFD that points to itself. */
export function brokenExifJpegs(baseJpeg: Buffer): { hugeCount: Buffer; selfLoop: Buffer } {
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  const huge = Buffer.concat([header, Buffer.from([0xff, 0xff]), ifdEntry(0x010f, 2, 0x7fff_ffff, 8), Buffer.alloc(4)]);
  const loopIfd = Buffer.concat([
    Buffer.from([2, 0]),
    ifdEntry(0x8769, 4, 1, 8),
    ifdEntry(0x010f, 2, 4, 0x0041_4141),
    Buffer.alloc(4),
  ]);
  loopIfd.writeUInt32LE(8, loopIfd.length - 4); // IFD0 -> next IFD is IFD0; its Exif pointer is IFD0 too
  return {
    hugeCount: jpegWithApp1(huge, baseJpeg),
    selfLoop: jpegWithApp1(Buffer.concat([header, loopIfd]), baseJpeg),
  };
}

/** A text file of `bytes` bytes on one line (no newline), written in pieces. */
export function writeOneLineText(file: string, bytes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    const piece = Buffer.from('civic archive hostile line '.repeat(40_000));
    for (let left = bytes; left > 0; left -= piece.length) fs.writeSync(fd, piece, 0, Math.min(piece.length, left));
  } finally {
    fs.closeSync(fd);
  }
}

export function writeAll(dir: string, files: Record<string, Buffer>): string[] {
  return Object.entries(files).map(([name, data]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  });
}
