/**
 * Which character encoding a text file is written in, decided from its bytes, and its text. One
 * detector for documents (their page text) and imports (BibTeX, RIS, CSV, CSL-JSON, XML), in the
 * main process and in the renderer: a byte-order mark, then (for web pages) the page's own meta
 * charset, then UTF-16 without a BOM, then valid UTF-8, then chardet's statistical guess among the
 * legacy encodings (GB18030/GBK, Big5, Shift-JIS, EUC-KR, Windows-125x, ISO-8859-x). Decoding is the
 * platform's TextDecoder (Node's full ICU, Chromium), which knows all of them. No Node here: the
 * renderer decodes the file the user chose before it is previewed.
 */
import chardet from 'chardet';

/** The detector reads at most this much: enough for a confident guess, cheap for a 64 MB file. */
const SAMPLE_BYTES = 64 * 1024;

export interface FoundEncoding {
  /** The WHATWG name TextDecoder uses (utf-8, utf-16le, gb18030, big5, shift_jis, windows-1252...). */
  encoding: string;
  /** Bytes of byte-order mark to skip before decoding. */
  bomLength: number;
  /** How it was decided: a clear mark in the file, or a guess from the bytes ('named': the user said). */
  source: 'bom' | 'meta' | 'utf-8' | 'utf-16' | 'detector' | 'fallback' | 'named';
}

/** A file that cannot be read in an encoding: `line` is the first line that is not of it (0: the name is unknown). */
export class EncodingProblem extends Error {
  readonly encoding: string;
  readonly line: number;
  constructor(message: string, encoding: string, line: number) {
    super(message);
    this.encoding = encoding;
    this.line = line;
  }
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
  // The head is ASCII in every encoding a page may declare (UTF-16 pages carry a BOM): a single-byte decoder reads it safely.
  const head = new TextDecoder('windows-1252').decode(buf.subarray(0, 4096));
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

/** The text of a file, and the encoding it was read in. */
export interface DecodedFile {
  text: string;
  encoding: string;
  /** True when the encoding was found from the bytes, false when the user named it. */
  detected: boolean;
}

/** The line (1-based) of the first character `label` cannot decode in `bytes`. */
function badLine(bytes: Uint8Array, label: string): number {
  const text = new TextDecoder(label).decode(bytes);
  return text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
}

/**
 * Decodes an imported file's bytes; `encoding` is a WHATWG label ("windows-1252", "gb18030") the
 * user named, or left out to detect. A named encoding is held to: a byte that is not of it is an
 * error naming the line, never a silent U+FFFD. A detected one is what the file most likely is: a
 * file that is valid UTF-8 (or marked) is read strictly; a legacy guess is read as guessed, and
 * the user sees which encoding was used and can name another.
 */
export function decodeFileBytes(bytes: Uint8Array, encoding?: string): DecodedFile {
  if (encoding?.trim()) {
    const label = decoderName(encoding);
    if (!label || label === 'replacement')
      throw new EncodingProblem(
        `"${encoding}" is not an encoding this app knows (e.g. utf-8, windows-1252, gb18030)`,
        encoding,
        0,
      );
    // A BOM of the encoding named is not text; a BOM of another says the name is wrong, which fatal decoding finds.
    const mark = bom(bytes);
    const start = mark && mark.encoding === label ? mark.bomLength : 0;
    try {
      return {
        text: new TextDecoder(label, { fatal: true }).decode(bytes.subarray(start)),
        encoding: label,
        detected: false,
      };
    } catch {
      const line = badLine(bytes, label);
      throw new EncodingProblem(`line ${line} is not ${label} text: is the encoding right?`, label, line);
    }
  }
  const found = findEncoding(bytes);
  if (found.source === 'bom' || found.source === 'utf-8' || found.source === 'utf-16') {
    try {
      const text = new TextDecoder(found.encoding, { fatal: true }).decode(bytes.subarray(found.bomLength));
      return { text, encoding: found.encoding, detected: true };
    } catch {
      // Valid in the first 64 KB, not further on: a file cut together from two encodings, or one the guess was wrong for.
      const line = badLine(bytes.subarray(found.bomLength), found.encoding);
      throw new EncodingProblem(
        `line ${line} is not ${found.encoding} text like the lines before it: name its encoding (e.g. windows-1252, gb18030, big5, shift_jis), or save it as UTF-8`,
        found.encoding,
        line,
      );
    }
  }
  return { text: decodeAs(bytes, found), encoding: found.encoding, detected: true };
}
