/**
 * The text of an imported file, from its bytes. Told apart without guessing: a byte-order mark
 * (UTF-8, UTF-16LE, UTF-16BE), UTF-16 without one (every other byte zero in ASCII-heavy text), and
 * otherwise UTF-8, which a file in another encoding almost never is by accident. Any other encoding
 * (Windows-1252, GB18030, Big5, Shift-JIS...) is named by the user and decoded by the platform's
 * TextDecoder.
 */
export class EncodingProblem extends Error {}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes a file's bytes; `encoding` is a WHATWG encoding label ("windows-1252", "gb18030"), or left out to detect. */
export function decodeFileBytes(bytes: Uint8Array, encoding?: string): string {
  let label = encoding?.trim().toLowerCase();
  if (label) {
    try {
      new TextDecoder(label);
    } catch {
      throw new EncodingProblem(`"${encoding}" is not an encoding this app knows (e.g. utf-8, windows-1252, gb18030)`);
    }
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else label = utf16WithoutBom(bytes) ?? 'utf-8';
  try {
    // fatal: a byte that is not of this encoding is an error, never a silent U+FFFD.
    return new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const text = new TextDecoder(label).decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new EncodingProblem(
      encoding
        ? `line ${line} is not ${label} text: is the encoding right?`
        : `line ${line} is not UTF-8 text: name its encoding (e.g. windows-1252, gb18030, big5, shift_jis), or save it as UTF-8`,
    );
  }
}
