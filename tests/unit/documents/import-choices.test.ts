/**
 * What an import gives the records it creates, through the CLI (real child processes, a real
 * library): a chosen type, tags, a collection and OCR languages; and, with no type chosen, a
 * photograph guessed from real camera pictures (fetched from Debian's copy of goexif's test
 * photographs: a Nikon D2H shot with GPS, and a picture with no metadata at all). Wrong choices
 * are refused by name with the catalogue left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chooseOcrLanguages, type OcrSetup } from '../../../src/main/documents/extract/ocr';
import { catalogueState } from '../../support/catalogue';
import { cliIn, jsonOf, makeTempDir, removeDir, type CliRun } from '../../support/cli';
import { debianFiles } from '../../support/debian-files';

const GOEXIF = '/usr/share/gocode/src/github.com/rwcarlsen/goexif/exif/';
let nikon: string;
let plain: string;
beforeAll(() => {
  [nikon, plain] = debianFiles('golang-github-rwcarlsen-goexif-dev', [
    `${GOEXIF}sample1.jpg`,
    `${GOEXIF}samples/2004-01-11-22-45-15-sep-2004-01-11-22-45-15a.jpg`,
  ]) as [string, string];
});

let dir: string;
let inbox: string;
beforeEach(() => {
  dir = makeTempDir('civic-import-choices-');
  inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox);
});
afterEach(() => removeDir(dir));

const library = () => path.join(dir, 'library');
// Photographs are read without OCR here unless a test asks: their text is not what is tested.
const cli = (...args: string[]) => cliIn(library(), args, { timeoutMs: 120_000 });

function ok(run: CliRun): string {
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

interface Shown {
  type: string;
  title: string;
  date: string | null;
  tags: string[];
  collection: { id: number; name: string } | null;
}
interface Imported {
  files: { name: string; recordId: number; text: { status: string; textStatus?: string; textError?: string } }[];
}

async function importInbox(...options: string[]): Promise<Imported['files']> {
  const out = jsonOf<Imported>(await cli('import', inbox, '--json', ...options));
  return out.files.sort((a, b) => a.name.localeCompare(b.name));
}
const show = async (id: number) => jsonOf<Shown>(await cli('show', String(id), '--json'));

// Five or six CLI runs each (a process start is seconds on a loaded machine): generous, no speed is measured.
describe('import choices', { timeout: 300_000 }, () => {
  it('guesses a photograph from camera metadata, dated when it was taken; a picture without it stays "other"', async () => {
    fs.copyFileSync(nikon, path.join(inbox, 'b-nikon.jpg'));
    fs.copyFileSync(plain, path.join(inbox, 'a-plain.jpg'));
    ok(await cli('init'));
    ok(await cli('collection', 'add', 'Leeds–Hangzhou visits', '--level', 'series'));
    const [a, b] = await importInbox(
      '--tag',
      'delegation',
      '--tag',
      'visits,delegation',
      '--collection',
      '1',
      '--ocr',
      'off',
    );
    const photo = await show(b!.recordId);
    expect(photo).toMatchObject({ type: 'photograph', date: '2003-11-23', title: 'b nikon' });
    expect(photo.tags.sort()).toEqual(['delegation', 'visits']);
    expect(photo.collection).toMatchObject({ id: 1 });
    const other = await show(a!.recordId);
    expect(other).toMatchObject({ type: 'other', date: null, collection: { id: 1 } });
    expect(other.tags.sort()).toEqual(['delegation', 'visits']);
    // OCR off: the text is skipped, and says why.
    expect(b!.text).toMatchObject({ textStatus: 'skipped', textError: 'OCR is off' });
  });

  it('keeps the type the user chose, even for a camera picture', async () => {
    fs.copyFileSync(nikon, path.join(inbox, 'nikon.jpg'));
    ok(await cli('init'));
    const [f] = await importInbox('--type', 'media-coverage', '--ocr', 'off');
    expect(await show(f!.recordId)).toMatchObject({ type: 'media-coverage', date: '2003-11-23' });
  });

  it('reads text in the languages chosen (English only here): the photograph is read, not skipped', async () => {
    fs.copyFileSync(nikon, path.join(inbox, 'nikon.jpg'));
    ok(await cli('init'));
    const [f] = await importInbox('--ocr', 'eng');
    expect(f!.text.textStatus).not.toBe('skipped');
    expect(['done', 'none']).toContain(f!.text.textStatus);
  });

  it('refuses a collection that does not exist, a wrong OCR choice and a wrong type, changing nothing', async () => {
    fs.copyFileSync(nikon, path.join(inbox, 'nikon.jpg'));
    ok(await cli('init'));
    const before = catalogueState(library());
    const missing = await cli('import', inbox, '--collection', '7');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/collection/i);
    expect(missing.stderr).toMatch(/7/);
    const ocr = await cli('import', inbox, '--ocr', 'klingon');
    expect(ocr.code).not.toBe(0);
    expect(ocr.stderr).toContain('--ocr: "klingon" is not an OCR choice (one of eng, chi_sim, both, off)');
    const both = await cli('import', inbox, '--ocr', 'eng', '--no-ocr');
    expect(both.stderr).toContain('--no-ocr and --ocr eng disagree');
    const type = await cli('import', inbox, '--type', 'selfie');
    expect(type.stderr).toContain('"selfie" is not a record type');
    expect(catalogueState(library())).toEqual(before);
  });
});

describe('chooseOcrLanguages', () => {
  const setup: OcrSetup = { langPath: '/l', langs: ['eng'], available: ['eng', 'chi_sim'] };
  it('takes the import’s choice over the default languages', () => {
    expect(chooseOcrLanguages(setup, 'chi_sim').langs).toEqual(['chi_sim']);
    expect(chooseOcrLanguages(setup, 'eng+chi_sim').langs).toEqual(['eng', 'chi_sim']);
  });
  it('refuses a language with no data by name', () => {
    expect(() => chooseOcrLanguages(setup, 'eng+fra')).toThrow(
      'OCR in fra was chosen, but this library has no language data for it (it has eng, chi_sim)',
    );
  });
});
