/**
 * The browser host, in process over real HTTP on a real library: who may talk to it (token,
 * Host, Origin), how the API answers bad requests, and that static serving stays inside the
 * renderer folder. Then the worker-thread executor the host runs on.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_COOKIE, TOKEN_HEADER } from '../../../src/main/host/guard';
import { PATH_INPUTS } from '../../../src/main/host/paths';
import { MAX_BODY_BYTES, startHost, type Host } from '../../../src/main/host/server';
import { contract } from '../../../src/shared/contract';
import { AbsolutePath } from '../../../src/shared/model';
import { inProcessExecutor } from '../../../src/main/service/executor';
import { createService, type Service } from '../../../src/main/service/service';
import { workerExecutor } from '../../../src/main/service/worker-executor';
import { catalogueState, folderFingerprint } from '../../support/catalogue';
import { makeTempDir, removeDir } from '../../support/cli';
import { rawRequest, type RawRequest } from '../../support/http';

const INDEX_HTML =
  '<!doctype html><html><head><title>Civic Archive test renderer</title></head><body>renderer</body></html>';
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
const FAVICON = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0x42, 0x42]);

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; field?: string } };

let root: string;
let libraryDir: string;
let service: Service;
let host: Host;

beforeEach(async () => {
  root = makeTempDir('civic-host-');
  libraryDir = path.join(root, 'library');
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log("app");\n');
  // Files right outside the renderer folder, which no URL may reach.
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: SECRET }));
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  const faviconFile = path.join(root, 'icon.ico');
  fs.writeFileSync(faviconFile, FAVICON);
  service = createService(await inProcessExecutor(libraryDir, 'test'), { checkOutputs: true });
  host = await startHost({ service, rendererDir, faviconFile, port: 0 });
});

afterEach(async () => {
  await host.close();
  await service.close();
  removeDir(root);
});

const get = (p: string, headers: RawRequest['headers'] = {}, extra: Partial<RawRequest> = {}) =>
  rawRequest({ port: host.port, path: p, headers, ...extra });

/** POST /api/<channel> with the token header and a JSON body, as the renderer's client does. */
function api(
  channel: string,
  input: unknown = {},
  headers: RawRequest['headers'] = {},
  extra: Partial<RawRequest> = {},
) {
  return rawRequest({
    port: host.port,
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
    ...extra,
  });
}

async function revision(): Promise<number> {
  const res = await api('libraryInfo');
  expect(res.status).toBe(200);
  const env = res.json<Envelope>();
  if (!env.ok) throw new Error(env.error.message);
  return (env.value as { revision: number }).revision;
}

describe('the token', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.baseUrl).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.baseUrl}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses GET / without the token', async () => {
    const res = await get('/');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('renderer');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('trades the token in the URL for an HttpOnly, SameSite=Strict cookie and redirects to /', async () => {
    const res = await get(`/?token=${host.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookies = res.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0]!;
    expect(cookie.startsWith(`${TOKEN_COOKIE}=${host.token};`)).toBe(true);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
  });

  it("opens the printed URL in a browser still holding an earlier host's cookie, and replaces it", async () => {
    // Cookies are not kept per port: after a restart on another port the old one comes along.
    const stale = `${TOKEN_COOKIE}=${'f'.repeat(host.token.length)}`;
    const res = await get(`/?token=${host.token}`, { Cookie: stale });
    expect(res.status).toBe(303);
    expect(res.headers['set-cookie']?.[0]?.startsWith(`${TOKEN_COOKIE}=${host.token};`)).toBe(true);
    // The stale cookie alone still opens nothing.
    expect((await get('/', { Cookie: stale })).status).toBe(403);
  });

  it('refuses a wrong token in the URL, setting no cookie', async () => {
    const res = await get(`/?token=${'0'.repeat(host.token.length)}`);
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('serves the renderer with a Content-Security-Policy to a request with the cookie', async () => {
    const res = await get('/', { Cookie: `${TOKEN_COOKIE}=${host.token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX_HTML);
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('follows the whole flow with fetch: URL, redirect, cookie, page', async () => {
    const first = await fetch(host.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`${host.baseUrl}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('serves the app for unknown app routes, and 404 for unknown assets', async () => {
    const route = await get('/records/12', withTokenHeader());
    expect(route.status).toBe(200);
    expect(route.text).toBe(INDEX_HTML);
    const js = await get('/app.js', withTokenHeader());
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get('/missing.js', withTokenHeader())).status).toBe(404);
  });
});

function withTokenHeader(): Record<string, string> {
  return { [TOKEN_HEADER]: host.token };
}

describe('the API: who may call it', () => {
  it('answers POST /api/libraryInfo with the token header and a JSON body', async () => {
    const res = await api('libraryInfo');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const env = res.json<Envelope>();
    expect(env).toMatchObject({ ok: true, value: { path: path.resolve(libraryDir), revision: 0 } });
  });

  it('also accepts the token cookie', async () => {
    const res = await api('libraryInfo', {}, { [TOKEN_HEADER]: undefined, Cookie: `${TOKEN_COOKIE}=${host.token}` });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
  });

  it('refuses a request without the token', async () => {
    const res = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/libraryInfo',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a wrong token, of the same length or not', async () => {
    const flipped = host.token.slice(0, -1) + (host.token.endsWith('a') ? 'b' : 'a');
    for (const wrong of [flipped, `${host.token}0`, host.token.slice(0, 8), 'x']) {
      const res = await api('libraryInfo', {}, { [TOKEN_HEADER]: wrong });
      expect(res.status, `token ${wrong}`).toBe(403);
    }
    const cookie = await api('libraryInfo', {}, { [TOKEN_HEADER]: undefined, Cookie: `${TOKEN_COOKIE}=${flipped}` });
    expect(cookie.status).toBe(403);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    for (const badHost of [
      `evil.example:${host.port}`,
      'evil.example',
      `127.0.0.1:${host.port + 1}`,
      `127.0.0.1.evil.example:${host.port}`,
    ]) {
      const res = await api('libraryInfo', {}, {}, { host: badHost });
      expect(res.status, `Host: ${badHost}`).toBe(403);
      const page = await get(`/?token=${host.token}`, {}, { host: badHost });
      expect(page.status, `GET / with Host: ${badHost}`).toBe(403);
    }
    const local = await api('libraryInfo', {}, {}, { host: `localhost:${host.port}` });
    expect(local.status).toBe(200);
  });

  it('refuses a cross-site Origin even with the token, and accepts its own', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${host.port}`,
      `https://127.0.0.1:${host.port}`,
      'null',
    ]) {
      const res = await api('libraryInfo', {}, { Origin: origin });
      expect(res.status, `Origin: ${origin}`).toBe(403);
    }
    const own = await api('libraryInfo', {}, { Origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
    expect(own.json()).toMatchObject({ ok: true });
  });
});

describe('the API: bad requests', () => {
  it('refuses a body that is not declared JSON with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await api('libraryInfo', '{}', { 'Content-Type': type });
      expect(res.status, type).toBe(415);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const none = await api('libraryInfo', '{}', { 'Content-Type': undefined });
    expect(none.status).toBe(415);
  });

  it('refuses malformed JSON with 400 and a clear message, writing nothing', async () => {
    const before = catalogueState(libraryDir);
    const res = await api('createRecord', '{"type": "letter", "title": ');
    expect(res.status).toBe(400);
    const env = res.json<Envelope>();
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('invalid_input');
      expect(env.error.message).toMatch(/not valid JSON/);
    }
    expect(catalogueState(libraryDir)).toEqual(before);
  });

  it(`refuses a body larger than MAX_BODY_BYTES with 413`, async () => {
    const before = catalogueState(libraryDir);
    const big = JSON.stringify({ type: 'letter', title: 'x'.repeat(MAX_BODY_BYTES) });
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_BODY_BYTES);
    const res = await fetch(`${host.baseUrl}/api/createRecord`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(catalogueState(libraryDir)).toEqual(before);
    // The host is still serving.
    expect(await revision()).toBe(0);
  });

  it('refuses an oversized body sent without Content-Length (chunked) with 413', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/libraryInfo',
          agent: false,
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
        },
        (r) => {
          let body = '';
          r.setEncoding('utf8').on('data', (c: string) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_BODY_BYTES) {
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false });
  });

  it('answers GET on an API route with 405', async () => {
    const res = await get('/api/libraryInfo', withTokenHeader());
    expect(res.status).toBe(405);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers an unknown channel with invalid_input', async () => {
    for (const channel of ['dropEverything', 'constructor', '__proto__', 'toString']) {
      const res = await api(channel, {});
      expect(res.status, channel).toBe(200);
      expect(res.json(), channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('refuses invalid input naming the field, and the revision stays the same', async () => {
    const before = await revision();
    const state = catalogueState(libraryDir);
    const empty = await api('createRecord', { type: 'letter', title: '' });
    expect(empty.status).toBe(200);
    expect(empty.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title' } });
    const badDate = await api('createRecord', { type: 'letter', title: 'X', date: '2018-13-40' });
    expect(badDate.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'date' } });
    expect((badDate.json<Envelope>() as { error: { message: string } }).error.message).toContain('2018-13-40');
    const extra = await api('createRecord', { type: 'letter', title: 'X', colour: 'red' });
    expect(extra.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await revision()).toBe(before);
    expect(catalogueState(libraryDir)).toEqual(state);

    // The same channel with good input does write, so the checks above could have seen a change.
    const good = await api('createRecord', { type: 'letter', title: 'A letter to Hangzhou' });
    expect(good.json()).toMatchObject({ ok: true, value: { title: 'A letter to Hangzhou' } });
    expect(await revision()).toBe(before + 1);
  });
});

describe('static files', () => {
  it('never serves a file outside the renderer folder', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '//../secret.txt',
    ]) {
      const res = await get(p, withTokenHeader());
      expect(res.text, p).not.toContain(SECRET);
      expect(res.status, p).toBe(404);
    }
  });

  it('answers a malformed percent-encoding with 400, not a crash', async () => {
    const res = await get('/%E0%A4%A.js', withTokenHeader());
    expect(res.status).toBe(400);
    expect(await revisionStillAnswers()).toBe(true);
  });

  it('serves /favicon.ico from faviconFile', async () => {
    const res = await get('/favicon.ico', withTokenHeader());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.body.equals(FAVICON)).toBe(true);
  });
});

async function revisionStillAnswers(): Promise<boolean> {
  return typeof (await revision()) === 'number';
}

describe('the worker-thread executor', () => {
  it('creates a record in the worker and reads it back, then closes', async () => {
    const dir = path.join(root, 'worker-library');
    const worker = createService(await workerExecutor(dir, 'test'), { checkOutputs: true });
    try {
      const created = await worker.call('createRecord', {
        type: 'agreement',
        title: 'Memorandum with Hangzhou',
        date: '2018-09',
        referenceCode: 'W/1',
      });
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      const read = await worker.call('getRecord', { id: created.value.id });
      expect(read).toMatchObject({
        ok: true,
        value: { id: created.value.id, title: 'Memorandum with Hangzhou', referenceCode: 'W/1', date: '2018-09' },
      });
      const refused = await worker.call('createRecord', { type: 'agreement', title: '' });
      expect(refused).toMatchObject({ ok: false, error: { field: 'title' } });
      const dup = await worker.call('createRecord', { type: 'letter', title: 'Other', referenceCode: 'W/1' });
      expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'referenceCode' } });
    } finally {
      await worker.close();
    }
    // Closed: the write reached the file, and the worker let go of it.
    expect(catalogueState(dir)).toMatchObject({ records: 1, revision: 1 });
    const after = await worker.call('libraryInfo', {});
    expect(after.ok).toBe(false);
  });

  it('refuses a library made by a newer version, with a message, leaving it untouched', async () => {
    const dir = path.join(root, 'newer-library');
    const made = await inProcessExecutor(dir, 'test');
    await made.close();
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const before = folderFingerprint(dir);
    await expect(workerExecutor(dir, 'test')).rejects.toThrow(/newer version/);
    expect(folderFingerprint(dir)).toEqual(before);
  });
});

describe('paths at the browser-host door', () => {
  // A host that serves a library and was started with --allow-dir <root>/allowed.
  let pathHost: Host;
  let allowed: string;
  let outside: string;
  beforeEach(async () => {
    allowed = path.join(root, 'allowed');
    outside = path.join(root, 'outside');
    fs.mkdirSync(allowed);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(allowed, 'letter.txt'), 'a letter the user put in the allowed folder\n');
    fs.writeFileSync(path.join(outside, 'id_rsa'), 'PRIVATE KEY');
    pathHost = await startHost({
      service,
      rendererDir: path.join(root, 'renderer'),
      port: 0,
      files: { libraryRoot: libraryDir },
      allowDirs: [allowed],
    });
  });
  afterEach(async () => {
    await pathHost.close();
  });
  const call = (channel: string, input: unknown) =>
    rawRequest({
      port: pathHost.port,
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: pathHost.token },
      body: JSON.stringify(input),
    }).then((r) => {
      expect(r.status).toBe(200);
      return r.json<Envelope>();
    });
  const refusedOutside = (env: Envelope, field: string) => {
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    if (!env.ok) expect(env.error.message).toMatch(/is outside the folders the browser host may use .*--allow-dir/);
  };

  it('refuses reading, writing or opening outside the library and the --allow-dir folders, changing nothing', async () => {
    const before = catalogueState(libraryDir);
    const secret = path.join(outside, 'id_rsa');
    refusedOutside(await call('importFiles', { paths: [secret] }), 'paths');
    refusedOutside(await call('previewImport', { paths: [allowed, outside] }), 'paths');
    refusedOutside(await call('importBag', { dir: outside }), 'dir');
    refusedOutside(await call('exportBag', { dir: path.join(outside, 'bag') }), 'dir');
    refusedOutside(await call('backupLibrary', { out: path.join(outside, 'backup.tar.gz') }), 'out');
    refusedOutside(await call('openLibrary', { path: path.join(outside, 'other-library'), create: true }), 'path');
    // `..` and a symbolic link inside an allowed folder do not lead out of it.
    refusedOutside(await call('importFiles', { paths: [path.join(allowed, '..', 'outside', 'id_rsa')] }), 'paths');
    fs.symlinkSync(outside, path.join(allowed, 'link'));
    refusedOutside(await call('importFiles', { paths: [path.join(allowed, 'link', 'id_rsa')] }), 'paths');
    refusedOutside(await call('backupLibrary', { out: path.join(allowed, 'link', 'backup.tar.gz') }), 'out');
    expect(fs.readdirSync(outside).sort()).toEqual(['id_rsa']);
    expect(catalogueState(libraryDir)).toEqual(before);
  });

  it('accepts paths inside the library folder and the --allow-dir folders', async () => {
    const preview = await call('previewImport', { paths: [path.join(allowed, 'letter.txt')] });
    expect(preview).toMatchObject({ ok: true, value: { files: [{ name: 'letter.txt' }] } });
    expect(await call('importFiles', { paths: [allowed] })).toMatchObject({ ok: true, value: { queued: 1 } });
    const inLibrary = path.join(libraryDir, 'backups', 'by-the-page.tar.gz');
    expect(await call('backupLibrary', { out: inLibrary })).toMatchObject({ ok: true, value: { file: inLibrary } });
    const inAllowed = path.join(allowed, 'new-folder-not-yet-made', 'bag');
    fs.mkdirSync(path.dirname(inAllowed));
    expect(await service.call('createRecord', { type: 'letter', title: 'A letter to Hangzhou' })).toMatchObject({
      ok: true,
    });
    const bag = await call('exportBag', { dir: inAllowed });
    expect(bag, JSON.stringify(bag)).toMatchObject({ ok: true });
    // Malformed paths still get the channel's own message.
    expect(await call('backupLibrary', { out: 'rel-backup.tar.gz' })).toMatchObject({
      ok: false,
      error: { field: 'out', message: expect.stringMatching(/absolute path/) },
    });
  });

  it('leaves the desktop app and the CLI (the service itself) free to use any path the user chose', async () => {
    const out = path.join(outside, 'chosen-in-a-dialog.tar.gz');
    expect(await service.call('backupLibrary', { out })).toMatchObject({ ok: true, value: { file: out } });
  });

  it('knows every channel that takes a path', () => {
    // A channel whose input holds an AbsolutePath anywhere must be listed in PATH_INPUTS.
    const holdsPath = (schema: unknown, seen = new Set<unknown>()): boolean => {
      if (schema === AbsolutePath) return true;
      if (typeof schema !== 'object' || schema === null || seen.has(schema)) return false;
      seen.add(schema);
      const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return false;
      const parts: unknown[] = [
        def.element,
        def.innerType,
        def.in,
        def.out,
        def.valueType,
        ...(Array.isArray(def.options) ? def.options : []),
      ];
      if (def.shape && typeof def.shape === 'object') parts.push(...Object.values(def.shape));
      return parts.some((p) => holdsPath(p, seen));
    };
    const taking = Object.entries(contract)
      .filter(([, c]) => holdsPath(c.input))
      .map(([name]) => name)
      .sort();
    expect(taking.length).toBeGreaterThanOrEqual(6);
    expect(taking).toEqual(Object.keys(PATH_INPUTS).sort());
  });
});
