/**
 * Text of documents: the encoding is found by the detector documents and imports share
 * (src/shared/text-encoding.ts); what only documents need is here.
 */
import { stripVTControlCharacters } from 'node:util';

/** Terminal escape sequences (ANSI colours, cursor moves) from logs and captured output: not words. */
export function stripTerminalCodes(text: string): string {
  return stripVTControlCharacters(text);
}
