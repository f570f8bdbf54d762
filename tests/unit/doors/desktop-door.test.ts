/**
 * The desktop door without Electron (Electron's binary cannot run here; the door is a plain module
 * that ipc.ts binds): only the window's own top frame is answered; the window names paths by grant
 * tokens from the system dialog, and may use only the library's folder and what the user picked;
 * the preload turns a rejected invoke into a Result; File → Open Library keeps the current library
 * until the new one is open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostLibrary } from '../../../src/main/host/library';
import { LibrarySwitch, type OpenedLibrary } from '../../../src/main/service/library-switch';
import { Grants } from '../../../src/main/shell/grants';
import { ipcDoor } from '../../../src/main/shell/ipc-door';
import { dialogPlan } from '../../../src/main/shell/pick';
import { isTrustedUrl } from '../../../src/main/shell/trusted-url';
import { invokeResult } from '../../../src/preload/transport';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';

const OURS = { url: 'app://renderer/index.html#/records/1', top: true };

let lib: TestLibrary;
let grants: Grants;
let door: ReturnType<typeof ipcDoor>;
let elsewhere: string;

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
  grants = new Grants();
  door = ipcDoor({ service: lib.service, grants, libraryRoot: () => lib.dir, isTrustedUrl: (u) => isTrustedUrl(u) });
  elsewhere = tempDir('elsewhere-');
  fs.writeFileSync(path.join(elsewhere, 'id_rsa'), 'PRIVATE KEY');
  fs.mkdirSync(path.join(elsewhere, 'scans'));
  fs.writeFileSync(path.join(elsewhere, 'scans', 'mou.txt'), 'Memorandum of understanding, 2018.\n');
});
afterAll(async () => {
  await lib.close();
});

describe('who may ask', () => {
  it('answers only the window’s own top frame', async () => {
    expect(await door('libraryInfo', OURS, {})).toMatchObject({ ok: true });
    for (const sender of [
      { url: 'app://renderer/index.html', top: false }, // a frame inside the page
      { url: 'https://example.org/', top: true },
      { url: 'file:///etc/passwd', top: true },
      { url: 'app://renderer.evil/index.html', top: true },
      null,
    ]) {
      const r = await door('libraryInfo', sender, {});
      expect(r, JSON.stringify(sender)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/^refused: request from an untrusted page/) },
      });
    }
  });

  it('answers no internal or unknown channel', async () => {
    expect(await door('recordFixity', OURS, { results: [] })).toMatchObject({
      ok: false,
      error: { message: 'unknown operation "recordFixity"' },
    });
    expect(await door('__proto__', OURS, {})).toMatchObject({ ok: false });
  });
});

describe('paths: the library and what the user picked, nothing else', () => {
  it('refuses a path the user did not pick, reading and writing nothing', async () => {
    const before = catalogueState(lib.dir);
    const read = await door('importFiles', OURS, { paths: [path.join(elsewhere, 'id_rsa')] });
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'paths',
        message: expect.stringMatching(/is outside the folders this window may use .*Choose…/),
      },
    });
    const write = await door('backupLibrary', OURS, { out: path.join(elsewhere, 'backup.tar.gz') });
    expect(write).toMatchObject({ ok: false, error: { field: 'out' } });
    expect(await door('exportBag', OURS, { dir: path.join(elsewhere, 'bag') })).toMatchObject({
      ok: false,
      error: { field: 'dir' },
    });
    expect(fs.readdirSync(elsewhere).sort()).toEqual(['id_rsa', 'scans']);
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('a picked folder, named by its grant token, can be previewed and imported; a path beside it cannot', async () => {
    const [grant] = grants.add([path.join(elsewhere, 'scans')]);
    expect(grant).toEqual({
      token: expect.stringMatching(/^grant:[0-9a-f]{32}$/),
      name: path.join(elsewhere, 'scans'),
    });
    const preview = await door('previewImport', OURS, { paths: [grant!.token] });
    expect(preview).toMatchObject({ ok: true, value: { files: [{ name: 'mou.txt' }] } });
    // A typed path inside the picked folder is allowed too (the user may edit what the dialog gave).
    expect(await door('previewImport', OURS, { paths: [path.join(elsewhere, 'scans', 'mou.txt')] })).toMatchObject({
      ok: true,
    });
    expect(await door('importFiles', OURS, { paths: [path.join(elsewhere, 'id_rsa')] })).toMatchObject({
      ok: false,
      error: { field: 'paths' },
    });
  });

  it('a token the window was never given is refused, naming the field', async () => {
    const r = await door('importFiles', OURS, { paths: [`grant:${'0'.repeat(32)}`] });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'paths',
        message: 'paths: this choice is no longer known to the app: choose the file or folder again',
      },
    });
  });

  it('a save location picked in the dialog can be written, exactly there', async () => {
    const target = path.join(elsewhere, 'library-2018.tar.gz');
    const [grant] = grants.add([target]);
    expect(await door('backupLibrary', OURS, { out: grant!.token })).toMatchObject({
      ok: true,
      value: { file: fs.realpathSync(elsewhere) + path.sep + 'library-2018.tar.gz' },
    });
    expect(fs.existsSync(target)).toBe(true);
    expect(await door('backupLibrary', OURS, { out: path.join(elsewhere, 'another.tar.gz') })).toMatchObject({
      ok: false,
    });
  });

  it('the library’s own folder is allowed (the default backup and bag locations)', async () => {
    const out = path.join(lib.dir, 'backups', 'by-the-window.tar.gz');
    expect(await door('backupLibrary', OURS, { out })).toMatchObject({ ok: true });
  });

  it('grants swap tokens only in the path field of path-taking channels', () => {
    const g = new Grants();
    const [a] = g.add(['/srv/a']);
    expect(g.resolve('exportBag', { dir: a!.token, ids: [1] })).toEqual({
      ok: true,
      input: { dir: '/srv/a', ids: [1] },
    });
    expect(g.resolve('importFiles', { paths: [a!.token, '/typed'] })).toEqual({
      ok: true,
      input: { paths: ['/srv/a', '/typed'] },
    });
    expect(g.resolve('createRecord', { title: a!.token })).toEqual({ ok: true, input: { title: a!.token } });
    expect(g.rule('/no-such-library')).toMatchObject({ within: ['/no-such-library', '/srv/a'], door: 'this window' });
  });
});

describe('the system dialog a window may ask for', () => {
  it('files, a folder or a save location, opening in the library; anything else refused', () => {
    expect(dialogPlan({ kind: 'files' }, '/lib')).toEqual({
      ok: true,
      value: { dialog: 'open', options: { properties: ['openFile', 'multiSelections'], defaultPath: '/lib' } },
    });
    expect(dialogPlan({ kind: 'folder' }, '/lib')).toMatchObject({
      ok: true,
      value: { dialog: 'open', options: { properties: expect.arrayContaining(['openDirectory']) } },
    });
    expect(dialogPlan({ kind: 'save', defaultName: 'library.tar.gz' }, '/lib')).toMatchObject({
      ok: true,
      value: { dialog: 'save', options: { defaultPath: path.join('/lib', 'library.tar.gz') } },
    });
    expect(dialogPlan({ kind: 'save', defaultName: '../../etc/cron.d/x' }, '/lib')).toMatchObject({
      ok: false,
      error: { field: 'defaultName' },
    });
    expect(dialogPlan({ kind: 'anything' }, '/lib')).toMatchObject({ ok: false, error: { field: 'kind' } });
    expect(dialogPlan({ kind: 'files', path: '/etc' }, '/lib')).toMatchObject({ ok: false });
  });
});

describe('the preload’s transport', () => {
  it('a rejected invoke and an answer that is not a Result become error Results; a Result passes', async () => {
    const rejected = await invokeResult(
      () => Promise.reject(new Error("No handler registered for 'archive:libraryInfo'")),
      'archive:libraryInfo',
      {},
    );
    expect(rejected).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: "the app did not answer archive:libraryInfo: No handler registered for 'archive:libraryInfo'",
        reason: 'internal',
        params: {
          detail: "the app did not answer archive:libraryInfo: No handler registered for 'archive:libraryInfo'",
        },
      },
    });
    const thrown = await invokeResult(
      () => {
        throw new Error('An object could not be cloned.');
      },
      'archive:createRecord',
      {},
    );
    expect(thrown).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await invokeResult(async () => undefined, 'archive:libraryInfo', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await invokeResult(async () => ({ ok: true, value: 3 }), 'archive:x', {})).toEqual({ ok: true, value: 3 });
  });
});

describe('File → Open Library', () => {
  const opened: OpenedLibrary[] = [];
  const open = async (dir: string) => {
    const l = await openHostLibrary(dir, undefined, 'app');
    opened.push(l);
    return l;
  };
  let libraries: LibrarySwitch;
  let first: string;
  beforeAll(async () => {
    first = path.join(tempDir(), 'first');
    libraries = new LibrarySwitch(await open(first), open, false);
    expect(
      (await libraries.service.call('createRecord', { type: 'report', title: 'Kept through a refused switch' })).ok,
    ).toBe(true);
  });
  afterAll(async () => {
    await libraries.service.close();
  });

  it('a refused folder leaves the window on the library it had, still answering', async () => {
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'notes.txt'), 'not a library');
    const r = await libraries.openLibrary({ path: other, create: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'library' } });
    expect(await libraries.service.call('libraryInfo', {})).toMatchObject({
      ok: true,
      value: { path: first, counts: { records: 1 } },
    });
    expect((await libraries.service.call('createRecord', { type: 'report', title: 'Written after it' })).ok).toBe(true);
    expect(opened).toHaveLength(1);
  });

  it('a good folder is opened first, then the old library is closed', async () => {
    const second = path.join(tempDir(), 'second');
    const r = await libraries.openLibrary({ path: second, create: true });
    expect(r).toMatchObject({ ok: true, value: { path: second } });
    expect(opened).toHaveLength(2);
    // The old library's catalogue worker is closed: its own service no longer answers.
    expect(await opened[0]!.service.call('libraryInfo', {})).toMatchObject({ ok: false });
    expect(await libraries.service.call('libraryInfo', {})).toMatchObject({ ok: true, value: { path: second } });
  });

  it('the window cannot switch libraries itself: openLibrary through the door gets the handlers’ answer', async () => {
    const r = await libraries.service.serve(
      'openLibrary',
      { path: path.join(tempDir(), 'third'), create: true },
      { any: true },
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'library', message: expect.stringMatching(/File → Open Library/) },
    });
    expect(opened).toHaveLength(2);
  });
});
