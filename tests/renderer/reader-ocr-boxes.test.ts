/**
 * A find hit on an OCR'd page, boxed from the words' boxes OCR kept (normalised to the upright
 * page): the right word, the right part of a word, and the box turning with the page.
 */
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/renderer/src/reader/findText';
import { ocrHitBoxes, ocrPageText } from '../../src/renderer/src/reader/ocrText';

const words = {
  width: 1000,
  height: 2000,
  words: [
    { text: 'Signed', x: 0.1, y: 0.1, w: 0.2, h: 0.05, confidence: 90 },
    { text: 'at', x: 0.32, y: 0.1, w: 0.05, h: 0.05, confidence: 90 },
    { text: 'Leeds', x: 0.4, y: 0.1, w: 0.2, h: 0.05, confidence: 90 },
    { text: '友好城市', x: 0.1, y: 0.5, w: 0.4, h: 0.1, confidence: 80 },
  ],
};
const page = ocrPageText(words);
const shown = { width: 500, height: 1000 };
const round = (b: { left: number; top: number; width: number; height: number }) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, Math.round(v * 100) / 100]));

describe('OCR word boxes for find hits', () => {
  it('joins the words into the text searched', () => {
    expect(page.text).toBe('Signed at Leeds 友好城市');
  });

  it('boxes the word hit, scaled to the page as shown', () => {
    const [hit] = findAll(page.text, 'leeds');
    expect(ocrHitBoxes(page, hit!, shown, 0).map(round)).toEqual([{ left: 200, top: 100, width: 100, height: 50 }]);
  });

  it('boxes a phrase word by word, and part of a word by its share', () => {
    const [phrase] = findAll(page.text, 'at leeds');
    expect(ocrHitBoxes(page, phrase!, shown, 0)).toHaveLength(2);
    const [han] = findAll(page.text, '城市');
    expect(ocrHitBoxes(page, han!, shown, 0).map(round)).toEqual([{ left: 150, top: 500, width: 100, height: 100 }]);
  });

  it('turns the box with the page, a quarter at a time', () => {
    const [hit] = findAll(page.text, 'leeds');
    // Turned, the page shows 1000 wide and 500 high.
    const turned = { width: 1000, height: 500 };
    expect(round(ocrHitBoxes(page, hit!, turned, 90)[0]!)).toEqual({ left: 850, top: 200, width: 50, height: 100 });
    expect(round(ocrHitBoxes(page, hit!, shown, 180)[0]!)).toEqual({ left: 200, top: 850, width: 100, height: 50 });
    expect(round(ocrHitBoxes(page, hit!, turned, 270)[0]!)).toEqual({ left: 100, top: 200, width: 50, height: 100 });
  });
});
