/**
 * What the CLI prints reaches a terminal, and much of it is stored text that came from anyone: a
 * title imported from a RIS file, a file name, a publisher from a CSV row. A terminal obeys control
 * characters in what it is sent, so such a title could set the window title (ESC ]0;…), clear the
 * screen (ESC [2J), move the cursor to overwrite earlier lines (CR, ESC [A), or — through a bidi
 * override — show text in an order other than the one stored. So every line the CLI prints passes
 * through terminalSafe (runCli wraps the output function given to every command, and its own
 * messages on stderr), and such characters are shown as visible escapes instead.
 *
 * Escaped, as \uXXXX:
 * - C0 controls except TAB and LF (which the CLI's own layout uses, and which lay out a stored
 *   description as the user wrote it), and CR except right before LF (a CRLF line end, as in a CSV
 *   export printed to stdout, moves the cursor nowhere a plain LF would not); so ESC, BEL, BS and
 *   a lone CR, which returns to the start of the line to print over it, are escaped;
 * - DEL and the C1 controls U+0080–U+009F (U+009B is a one-byte CSI in some terminals);
 * - the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 (the characters of
 *   "Trojan Source", CVE-2021-42574): they reorder everything after them up to the end of the line.
 *   The bidi marks U+200E, U+200F and U+061C stay: they are common and needed in right-to-left
 *   text, affect only neighbouring neutral characters, and cannot open a state that lasts;
 * - the line and paragraph separators U+2028 and U+2029 (some terminals break the line there);
 * - lone UTF-16 surrogates, which cannot be written as UTF-8 (they would become U+FFFD silently).
 *
 * The \uXXXX form (rather than \x1b) is chosen because it is also a JSON escape of the same
 * character: applied to --json output, which JSON.stringify leaves holding raw C1 controls, bidi
 * controls and U+2028/U+2029, it keeps the JSON valid and its values unchanged, so one rule serves
 * both outputs and no command can print either kind unescaped. In human output a stored backslash
 * followed by "u001b" reads the same as an escaped ESC; the escapes are for safe display, not a
 * lossless encoding (--json, or an export with --out FILE, gives the stored text exactly).
 */

const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every character that could steer a terminal shown as a \uXXXX escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}
