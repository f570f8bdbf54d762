/**
 * Changing library while the browser host runs: openLibrary opens the new folder first (a refused
 * folder leaves the current library working and untouched), then closes the old library's
 * catalogue worker, job runner and snapshot keeper. Real worker threads on real folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostLibrary } from '../../../src/main/host/library';
import { LibrarySwitch, type OpenedLibrary } from '../../../src/main/service/library-switch';
import { createService } from '../../../src/main/service/service';
import { inProcessExecutor } from '../../../src/main/service/executor';
import { tempDir } from '../../support/catalogue';

const opened: OpenedLibrary[] = [];
const open = async (dir: string) => {
  const lib = await openHostLibrary(dir);
  opened.push(lib);
  return lib;
};
let a: string;
let libraries: LibrarySwitch;
const info = async () => {
  const r = await libraries.service.call('libraryInfo', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

beforeAll(async () => {
  a = path.join(tempDir(), 'partnerships');
  libraries = new LibrarySwitch(await open(a), open);
  expect((await libraries.service.call('loadSample', {})).ok).toBe(true);
});
afterAll(async () => {
  await libraries.service.close();
});

describe('openLibrary at the browser host', () => {
  it('refuses a folder without a library unless asked to create one, and stays where it was', async () => {
    const empty = tempDir();
    const r = await libraries.service.invoke('openLibrary', { path: empty });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'library',
        message: `${empty} holds no Civic Archive library (no catalogue.sqlite); choose a library folder, or create a new library there`,
        reason: 'library_missing',
        params: { root: empty },
      },
    });
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(await info()).toMatchObject({ path: a, counts: { records: 5 } });
    expect(opened).toHaveLength(1);
  });

  it('refuses a folder of other files with the library module’s message, creating nothing there', async () => {
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'notes.txt'), 'not a library');
    const r = await libraries.service.invoke('openLibrary', { path: other, create: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual({
      code: 'library',
      message: `${other} is not a Civic Archive library: it has no catalogue.sqlite and already holds other files (notes.txt). Choose an empty folder or an existing library.`,
      reason: 'library_folder_foreign',
      params: { root: other, catalogue: 'catalogue.sqlite', files: 'notes.txt' },
    });
    expect(fs.readdirSync(other)).toEqual(['notes.txt']);
    // The current library still answers, reads and writes.
    expect(
      (await libraries.service.call('createRecord', { type: 'report', title: 'Written after a refused switch' })).ok,
    ).toBe(true);
    expect(await info()).toMatchObject({ path: a, counts: { records: 6 } });
  });

  it('refuses a relative path and malformed input as invalid input', async () => {
    expect(await libraries.service.invoke('openLibrary', { path: 'Library' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'path' },
    });
    expect(await libraries.service.invoke('openLibrary', { path: a, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('creates a new library in an empty folder, closes the old one’s worker, and later opens the old one again', async () => {
    const fresh = path.join(tempDir(), 'new library');
    const first = opened[0]!;
    const r = await libraries.service.invoke('openLibrary', { path: fresh, create: true });
    expect(r).toMatchObject({ ok: true, value: { path: fresh, counts: { records: 0 } } });
    expect(fs.existsSync(path.join(fresh, 'catalogue.sqlite'))).toBe(true);
    expect(libraries.root).toBe(fresh);
    // The old library's catalogue worker is gone: its own service no longer answers.
    expect((await first.service.call('libraryInfo', {})).ok).toBe(false);

    // Writes now go to the new library and nowhere else.
    expect(
      (await libraries.service.call('createRecord', { type: 'letter', title: 'First letter in the new library' })).ok,
    ).toBe(true);
    expect(await info()).toMatchObject({ path: fresh, counts: { records: 1 } });

    const back = await libraries.service.invoke('openLibrary', { path: a });
    expect(back).toMatchObject({ ok: true, value: { path: a, counts: { records: 6 } } });
    expect((await opened[1]!.service.call('libraryInfo', {})).ok).toBe(false);
  });

  it('requests sent while a switch is under way are answered by the library opened', async () => {
    const other = path.join(tempDir(), 'second');
    const [switched, during] = await Promise.all([
      libraries.service.invoke('openLibrary', { path: other, create: true }),
      libraries.service.call('libraryInfo', {}),
    ]);
    expect(switched.ok).toBe(true);
    expect(during).toMatchObject({ ok: true, value: { path: other } });
    expect((await libraries.service.invoke('openLibrary', { path: a })).ok).toBe(true);
  });
});

describe('doors that keep their library', () => {
  it('say how they open another one', async () => {
    const dir = path.join(tempDir(), 'cli');
    const service = createService(await inProcessExecutor(dir, 'cli'));
    try {
      const r = await service.invoke('openLibrary', { path: tempDir() });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'library', message: expect.stringMatching(/File → Open Library….*--library DIR/) },
      });
    } finally {
      await service.close();
    }
  });
});
