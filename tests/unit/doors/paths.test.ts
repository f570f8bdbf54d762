/**
 * Paths are checked where files are opened, not only where they are given. Through the browser host
 * started with --allow-dir A: a link inside A/d to a file outside is not imported (nor served), a file
 * swapped for such a link after the import was queued is refused when the job opens it, and a bag in A
 * whose payload is a link to a file outside is refused. Real folders, real links, the real job runner.
 */
import { createHash } from 'node:crypto';
import { englishSkip } from '../../../src/shared/reports/en';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/main/documents/jobs/runner';
import {
  ANY_PATH,
  checkOpened,
  checkOutput,
  checkTree,
  pathRuleOf,
  pathRuleWithin,
  type PathRule,
} from '../../../src/main/documents/path-rule';
import { storeFile } from '../../../src/main/documents/store';
import { walkPaths } from '../../../src/main/documents/walk';
import { TOKEN_HEADER } from '../../../src/main/host/guard';
import { hostPathRule } from '../../../src/main/host/paths';
import { startHost, type Host } from '../../../src/main/host/server';
import { createService } from '../../../src/main/service/service';
import { workerExecutor } from '../../../src/main/service/worker-executor';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';

const SECRET = 'root:x:0:0:root:/root:/bin/bash — a file outside every allowed folder\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let root: string;
let allowed: string;
let outside: string;
let secret: string;
let lib: TestLibrary;
let host: Host;
let runner: JobRunner;

beforeAll(async () => {
  root = tempDir('paths-');
  allowed = path.join(root, 'allowed');
  outside = path.join(root, 'outside');
  fs.mkdirSync(allowed);
  fs.mkdirSync(outside);
  secret = path.join(outside, 'passwd');
  fs.writeFileSync(secret, SECRET);
  lib = await openTestLibrary(path.join(root, 'library'));
  runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: false, idlePollMs: 50 });
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  host = await startHost({ service: lib.service, rendererDir, files: { libraryRoot: lib.dir }, allowDirs: [allowed] });
});
afterAll(async () => {
  await host.close();
  await runner.stop();
  await lib.close();
});

type Envelope<T = Record<string, unknown>> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };
const call = async <T = Record<string, unknown>>(channel: string, input: unknown): Promise<Envelope<T>> => {
  const r = await fetch(`${host.baseUrl}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as Envelope<T>;
};
const stored = (hash: string) => fs.existsSync(path.join(lib.dir, 'files', hash.slice(0, 2), hash));
const temps = () => fs.readdirSync(path.join(lib.dir, 'files')).filter((n) => n.startsWith('.incoming-'));

describe('through the browser host (serve --allow-dir A)', () => {
  it('importing folder A/d that holds a link to a file outside: the link is skipped, never stored nor served', async () => {
    const d = path.join(allowed, 'd');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'letter.txt'), 'A letter from Hangzhou, 2018.\n');
    fs.symlinkSync(secret, path.join(d, 'passwd'));
    const preview = await call<{
      files: { path: string }[];
      skipped: { path: string; reason: string; door?: string }[];
    }>('previewImport', { paths: [d] });
    expect(preview.ok && preview.value.files.map((f) => path.basename(f.path))).toEqual(['letter.txt']);
    expect(preview.ok && preview.value.skipped).toEqual([
      { path: path.join(d, 'passwd'), reason: 'link_outside', door: 'the browser host' },
    ]);
    const queued = await call<{ batch: string; queued: number }>('importFiles', { paths: [d] });
    expect(queued).toMatchObject({ ok: true, value: { queued: 1 } });
    await runner.runBatch(queued.ok ? queued.value.batch : '', 'import');
    expect(stored(sha(SECRET))).toBe(false);
    expect(stored(sha('A letter from Hangzhou, 2018.\n'))).toBe(true);
    const served = await fetch(`${host.baseUrl}/files/${sha(SECRET)}`, { headers: { [TOKEN_HEADER]: host.token } });
    expect(served.status).toBe(404);
  });

  it('a file swapped for a link outside after its import was queued is refused when the job opens it', async () => {
    const d = path.join(allowed, 'swap');
    fs.mkdirSync(d);
    const note = path.join(d, 'note.txt');
    fs.writeFileSync(note, 'An ordinary note.\n');
    const queued = await call<{ batch: string; queued: number }>('importFiles', { paths: [d] });
    expect(queued).toMatchObject({ ok: true, value: { queued: 1 } });
    // Between the walk (which saw a regular file) and the job opening it, the name now leads out.
    fs.rmSync(note);
    fs.symlinkSync(secret, note);
    const records = catalogueState(lib.dir).records;
    await runner.runBatch(queued.ok ? queued.value.batch : '', 'import');
    const { jobs } = await lib.ok('listJobs', { batch: queued.ok ? queued.value.batch : '' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'failed' });
    expect(jobs[0]!.error).toMatch(
      /note\.txt leads through a symbolic link outside the folders the browser host may use/,
    );
    expect(stored(sha(SECRET))).toBe(false);
    expect(temps()).toEqual([]);
    expect(catalogueState(lib.dir).records).toBe(records);
  });

  it('a bag in A whose payload is a link to a file outside (checksums and all) is refused; nothing is imported', async () => {
    const source = path.join(tempDir(), 'minutes.txt');
    fs.writeFileSync(source, SECRET); // the bag's payload has the very content of the file outside
    const { batch } = await lib.ok('importFiles', { paths: [source] });
    await runner.runBatch(batch, 'import');
    const bag = path.join(allowed, 'bag');
    expect((await call('exportBag', { dir: bag })).ok).toBe(true);
    const payload = fs
      .readdirSync(path.join(bag, 'data', 'files'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .find((f) => fs.readFileSync(f, 'utf8') === SECRET)!;
    expect(payload).toBeDefined();
    fs.rmSync(payload);
    fs.symlinkSync(secret, payload);
    const before = catalogueState(lib.dir);
    const r = await call('importBag', { dir: bag });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'dir' } });
    expect(!r.ok && r.error.message).toMatch(
      /leads through a symbolic link outside the folders the browser host may use/,
    );
    expect(catalogueState(lib.dir)).toEqual(before);
    // Through the CLI (any path) too: a link inside a bag's data/ makes it a bag that is refused whole.
    expect(await lib.service.invoke('importBag', { dir: bag, dryRun: true })).toMatchObject({ ok: false });
  });

  it('a bag or backup written through a folder that is a link outside is refused', async () => {
    fs.symlinkSync(outside, path.join(allowed, 'out-link'));
    expect(await call('exportBag', { dir: path.join(allowed, 'out-link', 'bag') })).toMatchObject({
      ok: false,
      error: { field: 'dir' },
    });
    expect(await call('backupLibrary', { out: path.join(allowed, 'out-link', 'b.tar.gz') })).toMatchObject({
      ok: false,
      error: { field: 'out' },
    });
    expect(fs.readdirSync(outside)).toEqual(['passwd']);
  });
});

describe('the rule crosses the catalogue worker thread', () => {
  it('a folder walked in the worker under the host’s rule skips the link that leads out', async () => {
    const d = path.join(allowed, 'worker');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'a.txt'), 'a\n');
    fs.symlinkSync(secret, path.join(d, 'b.txt'));
    const service = createService(await workerExecutor(path.join(tempDir(), 'library'), 'test'));
    try {
      const held = await service.serve('previewImport', { paths: [d] }, hostPathRule(undefined, [allowed]));
      expect(held).toMatchObject({
        ok: true,
        value: { files: [{ name: 'a.txt' }], skipped: [{ path: path.join(d, 'b.txt') }] },
      });
      const free = await service.invoke('previewImport', { paths: [d] });
      expect(free).toMatchObject({ ok: true, value: { files: [{ name: 'a.txt' }, { name: 'b.txt' }] } });
    } finally {
      await service.close();
    }
  });
});

describe('the rule’s parts', () => {
  const rule = (): PathRule => pathRuleWithin([allowed], 'the test', 'use the allowed folder');

  it('walks: a link to a file inside is followed, one leading out is not, a top path outside is skipped; under `any` as before', () => {
    const d = path.join(allowed, 'walk');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(allowed, 'inside.txt'), 'inside\n');
    fs.symlinkSync(path.join(allowed, 'inside.txt'), path.join(d, 'to-inside.txt'));
    fs.symlinkSync(secret, path.join(d, 'to-outside.txt'));
    const held = walkPaths([d, outside], 1_000_000, undefined, rule());
    expect(held.files.map((f) => f.name)).toEqual(['to-inside.txt']);
    expect(held.skipped.map((s) => [path.basename(s.path), englishSkip(s)])).toEqual([
      ['to-outside.txt', 'a link leading outside the folders the test may use (not followed)'],
      ['outside', 'outside the folders the test may use'],
    ]);
    expect(walkPaths([d], 1_000_000).files.map((f) => f.name)).toEqual(['to-inside.txt', 'to-outside.txt']);
  });

  it('storeFile refuses a link out, and under `any` stores it (the CLI user chose it)', async () => {
    const files = path.join(tempDir(), 'files');
    const link = path.join(allowed, 'store-link.txt');
    fs.symlinkSync(secret, link);
    await expect(storeFile(files, link, 1_000_000, rule())).rejects.toThrow(
      /store-link\.txt (is|leads through a symbolic link) outside the folders the test may use/,
    );
    expect(fs.existsSync(files) ? fs.readdirSync(files, { recursive: true }) : []).toEqual([]);
    expect((await storeFile(files, link, 1_000_000, ANY_PATH)).sha256).toBe(sha(SECRET));
  });

  it('what is checked is the open file, not its name: a descriptor of a file outside fails under an inside name', async () => {
    const inside = path.join(allowed, 'innocent.txt');
    fs.writeFileSync(inside, 'innocent\n');
    const handle = await fs.promises.open(secret, 'r');
    try {
      // As if `innocent.txt` had been a link to the secret when opened and was put back before the check.
      await expect(checkOpened(rule(), handle.fd, inside, await handle.stat(), 'path')).rejects.toThrow(
        /innocent\.txt (leads through a symbolic link outside|changed while it was being opened)/,
      );
      await expect(checkOpened(ANY_PATH, handle.fd, inside, await handle.stat(), 'path')).resolves.toBeUndefined();
    } finally {
      await handle.close();
    }
    const own = await fs.promises.open(inside, 'r');
    try {
      await expect(checkOpened(rule(), own.fd, inside, await own.stat(), 'path')).resolves.toBeUndefined();
    } finally {
      await own.close();
    }
  });

  it('a named pipe in an import is refused at once, not waited on', async () => {
    const fifo = path.join(allowed, 'pipe');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    await expect(storeFile(path.join(tempDir(), 'files'), fifo, 1_000_000, rule())).rejects.toThrow(
      /not a regular file/,
    );
  });

  it('outputs and bag trees: checked under a rule, left as given under `any`', () => {
    fs.symlinkSync(outside, path.join(allowed, 'tree-link'));
    expect(() => checkOutput(rule(), path.join(allowed, 'tree-link', 'x'), 'out')).toThrow(
      /outside the folders the test may use/,
    );
    expect(checkOutput(rule(), path.join(allowed, 'new', 'x'), 'out')).toBe(
      path.join(fs.realpathSync(allowed), 'new', 'x'),
    );
    expect(checkOutput(ANY_PATH, path.join(outside, 'x'), 'out')).toBe(path.join(outside, 'x'));
    const tree = path.join(allowed, 'tree');
    fs.mkdirSync(path.join(tree, 'data', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'data', 'deep', 'ok.txt'), 'ok');
    expect(checkTree(rule(), tree, 'dir')).toBe(tree);
    fs.symlinkSync(path.join(allowed, 'tree-link'), path.join(tree, 'data', 'deep', 'via-link'));
    expect(() => checkTree(rule(), tree, 'dir')).toThrow(/via-link leads through a symbolic link outside/);
    expect(checkTree(ANY_PATH, tree, 'dir')).toBe(tree);
  });

  it('the rule an import job keeps: none (older jobs) is any path, a malformed one allows nothing', () => {
    expect(pathRuleOf(undefined)).toEqual(ANY_PATH);
    expect(pathRuleOf({ any: true })).toEqual(ANY_PATH);
    expect(pathRuleOf({ within: ['/a'], door: 'd', hint: 'h' })).toEqual({ within: ['/a'], door: 'd', hint: 'h' });
    expect(pathRuleOf({ within: [1] })).toMatchObject({ within: [] });
    expect(pathRuleOf('anything')).toMatchObject({ within: [] });
  });
});
