/** Installing a user's CSL style (as in Zotero): checked, run once, refused with the reason when broken. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

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
  await lib.ok('createRecord', { type: 'letter', title: 'Letter to Hangzhou', date: '1988-10-04', referenceCode: 'L/1' });
});
afterAll(() => lib.close());

describe('installing a CSL style', () => {
  it('installs a valid style, lists it, and cites with it (en-GB: single quotes, day month year)', async () => {
    const info = await lib.ok('installStyle', { xml: GOOD });
    expect(info).toEqual({ id: 'short-title', title: 'Short title', builtIn: false, citationClass: 'in-text' });
    expect((await lib.ok('listStyles', {})).map((s) => s.id)).toContain('short-title');
    const c = await lib.ok('citeRecords', { ids: [1], style: 'short-title' });
    expect(c.text).toBe('‘Letter to Hangzhou’, 4 October 1988, L/1');
    expect(c.inText.text).toBe('[‘Letter to Hangzhou’]');
    await lib.ok('removeStyle', { style: 'short-title' });
    expect((await lib.ok('listStyles', {})).map((s) => s.id)).not.toContain('short-title');
  });

  const broken: [string, string, RegExp][] = [
    ['not XML at all', 'hello', /line 1: text outside the <style> element/],
    ['a tag closed by the wrong one', style('  <citation>\n    <layout>\n      <text variable="title"/>\n    </citation>\n  </layout>'), /line 11: <layout> \(opened on line 9\) is closed by <\/citation>/],
    ['a tag never closed', style('  <citation>\n    <layout>\n      <text variable="title"/>\n    </layout>\n  </citation>').replace('</style>', ''), /<style> opened on line 2 is never closed/],
    ['another XML vocabulary', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', /the root element is <html>, not <style>/],
    ['no citation', style(''), /no <citation> with a <layout>/],
    ['an unknown element', style('  <citation><layout><bold/></layout></citation>'), /line 8: <bold> is not a CSL element/],
    ['a macro that does not exist', style('  <citation><layout><text macro="author"/></layout></citation>'), /line 8: it calls the macro "author", which it does not define/],
    ['a built-in id', GOOD.replace('styles/short-title', 'styles/apa'), /"apa" is a built-in style/],
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
    const csl = JSON.parse((await lib.ok('exportCitations', { ids: [r.id], format: 'csl-json' })).content);
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
