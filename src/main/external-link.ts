/**
 * Which links may leave the app for the system browser or mail client. Parsed with URL (never
 * matched as a string prefix), so "javascript:", "file:", "https:" with a user-info trick or a
 * malformed URL never reach shell.openExternal.
 */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** The normalised URL to hand to the OS, or null when the link must not leave the app. */
export function externalLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  // http(s) links need a host; a credentials part only serves to disguise where a link goes.
  if (url.protocol !== 'mailto:' && (!url.hostname || url.username || url.password)) return null;
  return url.href;
}
