import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/shared/search/document';
import { buildRecordIndex, fuzzyFor, searchRecords } from '../../src/shared/search/engine';
import { foldText, tokenize } from '../../src/shared/search/tokenizer';

const doc = (id: number, fields: Partial<SearchDocument>): SearchDocument => ({
  id,
  type: 'other',
  title: '',
  titleAlt: '',
  date: '',
  referenceCode: '',
  people: '',
  organisations: '',
  places: '',
  events: '',
  partnerships: '',
  tags: '',
  outlet: '',
  description: '',
  excerpt: '',
  ...fields,
});

describe('the tokenizer', () => {
  it('folds case, width and diacritics', () => {
    expect(foldText('Zürich ＭｏＵ Café')).toBe('zurich mou cafe');
    expect(tokenize('Zürich')).toEqual(tokenize('zurich'));
  });
  it('splits words and keeps inner apostrophes', () => {
    expect(tokenize("China’s film industry, Leeds2023!")).toEqual(['chinas', 'film', 'industry', 'leeds2023']);
  });
  it('turns Han text into overlapping bigrams, and a lone character into itself', () => {
    expect(tokenize('杭州市')).toEqual(['杭州', '州市']);
    expect(tokenize('谅解备忘录')).toEqual(['谅解', '解备', '备忘', '忘录']);
    expect(tokenize('杭')).toEqual(['杭']);
    expect(tokenize('Leeds 利兹 partnership')).toEqual(['leeds', '利兹', 'partnership']);
  });
  it('scales typo tolerance with term length, and never for Chinese or numbers', () => {
    expect(fuzzyFor('mou')).toBe(false);
    expect(fuzzyFor('leeds')).toBe(1);
    expect(fuzzyFor('hangzhou')).toBe(2);
    expect(fuzzyFor('杭州')).toBe(false);
    expect(fuzzyFor('2018')).toBe(false);
  });
});

describe('record-level search', () => {
  const index = buildRecordIndex([
    doc(1, { type: 'agreement', title: 'Memorandum of understanding between Leeds and Hangzhou', places: 'Leeds 利兹 Hangzhou 杭州' }),
    doc(2, { type: 'media-coverage', title: 'Hangzhou TV report', organisations: 'Hisense', description: '杭州市 友好城市' }),
    doc(3, { type: 'press-release', title: 'Celebration of a 30-year anniversary', description: 'Leeds delegation', excerpt: '谅解备忘录 signed' }),
  ]);

  it('finds by typo, prefix and Chinese', () => {
    expect(searchRecords(index, 'Hangzou').map((h) => h.id).sort()).toEqual([1, 2]);
    expect(searchRecords(index, 'Hisnse').map((h) => h.id)).toEqual([2]);
    expect(searchRecords(index, 'memor').map((h) => h.id)).toEqual([1]);
    expect(searchRecords(index, '杭州').map((h) => h.id).sort()).toEqual([1, 2]);
    expect(searchRecords(index, '谅解备忘录').map((h) => h.id)).toEqual([3]);
    expect(searchRecords(index, '友好城市').map((h) => h.id)).toEqual([2]);
  });
  it('ANDs words and ranks title matches above description matches', () => {
    expect(searchRecords(index, 'Leeds Hangzhou').map((h) => h.id)).toEqual([1]);
    const leeds = searchRecords(index, 'Leeds');
    expect(leeds[0]!.id).toBe(1);
    expect(leeds[0]!.matchedIn).toContain('title');
  });
  it('returns nothing for a query with no terms', () => {
    expect(searchRecords(index, '  ,, ')).toEqual([]);
  });
});
