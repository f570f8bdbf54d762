/**
 * What a file is, from its content (magic bytes), never from its name: file-type knows the binary
 * formats; text and HTML, which have no magic number, are recognised by sniffing the first bytes,
 * decoded in the encoding they appear to be written in (see src/shared/text-encoding.ts).
 */
import fs from 'node:fs';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { decodeAs, findEncoding } from '../../shared/text-encoding';
import { stripTerminalCodes } from './encoding';

export type FileKind = 'pdf' | 'image' | 'text' | 'html' | 'audio' | 'video' | 'other';

export interface Detected {
  mediaType: string;
  kind: FileKind;
}

const SNIFF_BYTES = 64 * 1024;

export function kindOf(mediaType: string): FileKind {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'text/html') return 'html';
  if (mediaType === 'text/plain') return 'text';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  return 'other';
}

/** Images we can decode and read (sharp); other image types are kept as plain attachments. */
export const READABLE_IMAGES = new Set([
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/webp',
  'image/gif',
  'image/bmp',
  // HEIF pictures: AVIF (AV1) is drawn by sharp's libvips; HEIC (HEVC) is not, and is kept with its
  // size, metadata and the reason (extract/image.ts).
  'image/avif',
  'image/heic',
  'image/heif',
]);

/** A head that decodes (in the encoding its bytes suggest) to text, not to binary noise. */
function looksLikeText(head: Buffer, text: string, encoding: string): boolean {
  // UTF-16 is full of zero bytes; in any other encoding a zero byte means binary.
  if (!encoding.startsWith('utf-16') && head.includes(0)) return false;
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 3 + text.length / 1000) return false;
  // Colour codes in a captured log are escape characters, but the file is text all the same.
  const plain = stripTerminalCodes(text);
  const controls = (plain.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g) ?? []).length;
  return controls <= plain.length / 100;
}

function looksLikeHtml(text: string): boolean {
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  return /^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/.test(start) || /<head[\s>]|<body[\s>]|<title>/.test(start);
}

function detectBuffer(head: Buffer, fromMagic: string | undefined): Detected {
  if (fromMagic) {
    // file-type reports XML-ish HTML as application/xml sometimes; trust a clear HTML head.
    if (fromMagic === 'application/xml' && looksLikeHtml(head.toString('utf8', 0, Math.min(head.length, 4096))))
      return { mediaType: 'text/html', kind: 'html' };
    return { mediaType: fromMagic, kind: kindOf(fromMagic) };
  }
  if (head.length === 0) return { mediaType: 'application/octet-stream', kind: 'other' };
  // Text is decided by what the bytes decode to in their own encoding, not by a UTF-8 check.
  const found = findEncoding(head, { html: true });
  const text = decodeAs(head, found);
  if (looksLikeText(head, text, found.encoding)) {
    return looksLikeHtml(text) ? { mediaType: 'text/html', kind: 'html' } : { mediaType: 'text/plain', kind: 'text' };
  }
  return { mediaType: 'application/octet-stream', kind: 'other' };
}

/** "II*\0" or "MM\0*" (classic TIFF), "II+\0" or "MM\0+" (BigTIFF). */
function isTiffHeader(head: Buffer): boolean {
  if (head.length < 8) return false;
  const order = head.toString('latin1', 0, 2);
  if (order === 'II') return head.readUInt16LE(2) === 42 || head.readUInt16LE(2) === 43;
  if (order === 'MM') return head.readUInt16BE(2) === 42 || head.readUInt16BE(2) === 43;
  return false;
}

export async function detectFile(file: string): Promise<Detected> {
  const handle = await fs.promises.open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  let magic = await fileTypeFromBuffer(head).catch(() => undefined);
  // A TIFF's first directory may lie anywhere, and libtiff writes it after the pixels: in a scan of a
  // few hundred KB it is past the head, where file-type cannot look. It can seek in the file itself.
  if (!magic && isTiffHeader(head)) magic = await fileTypeFromFile(file).catch(() => undefined);
  return detectBuffer(head, magic?.mime);
}
