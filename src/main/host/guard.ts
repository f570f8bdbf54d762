/**
 * Who may talk to the browser host: only a page from this very host (Host and Origin are the
 * loopback address it serves — DNS rebinding and cross-site requests are refused) that holds the
 * random token printed at start.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'civic_archive_token';
export const TOKEN_HEADER = 'x-archive-token';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Why a request is refused, or null when it may proceed. */
export function refusal(req: IncomingMessage, url: URL, token: string, port: number): string | null {
  const hosts = allowedHosts(port);
  if (!hosts.has(req.headers.host ?? '')) return 'wrong Host header';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !hosts.has(origin.replace(/^http:\/\//, '')))
    return 'cross-origin request';
  if (origin === 'null') return 'cross-origin request';
  // Any one of them will do: cookies are not kept per port, so after a restart on another port the
  // browser still sends the last host's cookie beside the new printed URL's token, and taking the
  // cookie first refused the very address the user was told to open.
  const offered = [req.headers[TOKEN_HEADER], cookieToken(req), url.searchParams.get('token')].filter(
    (t): t is string => typeof t === 'string' && t.length > 0,
  );
  if (!offered.some((t) => sameToken(t, token))) return 'missing or wrong token';
  return null;
}
