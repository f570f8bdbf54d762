/**
 * Files that are not bibliographies, or not what they claim: each is refused with one clear
 * message, and the catalogue is left exactly as it was, table by table.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
});
afterAll(() => lib.close());

async function refused(input: { content: string; format?: 'bibtex' | 'ris' | 'csl-json' | 'csv' }): Promise<string> {
  const before = catalogueState(lib.dir);
  for (const channel of ['previewMetadataImport', 'importMetadata'] as const) {
    const result = await lib.service.call(channel, { ...input, skipBadRows: true });
    expect(result.ok, channel).toBe(false);
  }
  expect(catalogueState(lib.dir)).toEqual(before);
  const result = await lib.service.call('importMetadata', input);
  return result.ok ? '' : result.error.message;
}

describe('bad input: one clear message, the catalogue unchanged', () => {
  it('an empty file', async () => {
    expect(await refused({ content: '' })).toMatch(/the file is empty/);
  });

  it('a file in no format we read', async () => {
    expect(await refused({ content: 'Dear Sir,\nplease find enclosed the minutes.\n' })).toBe(
      'cannot tell the format of this file: give the format (csl-json, bibtex, ris, endnote-xml, medline or mods)',
    );
  });

  it('binary junk, named as BibTeX', async () => {
    // Random bytes as a browser would decode them (no "@", so no entry to read).
    const junk = Buffer.from(crypto.randomBytes(64 * 1024).map((b) => (b === 64 ? 0 : b))).toString('latin1');
    expect(await refused({ content: junk, format: 'bibtex' })).toBe(
      'BibTeX: the file has no entries (an entry starts with @type{key, ...})',
    );
  });

  it('a BibTeX file where no entry can be read', async () => {
    const message = await refused({ content: '@article{broken, title = {never closed\n', format: 'bibtex' });
    expect(message).toMatch(/^BibTeX: none of the 1 entries can be read \(first: "broken" on line 1: .+\)$/);
  });

  it('a 50 MB BibTeX file is refused before it is parsed', async () => {
    const entry = '@misc{k, title = {A record of the twinning of Leeds and Hangzhou, with a long title}}\n';
    const content = entry.repeat(Math.ceil(50_000_000 / entry.length));
    expect(await refused({ content, format: 'bibtex' })).toBe(
      'BibTeX: the file is too large to import at once (50 MB; at most 20 MB): split it into smaller files',
    );
  });
});
