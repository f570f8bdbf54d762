/**
 * Where the desktop window's own pages come from, told apart by parsing URLs (never by comparing
 * prefixes: "app://renderer.evil/" or "file:///…/index.html.evil" must not pass). The renderer is
 * served from a privileged custom scheme, app://renderer/, not file:// (Electron's security
 * checklist: file:// pages get more privileges than any web page, and every file on the disk is
 * same-scheme to them). In development it comes from electron-vite's server on localhost.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** The origin of the window's pages in a built app. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's entry page. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin the window's pages have: the app's scheme, or the development server's. */
export function appOrigin(devUrl?: string): string {
  const dev = devUrl ? parse(devUrl) : null;
  return dev ? dev.origin : APP_ORIGIN;
}

/**
 * Whether a URL is one of the window's own pages: app://renderer/… (no user, password or port),
 * or, in development, a page of the development server (same origin, loopback only).
 */
export function isTrustedUrl(url: string, devUrl?: string): boolean {
  const u = parse(url);
  if (!u || u.username !== '' || u.password !== '') return false;
  if (devUrl) {
    const dev = parse(devUrl);
    const loopback =
      dev !== null && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1' || dev.hostname === '[::1]');
    if (dev && loopback && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin)
      return true;
  }
  // Chromium lower-cases a standard scheme's host; Node's URL keeps a custom scheme's as written.
  return u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '';
}

/**
 * CORS headers of the stored-file protocol (civic-file:): the window's own origin, exactly — a
 * wildcard would let any page that could load civic-file: read what it answers.
 */
export function fileProtocolCors(devUrl?: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': appOrigin(devUrl), Vary: 'Origin' };
}
