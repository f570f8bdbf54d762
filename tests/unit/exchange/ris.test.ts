/** RIS as tools write it: a BOM, CRLF line ends, repeated AU and KW tags, "PY  - 2019///". */
import { describe, expect, it } from 'vitest';
import { parseMetadata } from '../../../src/main/exchange/parse-metadata';

describe('RIS as tools write it', () => {
  it('reads a BOM, CRLF, repeated tags and a slashed year', () => {
    const ris = [
      '\uFEFFTY  - JOUR',
      'AU  - Müller, Zoë',
      'AU  - Zhang, Wei',
      'TI  - Twinning Leeds and Hangzhou',
      'KW  - Leeds',
      'KW  - Hangzhou',
      'PY  - 2019///',
      'ER  - ',
      'TY  - BOOK',
      'TI  - 杭州市志',
      'PY  - 1995',
      'ER  - ',
      '',
    ].join('\r\n');
    expect(parseMetadata(ris)).toEqual([
      {
        where: { unit: 'line', n: 1 },
        item: {
          type: 'article-journal',
          title: 'Twinning Leeds and Hangzhou',
          author: [
            { family: 'Müller', given: 'Zoë' },
            { family: 'Zhang', given: 'Wei' },
          ],
          keyword: 'Leeds,Hangzhou',
          issued: { 'date-parts': [[2019]] },
        },
      },
      { where: { unit: 'line', n: 9 }, item: { type: 'book', title: '杭州市志', issued: { 'date-parts': [[1995]] } } },
    ]);
  });
});

describe('TeX left in RIS titles', () => {
  it('is decoded as a .bib file’s fields are: accents, logos, protected words; other text is left alone', () => {
    const ris = [
      'TY  - JOUR',
      'TI  - Caf{\\\'e} culture in {\\"O}sterreich: {\\TeX} for {NASA}',
      'T2  - \\TUB',
      'ER  - ',
      'TY  - JOUR',
      'TI  - Set {a, b} is not TeX; {unbalanced',
      'ER  - ',
      'TY  - JOUR',
      'TI  - 50% of C:\\ paths & more',
      'ER  - ',
      '',
    ].join('\n');
    const items = parseMetadata(ris, 'ris').map((p) => p.item);
    expect(items[0]).toMatchObject({
      title: 'Café culture in Österreich: TeX for NASA',
      'container-title': 'TUGboat',
    });
    // Braces that do not balance are not TeX: the title stays as written.
    expect(items[1]!.title).toBe('Set {a, b} is not TeX; {unbalanced');
    expect(items[2]!.title).toBe('50% of C:\\ paths & more');
  });
});
