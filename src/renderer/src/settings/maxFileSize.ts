/** The file size limit as the settings form edits it: megabytes in a text field, bytes in the library. */
const MB = 1024 * 1024;

export function bytesToMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** "" → null (the default); "250" or "0.5" → bytes; anything else → undefined (not a size). */
export function megabytesToBytes(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const bytes = Math.round(Number(trimmed) * MB);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}
