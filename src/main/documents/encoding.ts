/**
 * Which character encoding a text file is written in, decided from its bytes: a byte-order mark,
 * then (for web pages) the page's own meta charset, then valid UTF-8, then chardet's statistical
 * guess among the legacy encodings (GB18030/GBK, Big5, Shift-JIS, EUC-KR, Windows-125x, ISO-8859-x).
 * Decoding is Node's full-ICU TextDecoder, which knows all of them.
 */
import { stripVTControlCharacters } from 'node:util';
import chardet from 'chardet';

/** The detector reads at most this much: enough for a confident guess, cheap for a 64 MB file. */
const SAMPLE_BYTES = 64 * 1024;

export interface FoundEncoding {
  /** The WHATWG name TextDecoder uses (utf-8, utf-16le, gb18030, big5, shift_jis, windows-1252...). */
  encoding: string;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
  /** How it was decided: a clear mark in the file, or a guess from the bytes. */
  source: 'bom' | 'meta' | 'utf-8' | 'utf-16' | 'detector' | 'fallback';
}

/** The TextDecoder name for a label, or null when TextDecoder does not know it. */
function decoderName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bom(buf: Uint8Array): FoundEncoding | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, source: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, source: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, source: 'bom' };
  return null;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in a page's first bytes. */
function metaCharset(buf: Uint8Array): string | null {
  // The head is ASCII in every encoding a page may declare (UTF-16 pages carry a BOM): latin1 reads it safely.
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 4096)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const label = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    const name = label ? decoderName(label) : null;
    // A page saying UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as UTF-8).
    if (name) return name.startsWith('utf-16') ? 'utf-8' : name;
  }
  return null;
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: a character cut by the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: one byte of most ASCII-range characters is zero, always at the same parity. */
function utf16WithoutBom(sample: Uint8Array): string | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The encoding of a text, from its first bytes (`html`: the page's meta charset is read too). */
export function findEncoding(buf: Uint8Array, opts: { html?: boolean } = {}): FoundEncoding {
  const marked = bom(buf);
  if (marked) return marked;
  const sample = buf.subarray(0, SAMPLE_BYTES);
  if (opts.html) {
    const meta = metaCharset(sample);
    if (meta) return { encoding: meta, bomLength: 0, source: 'meta' };
  }
  // Before UTF-8: ASCII in UTF-16 is also valid UTF-8 (zero bytes are legal), just not what was meant.
  const wide = utf16WithoutBom(sample);
  if (wide) return { encoding: wide, bomLength: 0, source: 'utf-16' };
  if (isUtf8(sample)) return { encoding: 'utf-8', bomLength: 0, source: 'utf-8' };
  for (const guess of chardet.analyse(sample)) {
    const name = decoderName(guess.name);
    // UTF-8 was ruled out above; UTF-32 and friends are not texts people keep.
    if (name && name !== 'utf-8' && !name.startsWith('utf-16') && name !== 'replacement')
      return { encoding: name, bomLength: 0, source: 'detector' };
  }
  return { encoding: 'windows-1252', bomLength: 0, source: 'fallback' };
}

/** Decodes bytes in the encoding found (the BOM dropped); bad sequences become U+FFFD, never an error. */
export function decodeAs(buf: Uint8Array, found: FoundEncoding): string {
  return new TextDecoder(found.encoding).decode(buf.subarray(found.bomLength));
}

/** Terminal escape sequences (ANSI colours, cursor moves) from logs and captured output: not words. */
export function stripTerminalCodes(text: string): string {
  return stripVTControlCharacters(text);
}
