/**
 * Texts in the encodings people's files are really in: made at test time by glibc's iconv (a
 * converter we did not write) from UTF-8 text, imported through the real service and job runner,
 * then found by their words in full-text search. The encoding found is kept in the file's details.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEncoding } from '../../../src/shared/text-encoding';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { importAndWait } from '../../fixtures/documents/run';

let lib: TestLibrary;
let src: string;
beforeAll(async () => {
  lib = await openTestLibrary();
  src = tempDir('docs-encodings-');
});
afterAll(async () => {
  await lib.close();
});

/** The UTF-8 text converted by iconv (glibc) into `encoding`. */
function iconv(text: string, encoding: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: Buffer.from(text, 'utf8') });
}

async function importBytes(name: string, bytes: Buffer) {
  const file = path.join(src, name);
  fs.writeFileSync(file, bytes);
  const { jobs } = await importAndWait(lib, { paths: [file] });
  const imported = jobs.find((j) => j.kind === 'import')!;
  expect(imported.status, imported.error ?? '').toBe('done');
  const { recordId, fileId } = imported.result as { recordId: number; fileId: number };
  return { recordId, info: await lib.ok('fileInfo', { id: fileId }), pages: await lib.ok('filePages', { fileId }) };
}

const search = async (query: string) => (await lib.ok('searchText', { query })).hits.map((h) => h.recordId);

const SIMPLIFIED =
  '利兹市代表团于二零一八年九月访问杭州，双方签署了友好城市合作备忘录。\n' +
  '两市将在文化、教育、体育和经济方面加强交流，并互派艺术团体演出。\n';
const TRADITIONAL =
  '臺北市圖書館與里茲大學簽訂學術交流協議，雙方將互換館藏目錄。\n' + '協議規定每年舉辦一次講座，並共同整理歷史檔案。\n';
const JAPANESE =
  '京都市の代表団が二〇一九年に訪問し、姉妹都市の協定に署名しました。\n' +
  '文化と教育の交流を深め、毎年展覧会を開催します。\n';
const WESTERN =
  'Café society of Zürich: the façade of the Hôtel de Ville was restored.\n' +
  'The señor’s “naïve” résumé was filed in the crèche archive — twice.\n';

describe('texts in legacy encodings, made by iconv', () => {
  it.each([
    ['gbk.txt', SIMPLIFIED, 'GBK', 'gb18030', ['备忘录', '友好城市']],
    ['big5.txt', TRADITIONAL, 'BIG5', 'big5', ['圖書館', '歷史檔案']],
    ['shift-jis.txt', JAPANESE, 'SHIFT_JIS', 'shift_jis', ['姉妹都市', '展覧会']],
    ['windows-1252.txt', WESTERN, 'WINDOWS-1252', 'windows-1252', ['façade', 'crèche']],
  ])('%s is stored as text/plain with its words searchable', async (name, text, from, expected, words) => {
    const bytes = iconv(text.repeat(4), from);
    // The bytes are really not UTF-8: otherwise this test would prove nothing.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await importBytes(name, bytes);
    expect(r.info).toMatchObject({ mediaType: 'text/plain', textStatus: 'done', textError: null });
    expect(r.info.metadata.encoding).toBe(expected);
    expect(r.pages[0]!.text).toContain(text.split('\n')[0]);
    for (const word of words) expect(await search(word), word).toContain(r.recordId);
  });

  it('a UTF-8 log with ANSI colour codes is text, its codes stripped before indexing', async () => {
    const log =
      '\u001b[1;32mINFO\u001b[0m  2018-09-14 import of \u001b[33mdelegation\u001b[0m minutes finished\n' +
      '\u001b[31mERROR\u001b[0m cannot reach \u001b[4mhangzhou-archive\u001b[24m mirror, retrying\n' +
      '\u001b[2K\u001b[1Gprogress 100% \u001b[38;5;208mquinquennial\u001b[39m review complete\n';
    const r = await importBytes('colours.log', Buffer.from(log.repeat(20), 'utf8'));
    expect(r.info).toMatchObject({ mediaType: 'text/plain', textStatus: 'done' });
    expect(r.info.metadata.encoding).toBe('utf-8');
    expect(r.pages[0]!.text).not.toContain('\u001b');
    expect(r.pages[0]!.text).toContain('INFO  2018-09-14 import of delegation minutes finished');
    expect(await search('quinquennial')).toContain(r.recordId);
    expect(await search('delegation minutes')).toContain(r.recordId);
  });

  it('an HTML page in GBK declared by its meta charset is decoded by it', async () => {
    const page =
      '<!doctype html><html><head><meta charset="gb2312"><title>杭州友好城市</title></head>' +
      `<body><p>${SIMPLIFIED}</p></body></html>`;
    const r = await importBytes('page-gbk.html', iconv(page, 'GBK'));
    expect(r.info).toMatchObject({ mediaType: 'text/html', textStatus: 'done' });
    expect(r.info.metadata).toMatchObject({ encoding: 'gbk', title: '杭州友好城市' });
    expect(await search('互派艺术团体')).toContain(r.recordId);
  });

  it('UTF-16 with and without a byte-order mark, from iconv', async () => {
    const text = 'Minutes of the twinning committee, Leeds and Dortmund, 1969.\n'.repeat(5);
    const withBom = iconv(text, 'UTF-16'); // glibc writes a BOM in its native order
    expect(findEncoding(withBom)).toMatchObject({ source: 'bom' });
    expect(findEncoding(iconv(text, 'UTF-16LE'))).toMatchObject({ encoding: 'utf-16le', source: 'utf-16' });
    expect(findEncoding(iconv(text, 'UTF-16BE'))).toMatchObject({ encoding: 'utf-16be', source: 'utf-16' });
    const r = await importBytes('utf16.txt', iconv(text, 'UTF-16BE'));
    expect(r.info).toMatchObject({ mediaType: 'text/plain', textStatus: 'done' });
    expect(r.info.metadata.encoding).toBe('utf-16be');
    expect(await search('twinning Dortmund')).toContain(r.recordId);
  });

  it('binary noise is still not text', async () => {
    const noise = Buffer.alloc(8192);
    for (let i = 0; i < noise.length; i++) noise[i] = ((i * 2654435761) >>> 13) & 0xff || 1;
    const r = await importBytes('noise.bin', noise);
    expect(r.info.mediaType).toBe('application/octet-stream');
  });
});
