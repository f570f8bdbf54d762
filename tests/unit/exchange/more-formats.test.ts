/**
 * EndNote XML, PubMed/MEDLINE (.nbib) and MODS imported through the service. The MEDLINE files are
 * Biopython's test data (Debian's python-biopython-doc: records as PubMed exported them); the MODS
 * is written at test time by bibutils' bib2xml (Debian's bibutils, a C converter we did not write)
 * from Patashnik's xampl.bib and Beebe's tugboat.bib; nothing is committed. No Debian or npm
 * package ships an EndNote XML export, so that one is written here the way EndNote writes it
 * (<style> runs inside every field). XML that declares entities (a "billion laughs" bomb, an
 * external entity reading /etc/passwd) is refused unread, with nothing written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalogueState, tempDir } from '../../support/catalogue';
import { cliIn } from '../../support/cli';
import { debianFiles } from '../../support/debian-files';
import { librariesPerTest } from '../../support/per-test';

const library = librariesPerTest();
const MEDLINE = '/usr/share/doc/python-biopython-doc/Tests/Medline/';
const XAMPL = '/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib';
const TUGBOAT = '/usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib';

/** bibutils' bib2xml: a BibTeX file as MODS XML. */
function bib2xml(bib: string): string {
  const [tool] = debianFiles('bibutils', ['/usr/bin/bib2xml']);
  const [libDir] = debianFiles('libbibutils8', ['/usr/lib/x86_64-linux-gnu/']);
  return execFileSync(tool!, [bib], {
    env: { ...process.env, LD_LIBRARY_PATH: libDir },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

describe('PubMed/MEDLINE', () => {
  it('Biopython’s PubMed exports: every record, PMID, authors, journal, DOI; detected by content', async () => {
    const [one, two] = debianFiles('python-biopython-doc', [
      `${MEDLINE}pubmed_result1.txt`,
      `${MEDLINE}pubmed_result2.txt.gz`,
    ]);
    const content = fs.readFileSync(one!, 'utf8') + '\n' + zlib.gunzipSync(fs.readFileSync(two!)).toString('utf8');
    const pmids = [...content.matchAll(/^PMID- (\d+)/gm)].map((m) => m[1]);
    expect(pmids.length).toBeGreaterThan(3);
    const lib = await library();
    const report = await lib.ok('importMetadata', { content });
    expect(report.imported).toBe(pmids.length);
    expect(report.rows.map((r) => r.where)).toEqual(
      expect.arrayContaining([{ unit: 'line', n: expect.any(Number), key: 'PMID 12230038' }]),
    );
    const first = await lib.ok('getRecord', { id: report.rows[0]!.recordId! });
    expect(first).toMatchObject({
      title: 'The Bio* toolkits--a brief overview.',
      cslType: 'article-journal',
      containerTitle: 'Briefings in bioinformatics',
      volume: '3',
      issue: '3',
      page: '296-302',
      date: '2002-09',
      issn: '1467-5463',
    });
    expect(first.links.map((l) => `${l.role}:${l.name}`)).toEqual(['author:Harry Mangalam']);
    const scop = report.rows.find((r) => r.title.startsWith('A high level interface to SCOP'))!;
    const record = await lib.ok('getRecord', { id: scop.recordId! });
    expect(record).toMatchObject({ doi: '10.1186/1471-2105-7-10', date: '2006' });
    // Continuation lines join the value they carry on.
    expect(report.rows.map((r) => r.title)).toContain(
      'GenomeDiagram: a python package for the visualization of large-scale genomic data.',
    );
  });
});

describe('the CLI', () => {
  it('takes a .nbib by its extension and an .xml by its root element', async () => {
    const lib = await library();
    const dir = lib.dir;
    await library.closeNow(lib);
    const work = tempDir('civic-more-formats-');
    const [medline] = debianFiles('python-biopython-doc', [`${MEDLINE}pubmed_result1.txt`]);
    fs.copyFileSync(medline!, path.join(work, 'export.nbib'));
    const nbib = await cliIn(dir, ['--json', 'import-metadata', path.join(work, 'export.nbib'), '--dry-run']);
    expect(nbib.code, nbib.stderr).toBe(0);
    expect(JSON.parse(nbib.stdout)).toMatchObject({
      imported: 1,
      rows: [{ title: 'The Bio* toolkits--a brief overview.' }],
    });
    fs.writeFileSync(path.join(work, 'endnote.xml'), ENDNOTE);
    const xml = await cliIn(dir, ['--json', 'import-metadata', path.join(work, 'endnote.xml'), '--skip-bad-rows']);
    expect(xml.code, xml.stderr).toBe(0);
    expect(JSON.parse(xml.stdout)).toMatchObject({ imported: 2, failed: 1 });
    fs.rmSync(work, { recursive: true, force: true });
  });
});

describe('MODS', () => {
  it('bib2xml’s MODS of xampl.bib: articles with their journal, books with publisher and place', async () => {
    const [file] = debianFiles('texlive-base', [XAMPL]);
    const content = bib2xml(file!);
    const written = (content.match(/<mods\b/g) ?? []).length;
    expect(written).toBeGreaterThan(30);
    const lib = await library();
    const report = await lib.ok('previewMetadataImport', { content, skipBadRows: true });
    expect(report.imported + report.failed + report.skipped).toBe(written);
    const article = report.rows.find((r) => r.where.key === 'article-full')!;
    expect(article).toMatchObject({ title: 'The Gnats and Gnus Document Preparation System', status: 'imported' });
    const done = await lib.ok('importMetadata', { content, skipBadRows: true });
    const row = done.rows.find((r) => r.where.key === 'article-full')!;
    const r = await lib.ok('getRecord', { id: row.recordId! });
    expect(r).toMatchObject({ cslType: 'article-journal', volume: '41', issue: '7', page: '73+', date: '1986-07' });
    expect(r.containerTitle).toMatch(/Journal/);
    const book = done.rows.find((x) => x.where.key === 'book-full')!;
    expect(await lib.ok('getRecord', { id: book.recordId! })).toMatchObject({
      cslType: 'book',
      publisherPlace: 'Reading, Massachusetts',
    });
  });

  it('tugboat.bib as MODS: thousands of records read', async () => {
    const [file] = debianFiles('texlive-bibtex-extra', [TUGBOAT]);
    const content = bib2xml(file!);
    const written = (content.match(/<mods\b/g) ?? []).length;
    expect(written).toBeGreaterThan(2_000);
    const lib = await library();
    const report = await lib.ok('previewMetadataImport', { content, skipBadRows: true });
    console.log(`tugboat.bib as MODS: ${written} records, ${report.imported} read, ${report.failed} with problems`);
    expect(report.rows.length).toBe(written);
    expect(report.imported).toBeGreaterThan(written * 0.95);
  });
});

const ENDNOTE = `<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><database name="Leeds.enl" path="C:\\Leeds.enl">Leeds.enl</database><source-app name="EndNote" version="20.0">EndNote</source-app><rec-number>12</rec-number><foreign-keys><key app="EN" db-id="x">12</key></foreign-keys><ref-type name="Journal Article">17</ref-type><contributors><authors><author><style face="normal" font="default" size="100%">Blake, Judith</style></author><author><style face="normal" font="default" size="100%">Leeds City Council</style></author></authors></contributors><titles><title><style face="normal" font="default" size="100%">Twinning with Hangzhou: thirty years &amp; more</style></title><secondary-title><style face="normal" font="default" size="100%">Journal of Civic Diplomacy</style></secondary-title></titles><periodical><full-title><style face="normal" font="default" size="100%">Journal of Civic Diplomacy</style></full-title></periodical><pages><style face="normal" font="default" size="100%">12-29</style></pages><volume><style face="normal" font="default" size="100%">4</style></volume><number><style face="normal" font="default" size="100%">2</style></number><dates><year><style face="normal" font="default" size="100%">2018</style></year><pub-dates><date><style face="normal" font="default" size="100%">Sep</style></date></pub-dates></dates><isbn><style face="normal" font="default" size="100%">1234-567X</style></isbn><electronic-resource-num><style face="normal" font="default" size="100%">10.1234/jcd.2018.4.2</style></electronic-resource-num><urls><related-urls><url><style face="normal" font="default" size="100%">https://example.org/jcd/4/2</style></url></related-urls></urls></record><record><rec-number>13</rec-number><ref-type name="Book Section">5</ref-type><contributors><authors><author>Wang, Xiaoming</author></authors><secondary-authors><author>Li, Hua</author></secondary-authors></contributors><titles><title>杭州与利兹：友好城市三十年</title><secondary-title>城市外交文集</secondary-title></titles><dates><year>2019</year></dates><pub-location>杭州</pub-location><publisher>浙江人民出版社</publisher></record><record><rec-number>14</rec-number><ref-type name="Report">27</ref-type><titles><title></title></titles></record></records></xml>`;

describe('EndNote XML', () => {
  it('reads EndNote’s <style> runs, types, journal, DOI, ISSN, editors; a record without a title is reported', async () => {
    const lib = await library();
    const state = catalogueState(lib.dir);
    const refused = await lib.service.call('importMetadata', { content: ENDNOTE });
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^1 of 3 rows cannot be imported \(first: entry 3 \(rec-number 14\): title: must not be empty\)/,
    );
    expect(catalogueState(lib.dir)).toEqual(state);
    const report = await lib.ok('importMetadata', { content: ENDNOTE, format: 'endnote-xml', skipBadRows: true });
    expect(report).toMatchObject({ imported: 2, failed: 1 });
    const article = await lib.ok('getRecord', { id: report.rows[0]!.recordId! });
    expect(article).toMatchObject({
      title: 'Twinning with Hangzhou: thirty years & more',
      cslType: 'article-journal',
      containerTitle: 'Journal of Civic Diplomacy',
      volume: '4',
      issue: '2',
      page: '12-29',
      date: '2018-09',
      doi: '10.1234/jcd.2018.4.2',
      issn: '1234-567X',
      url: 'https://example.org/jcd/4/2',
    });
    expect(article.links.map((l) => `${l.role}:${l.name}`)).toEqual([
      'author:Judith Blake',
      'author:Leeds City Council',
    ]);
    const chapter = await lib.ok('getRecord', { id: report.rows[1]!.recordId! });
    expect(chapter).toMatchObject({
      title: '杭州与利兹：友好城市三十年',
      cslType: 'chapter',
      containerTitle: '城市外交文集',
      publisher: '浙江人民出版社',
      publisherPlace: '杭州',
    });
    expect(chapter.links.map((l) => `${l.role}:${l.name}`)).toEqual(['author:Xiaoming Wang', 'editor:Hua Li']);
  });
});

describe('hostile XML', () => {
  const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<modsCollection><mods><titleInfo><title>&lol9;</title></titleInfo></mods></modsCollection>`;
  const EXTERNAL = `<?xml version="1.0"?>
<!DOCTYPE xml SYSTEM "file:///etc/passwd">
<xml><records><record><titles><title>&xxe;</title></titles></record></records></xml>`;

  it.each([
    ['an XML bomb in MODS', BOMB, 'MODS: line 2'],
    ['an external entity in EndNote XML', EXTERNAL, 'EndNote XML: line 2'],
  ])('%s: refused unread, nothing written', async (_name, content, start) => {
    const lib = await library();
    const state = catalogueState(lib.dir);
    for (const channel of ['previewMetadataImport', 'importMetadata'] as const) {
      const r = await lib.service.call(channel, { content });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.reason).toBe('xml_entities');
      expect(r.error.message).toBe(
        `${start} declares a document type with entities or an external file; these can expand to gigabytes (an "XML bomb") or read files from this computer, and a bibliography never needs them: the file is refused unread`,
      );
    }
    expect(catalogueState(lib.dir)).toEqual(state);
  });

  it('XML that is not well-formed is refused with its line', async () => {
    const lib = await library();
    const r = await lib.service.call('previewMetadataImport', {
      content: '<modsCollection>\n<mods><titleInfo><title>Cut short</titleInfo></mods>\n</modsCollection>',
    });
    expect(r.ok ? '' : r.error.message).toMatch(/^MODS: line 2: /);
  });
});
