/**
 * The browser host: the built renderer and the service over HTTP on 127.0.0.1 only. The same
 * renderer runs here as in the desktop app, talking to the same service through `POST /api/<channel>`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Service } from '../service/service';
import { receiveUpload, serveSearchablePdf, serveStoredFile } from '../documents/serve';
import { serveSearchSnapshot } from '../search/serve-snapshot';
import { bodyLimit, DepthScan, MAX_BODY_BYTES, tooDeep, tooLarge, type BodyRefusal } from './body-limits';
import { CONTENT_TYPES } from '../content-types';
import { refusal, TOKEN_COOKIE } from './guard';
import { archiveError } from '../../shared/result';
import { hostPathRule } from './paths';

export { MAX_BODY_BYTES };

const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface HostOptions {
  service: Service;
  rendererDir: string;
  faviconFile?: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** Serve stored files (GET /files/<sha256>) and take uploads (POST /upload) of this library. */
  files?: { libraryRoot: string; onUpload?: () => void };
  /**
   * Folders that paths given to path-taking channels (imports, bags, backups, openLibrary) may lie
   * in, besides the library open now (files.libraryRoot): the library the host started with and
   * each --allow-dir. Paths elsewhere are refused at this door (host/paths.ts).
   */
  allowDirs?: readonly string[];
}

export interface Host {
  url: string;
  baseUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/**
 * The body, or why it is refused: past the channel's size limit, or nested too deeply. Depth is
 * scanned as the body arrives, so a deep body is never buffered or parsed. A refused body's rest is
 * read and dropped, and the answer sent when it ends: a response sent while the client is still
 * sending makes Node close the connection, and the client, still writing, may see the reset instead
 * of the answer. Past MAX_BODY_BYTES the answer goes at once (and the connection closes).
 */
function readBody(req: http.IncomingMessage, channel: string): Promise<Buffer | BodyRefusal> {
  const limit = bodyLimit(channel);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const scan = new DepthScan();
    let size = 0;
    let refused: BodyRefusal | null = null;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!refused) {
        if (size <= limit && scan.feed(chunk)) return void chunks.push(chunk);
        refused = size > limit ? tooLarge(channel) : tooDeep(scan.exceededAt);
        chunks.length = 0;
      }
      if (size > MAX_BODY_BYTES) resolve(refused);
    });
    req.on('end', () => resolve(refused ?? Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(
  opts: HostOptions,
  channel: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (req.method !== 'POST')
    return sendJson(res, 405, {
      ok: false,
      error: archiveError('invalid_input', 'request_refused', { detail: 'use POST' }),
    });
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, {
      ok: false,
      error: archiveError('invalid_input', 'request_refused', {
        detail: 'the body must be JSON (Content-Type: application/json)',
      }),
    });
  }
  // Size (per channel) and nesting depth are checked on the bytes, before JSON.parse (body-limits.ts).
  const refuse = (why: BodyRefusal) =>
    send(
      res,
      why.status,
      'application/json; charset=utf-8',
      JSON.stringify({ ok: false, error: archiveError('invalid_input', 'request_refused', { detail: why.message }) }),
      {
        Connection: 'close',
      },
    );
  // A body declared larger than any channel takes is not read at all.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return refuse(tooLarge(channel));
  const body = await readBody(req, channel);
  if (!Buffer.isBuffer(body)) return refuse(body);
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch (error) {
      return sendJson(res, 400, {
        ok: false,
        error: archiveError('invalid_input', 'request_refused', {
          detail: `the body is not valid JSON: ${(error as Error).message}`,
        }),
      });
    }
  }
  // A door's request: internal channels refused, paths held to the library and the --allow-dir folders.
  const result = await opts.service.serve(channel, input, hostPathRule(opts.files?.libraryRoot, opts.allowDirs ?? []));
  sendJson(res, 200, result);
}

function serveStatic(opts: HostOptions, pathname: string, res: http.ServerResponse): void {
  if (pathname === '/favicon.ico' && opts.faviconFile && fs.existsSync(opts.faviconFile)) {
    return send(res, 200, 'image/x-icon', fs.readFileSync(opts.faviconFile));
  }
  const root = path.resolve(opts.rendererDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'text/plain', 'bad request: the path is not valid percent-encoding');
  }
  let file = path.resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'text/plain', 'not found');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Unknown paths that look like app routes get the app; unknown assets are 404.
    if (path.extname(pathname)) return send(res, 404, 'text/plain', 'not found');
    file = path.join(root, 'index.html');
  }
  if (!fs.existsSync(file))
    return send(res, 500, 'text/plain', `the renderer is not built (${file} is missing): run npm run build`);
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  send(res, 200, type, fs.readFileSync(file), type.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {});
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const why = refusal(req, url, token, port);
      if (why) {
        opts.log?.(`refused ${req.method} ${url.pathname}: ${why}`);
        return send(res, 403, 'text/plain; charset=utf-8', `Forbidden: ${why}`);
      }
      // Opening the printed URL trades the token for a cookie, and drops it from the address bar.
      if (url.searchParams.has('token') && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
        return send(res, 303, 'text/plain', 'see /', {
          Location: '/',
          'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      if (url.pathname.startsWith('/api/')) return handleApi(opts, url.pathname.slice(5), req, res);
      if (opts.files && url.pathname === '/upload') {
        if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
        const length = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
        const { status, result } = await receiveUpload(
          opts.service,
          opts.files.libraryRoot,
          url.searchParams,
          req,
          length,
        );
        if (status === 200) opts.files.onUpload?.();
        else req.resume(); // drain what was not read, so the answer reaches the client
        return sendJson(res, status, result);
      }
      const reading = req.method === 'GET' || req.method === 'HEAD';
      const { pathname } = url;
      const searchable = pathname.startsWith('/searchable/') && req.method === 'GET';
      if (
        opts.files &&
        (searchable || (reading && (pathname.startsWith('/files/') || pathname === '/search/snapshot')))
      ) {
        const root = opts.files.libraryRoot;
        const out = searchable
          ? await serveSearchablePdf(opts.service, root, pathname.slice(12))
          : pathname.startsWith('/files/')
            ? await serveStoredFile(opts.service, root, pathname.slice(7), req.headers.range)
            : await serveSearchSnapshot(() => opts.service.call('searchSnapshotInfo', {}), root);
        res.writeHead(out.status, { 'Referrer-Policy': 'no-referrer', ...out.headers });
        if (req.method === 'HEAD' || out.body === null) return void res.end();
        if (typeof out.body === 'string') return void res.end(out.body);
        out.body.on('error', () => res.destroy());
        return void out.body.pipe(res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
      serveStatic(opts, url.pathname, res);
    })().catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: archiveError('internal', 'internal', { detail: String((error as Error).message) }),
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${baseUrl}/?token=${token}`,
    baseUrl,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
