/**
 * The window's undo history kept in the library folder: written atomically beside the catalogue,
 * read back as written, only for the library it belongs to, and a damaged file is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
let libraryId: string;
beforeEach(async () => {
  lib = await openTestLibrary();
  libraryId = (await lib.ok('libraryInfo', {})).id;
});
afterEach(async () => {
  await lib.close();
});

const file = () => path.join(lib.dir, 'undo-history.json');
const history = JSON.stringify({ version: 1, done: [{ kind: 'edit', data: { title: '北京 agreement' } }], undone: [] });

describe('the undo history kept in the library', () => {
  it('is kept beside the catalogue, read back as written, and forgotten on null; the catalogue is untouched', async () => {
    expect(await lib.ok('getUndoHistory', { libraryId })).toEqual({ text: null });
    const state = catalogueState(lib.dir);
    expect(await lib.ok('putUndoHistory', { libraryId, text: history })).toEqual({ kept: true });
    expect(fs.readFileSync(file(), 'utf8')).toBe(history);
    expect(fs.readdirSync(lib.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await lib.ok('getUndoHistory', { libraryId })).toEqual({ text: history });
    expect(catalogueState(lib.dir)).toEqual(state);

    await lib.ok('putUndoHistory', { libraryId, text: null });
    expect(fs.existsSync(file())).toBe(false);
    expect(await lib.ok('getUndoHistory', { libraryId })).toEqual({ text: null });
  });

  it('belongs to its library: another library id neither reads nor writes it', async () => {
    await lib.ok('putUndoHistory', { libraryId, text: history });
    expect(await lib.ok('getUndoHistory', { libraryId: 'another-library' })).toEqual({ text: null });
    expect(await lib.ok('putUndoHistory', { libraryId: 'another-library', text: '{}' })).toEqual({ kept: false });
    expect(fs.readFileSync(file(), 'utf8')).toBe(history);
  });

  it('ignores a damaged or oversized file, and refuses more than it keeps, changing nothing', async () => {
    fs.writeFileSync(file(), '{"version": 1, "done": [');
    expect(await lib.ok('getUndoHistory', { libraryId })).toEqual({ text: null });
    fs.writeFileSync(file(), Buffer.alloc(3_000_001, 0x20));
    expect(await lib.ok('getUndoHistory', { libraryId })).toEqual({ text: null });

    fs.writeFileSync(file(), history);
    const tooLong = await lib.service.call('putUndoHistory', { libraryId, text: 'x'.repeat(1_000_001) });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.field).toBe('text');
    expect(fs.readFileSync(file(), 'utf8')).toBe(history);
  });
});
