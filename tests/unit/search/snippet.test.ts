import { describe, expect, it } from 'vitest';
import { firstMatchAt, highlight, snippet, segmentsText } from '../../../src/shared/search/snippet';
import { tokenize } from '../../../src/shared/search/tokenizer';

const at = (text: string, query: string) => firstMatchAt(text, tokenize(query));

describe('where a snippet starts: the first word a query term matches', () => {
  it('finds a term at the start of a word only, as a prefix, whatever the case', () => {
    expect(at('The Leeds partnership', 'partner')).toBe(10);
    expect(at('A copartnership of two', 'partner')).toBe(-1);
    expect(at('LEEDS and Hangzhou', 'leeds')).toBe(0);
    expect(at('Minutes, 2019: item 4b', '4b')).toBe(20);
    expect(at('under_score', 'score')).toBe(6);
  });

  it('takes the earliest match of any term', () => {
    expect(at('trade mission and delegation', 'delegation trade')).toBe(0);
    expect(at('mission and delegation then trade', 'trade delegation')).toBe(12);
  });

  it('matches a one-letter term only as a whole word', () => {
    expect(at('Plan b was kept', 'b')).toBe(5);
    expect(at('the bill', 'b')).toBe(-1);
  });

  it('folds apostrophes and diacritics as the tokenizer does', () => {
    expect(at("Letter from O'Brien", 'obrien')).toBe(12);
    expect(at('Visit to Zürich', 'zurich')).toBe(9);
    expect(at('Visit to Zurich', 'zürich')).toBe(9);
  });

  it('finds Han text in either script, character by character', () => {
    expect(at('Notes 墓誌銘 and more', '墓志铭')).toBe(6);
    expect(at('利茲市政府', '利兹')).toBe(0);
    expect(at('会议 杭州', '杭州')).toBe(3);
    expect(at('English only', '杭州')).toBe(-1);
    // Indexes count UTF-16 units: the character outside the BMP takes two.
    expect(at('𠀀 then 杭', '杭州')).toBe(8);
  });

  it('marks the match in a snippet of a long text, with ellipses where cut', () => {
    const text = `${'word '.repeat(400)}the memorandum was signed ${'more '.repeat(400)}`;
    const segments = snippet(text, tokenize('memorandum'));
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['memorandum']);
    expect(segmentsText(segments).startsWith('…')).toBe(true);
    expect(segmentsText(segments).endsWith('…')).toBe(true);
  });

  it('marks Han in either script as written, adjacent characters as one mark', () => {
    const marked = (text: string, query: string) =>
      highlight(text, tokenize(query))
        .filter((s) => s.match)
        .map((s) => s.text);
    expect(marked('杭州与利茲的友好城市关系，杭州市', '杭州')).toEqual(['杭州', '杭州']);
    expect(marked('Notes 墓誌銘 and 墓志铭', '墓志铭')).toEqual(['墓誌銘', '墓志铭']);
    expect(segmentsText(highlight('𠀀 then 杭 and Hangzhou', tokenize('杭州')))).toBe('𠀀 then 杭 and Hangzhou');
    expect(highlight('English only', tokenize('杭州'))).toEqual([{ text: 'English only', match: false }]);
  });

  it('marks Han the same whether or not the query has other words', () => {
    // A Latin word that matches nothing sends the text through the general word-by-word path:
    // the character-by-character one for Han-only queries must agree with it.
    const texts = [
      '2018年，利兹市代表团访问杭州，签署了《谅解备忘录》。Leeds–Hangzhou 友好城市 since 1988.',
      '香港報章：利茲與杭州簽署諒解備忘錄，墓誌銘 𠀀𠀁 杭州杭州',
      'No Chinese here at all',
      '杭',
    ];
    for (const query of ['杭州', '谅解备忘录', '利兹', '墓志铭', '州']) {
      for (const text of texts) {
        expect(highlight(text, tokenize(query))).toEqual(highlight(text, [...tokenize(query), 'qqzzx']));
      }
    }
  });

  it('marks plain English text as the general path does', () => {
    // A typographic apostrophe at the end sends a text through the general word-by-word path
    // (it marks no word there): the fast one for plain ASCII must mark the same words.
    const general = (text: string, terms: string[]) => {
      const segments = highlight(`${text}’`, terms);
      const tail = segments[segments.length - 1]!;
      tail.text = tail.text.slice(0, -1);
      return tail.text === '' ? segments.slice(0, -1) : segments;
    };
    const texts = [
      'Leeds City Council signed a memorandum of understanding with Hangzhou in 1988; the MoU (ref. LCC/IP/1988-04) was renewed.',
      'Trade delegation: trade-delegations, TRADE, trades and a co-trader; item 4b, b, B-52, under_score.',
      '  spaces\tand\nnewlines  ',
      'a',
      '',
    ];
    for (const query of [
      'trade delegation',
      'mou',
      'b',
      'a',
      't',
      '4b',
      'leeds hangzhou 1988',
      'partner',
      'score',
      '杭州 leeds',
      'zürich',
    ]) {
      for (const text of texts) expect(highlight(text, tokenize(query))).toEqual(general(text, tokenize(query)));
    }
  });

  it('cuts the window as if the whole text were collapsed first, whatever its spaces', () => {
    // The window's definition, written plainly: every run of spaces made one, the text trimmed,
    // a width from a little before the match. snippet collapses only what the window can reach.
    const reference = (text: string, query: string, width: number): string => {
      const terms = tokenize(query);
      const first = firstMatchAt(text, terms);
      const flat = text.replace(/\s+/g, ' ').trim();
      if (first < 0) return flat.length > width ? `${flat.slice(0, width).trimEnd()}…` : flat;
      const at = text.slice(0, first).replace(/\s+/g, ' ').trimStart().length;
      let start = Math.max(0, at - Math.floor(width / 3));
      if (start > 0) {
        const space = flat.lastIndexOf(' ', start);
        if (space > at - width / 2) start = space + 1;
      }
      const end = Math.min(flat.length, start + width);
      return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
    };
    // Deterministic texts with every kind of space, in runs, leading and trailing.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const spaces = [' ', '  ', '\n', '\n\n  ', '\t', '\u00a0', '\u3000', ' \r\n ', '\u2028'];
    const words = ['Leeds', 'Hangzhou', 'trade', 'delegation', 'signed', 'the', 'MoU', 'in', '1988', '杭州', 'a'];
    let compared = 0;
    for (let k = 0; k < 600; k++) {
      let text = next(3) === 0 ? spaces[next(spaces.length)]! : '';
      for (let w = next(120); w > 0; w--) text += words[next(words.length)]! + spaces[next(spaces.length)]!;
      const query = ['trade', 'delegation', '1988', 'zzqq', 'hangzhou', 'a'][next(6)]!;
      const width = [20, 60, 180][next(3)]!;
      // snippet first cuts a long text around the match (a width before, three after): the
      // texts it passes whole to the window compare with the definition.
      const first = firstMatchAt(text, tokenize(query));
      if (first < 0 ? text.length > 3 * width : first > width || first + 3 * width < text.length) continue;
      compared++;
      expect(segmentsText(snippet(text, tokenize(query), width))).toBe(reference(text, query, width));
    }
    expect(compared).toBeGreaterThan(150);
  });
});
