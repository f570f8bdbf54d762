/**
 * Arguments that are not UTF-8. Node decodes the command line lossily: a byte sequence that is not
 * UTF-8 (a Latin-1 "é" typed in a terminal set to another encoding, a file name from an old disk)
 * arrives in process.argv as U+FFFD, and `add --title` would store a title that is not what the user
 * typed, with no error. By the time process.argv exists the bytes are gone, so they are read again
 * from the operating system where it keeps them, and an argument that is not UTF-8 is refused.
 *
 * - Linux: /proc/self/cmdline holds the arguments as the exec call received them, NUL-separated;
 *   the last ones are this program's arguments (before them: node, its options, the script). They
 *   are only trusted when decoding them lossily gives exactly process.argv's words, so a changed
 *   process title or a truncated cmdline (old kernels stop at one page) falls back to the rule below.
 * - Elsewhere (macOS has no /proc; Windows hands programs UTF-16, where the problem is a lone
 *   surrogate, which Node also turns into U+FFFD) the raw arguments cannot be read, so an argument
 *   holding U+FFFD is refused: it is almost always what a lost byte became. This refuses the rare
 *   argument that holds U+FFFD on purpose; such text can still come in through a UTF-8 file.
 */
import fs from 'node:fs';
import { terminalSafe } from './terminal';

// ignoreBOM: a leading U+FEFF is kept as Node keeps it in process.argv, not dropped.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** This process's last `count` arguments as raw bytes, when the OS keeps them and they match process.argv's words. */
function rawArguments(words: readonly string[]): Uint8Array[] | null {
  if (process.platform !== 'linux') return null;
  let cmdline: Buffer;
  try {
    cmdline = fs.readFileSync('/proc/self/cmdline');
  } catch {
    return null;
  }
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < cmdline.length; i++) {
    if (cmdline[i] === 0) {
      parts.push(cmdline.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < cmdline.length) parts.push(cmdline.subarray(start));
  if (parts.length < words.length) return null;
  const mine = parts.slice(parts.length - words.length);
  return mine.every((bytes, i) => lossy.decode(bytes) === words[i]) ? mine : null;
}

/** The bytes shown as text, each byte that is not part of a UTF-8 character as \xNN. */
export function showBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  next: while (i < bytes.length) {
    // A UTF-8 character is 1 to 4 bytes: take the shortest slice from here that decodes.
    for (let len = 1; len <= 4 && i + len <= bytes.length; len++) {
      const piece = bytes.subarray(i, i + len);
      if (isUtf8(piece)) {
        out += terminalSafe(strict.decode(piece));
        i += len;
        continue next;
      }
    }
    out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
  }
  return out;
}

/**
 * The message refusing the first argument that is not UTF-8 text, or null when all are. `words`
 * are the program's arguments (process.argv.slice(2)), numbered from 1 in the message.
 */
export function argumentEncodingProblem(
  words: readonly string[],
  raw: Uint8Array[] | null = rawArguments(words),
): string | null {
  const advice = 'set the terminal (or the script) to UTF-8 and try again; nothing was done';
  if (raw) {
    const bad = raw.findIndex((bytes) => !isUtf8(bytes));
    if (bad < 0) return null;
    return `argument ${bad + 1} ("${showBytes(raw[bad]!)}") is not UTF-8 text: ${advice}`;
  }
  const bad = words.findIndex((w) => w.includes('\uFFFD'));
  if (bad < 0) return null;
  return `argument ${bad + 1} ("${terminalSafe(words[bad]!)}") holds U+FFFD (\uFFFD), what bytes that are not UTF-8 become: ${advice}`;
}
