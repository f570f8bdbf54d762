/**
 * Citations of the sample records in each built-in style. The expected strings were written out
 * by hand from each style's rules (APA 7 §9–10, Cite Them Right's Harvard, CMOS 17 author-date,
 * MLA 9, Citing Medicine), not copied from the program's output; every one includes the archival
 * location (reference code, holding archive, its place).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

const ARCHIVE = 'Leeds City Council International Relations Archive';
let lib: TestLibrary;
// Sample record ids: 1 press release, 2 Leeds–Hangzhou MoU, 5 Hangzhou TV coverage.
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

describe('built-in styles on the sample records', () => {
  it('APA 7: no author moves the title first; [description]; (year, Month day); reference, repository, place', async () => {
    expect((await cite('apa', [PRESS])).text).toBe(
      `Celebration of a 30-year anniversary [Press release]. (2020, March 11). LCC/IR/PR/2020/03, ${ARCHIVE}, Leeds.`,
    );
    // Two group authors (parties), joined by "&"; no comma, as neither name is inverted.
    expect((await cite('apa', [MOU])).text).toBe(
      `Leeds & Hangzhou. (2018, September). Memorandum of understanding between Leeds and Hangzhou (2018) [Memorandum of understanding]. LCC/IR/AG/2018/01, ${ARCHIVE}, Leeds.`,
    );
    expect((await cite('apa', [TV])).text).toBe(
      `Hangzhou TV coverage of the Leeds–Hangzhou 30th anniversary celebration [Television broadcast]. (2018, September). Hangzhou TV. LCC/IR/MC/2018/01, ${ARCHIVE}, Leeds.`,
    );
    const mou = await cite('apa', [MOU]);
    expect(mou.inText.text).toBe('(Leeds & Hangzhou, 2018)');
    expect(mou.html).toContain('<i>Memorandum of understanding between Leeds and Hangzhou (2018)</i>');
    expect((await cite('apa', [PRESS])).inText.text).toBe('(Celebration of a 30-year anniversary, 2020)');
  });

  it('Harvard (Cite Them Right): Author (Year) Title. Description. Reference. Place: Archive.', async () => {
    expect((await cite('harvard-cite-them-right', [PRESS])).text).toBe(
      `Celebration of a 30-year anniversary (2020) Press release. 11 March. LCC/IR/PR/2020/03. Leeds: ${ARCHIVE}.`,
    );
    expect((await cite('harvard-cite-them-right', [MOU])).text).toBe(
      `Leeds and Hangzhou (2018) Memorandum of understanding between Leeds and Hangzhou (2018). Memorandum of understanding. LCC/IR/AG/2018/01. Leeds: ${ARCHIVE}.`,
    );
    expect((await cite('harvard-cite-them-right', [TV])).text).toBe(
      `Hangzhou TV coverage of the Leeds–Hangzhou 30th anniversary celebration (2018) Television broadcast. Hangzhou TV, September. LCC/IR/MC/2018/01. Leeds: ${ARCHIVE}.`,
    );
    expect((await cite('harvard-cite-them-right', [MOU])).inText.text).toBe('(Leeds and Hangzhou, 2018)');
  });

  it('Chicago author-date: headline-style titles, year after the author, reference then repository, place', async () => {
    expect((await cite('chicago-author-date', [PRESS])).text).toBe(
      `Celebration of a 30-Year Anniversary. 2020. Press release. March 11, 2020. LCC/IR/PR/2020/03. ${ARCHIVE}, Leeds.`,
    );
    expect((await cite('chicago-author-date', [MOU])).text).toBe(
      `Leeds and Hangzhou. 2018. Memorandum of Understanding between Leeds and Hangzhou (2018). Memorandum of understanding. September 2018. LCC/IR/AG/2018/01. ${ARCHIVE}, Leeds.`,
    );
    expect((await cite('chicago-author-date', [TV])).text).toBe(
      `Hangzhou TV Coverage of the Leeds–Hangzhou 30th Anniversary Celebration. 2018. Television broadcast. Hangzhou TV, September 2018. LCC/IR/MC/2018/01. ${ARCHIVE}, Leeds.`,
    );
    expect((await cite('chicago-author-date', [MOU])).inText.text).toBe('(Leeds and Hangzhou 2018)');
  });

  it('MLA 9: Title Case, day Mon. year, the archive as a second container', async () => {
    expect((await cite('modern-language-association', [PRESS])).text).toBe(
      `Celebration of a 30-Year Anniversary. Press release, 11 Mar. 2020. ${ARCHIVE}, Leeds, LCC/IR/PR/2020/03.`,
    );
    expect((await cite('modern-language-association', [MOU])).text).toBe(
      `Leeds and Hangzhou. Memorandum of Understanding between Leeds and Hangzhou (2018). Memorandum of understanding, Sept. 2018. ${ARCHIVE}, Leeds, LCC/IR/AG/2018/01.`,
    );
    expect((await cite('modern-language-association', [TV])).text).toBe(
      `Hangzhou TV Coverage of the Leeds–Hangzhou 30th Anniversary Celebration. Television broadcast, Hangzhou TV, Sept. 2018. ${ARCHIVE}, Leeds, LCC/IR/MC/2018/01.`,
    );
    expect((await cite('modern-language-association', [MOU])).inText.text).toBe('(Leeds and Hangzhou)');
  });

  it('Vancouver: numbered in citation order, [type], year Mon day, "Located at:"', async () => {
    const all = await cite('vancouver', [PRESS, MOU, TV]);
    expect(all.text.split('\n')).toEqual([
      `1. Celebration of a 30-year anniversary [Press release]. 2020 Mar 11. Located at: ${ARCHIVE}, Leeds; LCC/IR/PR/2020/03.`,
      `2. Leeds, Hangzhou. Memorandum of understanding between Leeds and Hangzhou (2018) [Memorandum of understanding]. 2018 Sep. Located at: ${ARCHIVE}, Leeds; LCC/IR/AG/2018/01.`,
      `3. Hangzhou TV coverage of the Leeds–Hangzhou 30th anniversary celebration [Television broadcast]. Hangzhou TV; 2018 Sep. Located at: ${ARCHIVE}, Leeds; LCC/IR/MC/2018/01.`,
    ]);
    expect(all.inText.text).toBe('(1–3)');
    expect(all.entries.map((e) => e.recordId)).toEqual([PRESS, MOU, TV]);
  });
});

describe('the two other agreements of the sample, in every style', () => {
  const QINGDAO_TITLE = 'Memorandum with the creative district of Qingdao on the cultural and creative industries (2018)';
  const QINGDAO_HEADLINE = 'Memorandum with the Creative District of Qingdao on the Cultural and Creative Industries (2018)';
  const CBIIP_TITLE = 'Agreement between Leeds City Region Enterprise Partnership and China Britain Industry Innovation Park (2018)';
  const PARTIES = ['Leeds City Region Enterprise Partnership', 'China Britain Industry Innovation Park'];
  const expected: Record<string, [string, string]> = {
    apa: [
      `Bradford & Creative district of Qingdao. (2018, September). ${QINGDAO_TITLE} [Memorandum]. LCC/IR/AG/2018/02, ${ARCHIVE}, Leeds.`,
      `${PARTIES.join(' & ')}. (2018, September). ${CBIIP_TITLE} [Agreement]. LCC/IR/AG/2018/03, ${ARCHIVE}, Leeds.`,
    ],
    'harvard-cite-them-right': [
      `Bradford and Creative district of Qingdao (2018) ${QINGDAO_TITLE}. Memorandum. LCC/IR/AG/2018/02. Leeds: ${ARCHIVE}.`,
      `${PARTIES.join(' and ')} (2018) ${CBIIP_TITLE}. Agreement. LCC/IR/AG/2018/03. Leeds: ${ARCHIVE}.`,
    ],
    'chicago-author-date': [
      `Bradford and Creative district of Qingdao. 2018. ${QINGDAO_HEADLINE}. Memorandum. September 2018. LCC/IR/AG/2018/02. ${ARCHIVE}, Leeds.`,
      `${PARTIES.join(' and ')}. 2018. ${CBIIP_TITLE}. Agreement. September 2018. LCC/IR/AG/2018/03. ${ARCHIVE}, Leeds.`,
    ],
    'modern-language-association': [
      `Bradford and Creative district of Qingdao. ${QINGDAO_HEADLINE}. Memorandum, Sept. 2018. ${ARCHIVE}, Leeds, LCC/IR/AG/2018/02.`,
      `${PARTIES.join(' and ')}. ${CBIIP_TITLE}. Agreement, Sept. 2018. ${ARCHIVE}, Leeds, LCC/IR/AG/2018/03.`,
    ],
    vancouver: [
      `1. Bradford, Creative district of Qingdao. ${QINGDAO_TITLE} [Memorandum]. 2018 Sep. Located at: ${ARCHIVE}, Leeds; LCC/IR/AG/2018/02.`,
      `1. ${PARTIES.join(', ')}. ${CBIIP_TITLE} [Agreement]. 2018 Sep. Located at: ${ARCHIVE}, Leeds; LCC/IR/AG/2018/03.`,
    ],
  };
  for (const [style, [qingdao, cbiip]] of Object.entries(expected)) {
    it(style, async () => {
      expect((await cite(style, [QINGDAO])).text).toBe(qingdao);
      expect((await cite(style, [CBIIP])).text).toBe(cbiip);
    });
  }
});

describe('British English and the web', () => {
  // Cite Them Right: a part of a larger work in single quotation marks (British usage), then the italic container.
  it('Cite Them Right prints a web page with its URL and an en-GB accessed date (day month year)', async () => {
    const web = await lib.ok('createRecord', {
      type: 'media-coverage',
      medium: 'web',
      title: 'Leeds and Hangzhou renew their partnership',
      outlet: 'Yorkshire Evening Post',
      date: '2018-09-14',
      url: 'https://example.org/leeds-hangzhou',
      referenceCode: 'LCC/IR/MC/2018/02',
    });
    const accessed = new Date(web.createdAt);
    const month = accessed.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    const day = accessed.getUTCDate();
    expect((await cite('harvard-cite-them-right', [web.id])).text).toBe(
      `‘Leeds and Hangzhou renew their partnership’ (2018) Yorkshire Evening Post, 14 September. LCC/IR/MC/2018/02. Leeds: ${ARCHIVE}. ` +
        `Available at: https://example.org/leeds-hangzhou (Accessed: ${day} ${month} ${accessed.getUTCFullYear()}).`,
    );
  });

  it('headline-style capitals apply only to English titles (CSL: text-case="title" is for English items)', async () => {
    const zh = await lib.ok('createRecord', { type: 'report', title: '杭州与利兹 partnership report', languages: ['zh-Hans'], date: '2019' });
    const en = await lib.ok('createRecord', { type: 'report', title: 'a partnership report from the archive', languages: ['en'], date: '2019' });
    expect((await cite('chicago-author-date', [zh.id])).text).toMatch(/^杭州与利兹 partnership report\. 2019\./);
    expect((await cite('chicago-author-date', [en.id])).text).toMatch(/^A Partnership Report from the Archive\. 2019\./);
  });

  it('an approximate date is marked "ca." (APA 7 §9.16; CMOS 10.43)', async () => {
    const r = await lib.ok('createRecord', { type: 'photograph', title: 'Delegation on the steps of Leeds Civic Hall', date: '1988', dateApproximate: true });
    expect((await cite('apa', [r.id])).text).toBe(`Delegation on the steps of Leeds Civic Hall [Photograph]. (ca. 1988). ${ARCHIVE}, Leeds.`);
    expect((await cite('apa', [r.id])).inText.text).toBe('(Delegation on the steps of Leeds Civic Hall, ca. 1988)');
    expect((await cite('chicago-author-date', [r.id])).text).toBe(`Delegation on the Steps of Leeds Civic Hall. ca. 1988. Photograph. 1988. ${ARCHIVE}, Leeds.`);
  });

  it('the holding archive comes from the library settings, and a record without a reference code still names the archive', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter from Hangzhou', date: '1988' });
    expect((await cite('apa', [r.id])).text).toBe(`Letter from Hangzhou [Letter]. (1988). ${ARCHIVE}, Leeds.`);
  });

  it('HTML output escapes what the records hold; text output keeps it as typed', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'Trade & <script>alert(1)</script> report', date: '2019' });
    const c = await cite('apa', [r.id]);
    expect(c.html).not.toContain('<script>');
    expect(c.html).toContain('Trade &#38; &#60;script&#62;alert(1)&#60;/script&#62; report');
    expect(c.text).toContain('Trade & <script>alert(1)</script> report');
  });

  it('the default style is used when none is named, and can be changed to another style', async () => {
    expect((await lib.ok('getSettings', {})).defaultStyle).toBe('apa');
    expect((await lib.ok('citeRecords', { ids: [MOU] })).style).toBe('apa');
    await lib.ok('updateSettings', { defaultStyle: 'vancouver' });
    expect((await lib.ok('citeRecords', { ids: [MOU] })).style).toBe('vancouver');
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

  it('lists the five built-in styles', async () => {
    const styles = await lib.ok('listStyles', {});
    expect(styles.filter((s) => s.builtIn).map((s) => s.id)).toEqual([
      'apa',
      'harvard-cite-them-right',
      'chicago-author-date',
      'modern-language-association',
      'vancouver',
    ]);
  });
});
