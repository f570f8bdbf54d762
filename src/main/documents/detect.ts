/**
 * What a file is, from its content (magic bytes), never from its name: file-type knows the binary
 * formats; text and HTML, which have no magic number, are recognised by sniffing the first bytes.
 */
import fs from 'node:fs';
import { fileTypeFromBuffer } from 'file-type';

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
]);

function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // A cut in the middle of a multi-byte character at the end of the sample is not an error.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 3) return false;
  const controls = (text.match(/[\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  return controls <= text.length / 100;
}

function looksLikeHtml(head: Buffer): boolean {
  const start = head
    .toString('utf8', 0, Math.min(head.length, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  return /^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/.test(start) || /<head[\s>]|<body[\s>]|<title>/.test(start);
}

function detectBuffer(head: Buffer, fromMagic: string | undefined): Detected {
  if (fromMagic) {
    // file-type reports XML-ish HTML as application/xml sometimes; trust a clear HTML head.
    if (fromMagic === 'application/xml' && looksLikeHtml(head)) return { mediaType: 'text/html', kind: 'html' };
    return { mediaType: fromMagic, kind: kindOf(fromMagic) };
  }
  if (head.length > 0 && looksLikeText(head)) {
    return looksLikeHtml(head) ? { mediaType: 'text/html', kind: 'html' } : { mediaType: 'text/plain', kind: 'text' };
  }
  return { mediaType: 'application/octet-stream', kind: 'other' };
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
  const magic = await fileTypeFromBuffer(head).catch(() => undefined);
  return detectBuffer(head, magic?.mime);
}
