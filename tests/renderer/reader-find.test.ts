/**
 * The reader's find box: what counts as the same word, and that each hit points back at the
 * characters as written (so it can be marked on the page and in the text pane).
 */
import { describe, expect, it } from 'vitest';
import { findAll, markPieces } from '../../src/renderer/src/reader/findText';

const found = (text: string, query: string) => findAll(text, query).map((r) => text.slice(r.start, r.end));

describe('finding inside a document', () => {
  it('ignores case, accents and full-width forms, and counts every hit', () => {
    const text = 'The MoU was signed in Zürich. A second ＭｏＵ followed; mou is lower case.';
    expect(found(text, 'mou')).toEqual(['MoU', 'ＭｏＵ', 'mou']);
    expect(found(text, 'zurich')).toEqual(['Zürich']);
    expect(found(text, 'ZÜRICH')).toEqual(['Zürich']);
  });

  it('lets any white space match any other, across lines', () => {
    const text = 'signed at Leeds\n  Civic Hall in 2018';
    expect(found(text, 'leeds civic   hall')).toEqual(['Leeds\n  Civic Hall']);
    expect(found(text, 'leedscivic')).toEqual([]);
  });

  it('finds Chinese as typed, without spaces, in either script', () => {
    const text = '杭州市人民政府与利茲市議會 签署友好城市协议。OCR 写成：友 好 城 市';
    expect(found(text, '友好城市')).toEqual(['友好城市', '友 好 城 市']);
    // Traditional in the text, Simplified typed (and the other way round).
    expect(found(text, '利兹市议会')).toEqual(['利茲市議會']);
    expect(found('墓志铭', '墓誌銘')).toEqual(['墓志铭']);
  });

  it('gives nothing for an empty or blank query', () => {
    expect(findAll('some text', '')).toEqual([]);
    expect(findAll('some text', '   ')).toEqual([]);
  });

  it('keeps offsets right after characters outside the BMP and decomposed accents', () => {
    const text = '𠀀 Cafe\u0301 and café';
    expect(found(text, 'café')).toEqual(['Cafe\u0301', 'café']);
  });

  it('cuts a text into marked and plain pieces that put it back together', () => {
    const text = 'one Leeds, two leeds, end';
    const pieces = markPieces(text, findAll(text, 'LEEDS'));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.hit !== null)).toEqual([
      { text: 'Leeds', hit: 0 },
      { text: 'leeds', hit: 1 },
    ]);
  });
});
