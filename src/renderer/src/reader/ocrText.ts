/**
 * An OCR'd page's words (their boxes kept by OCR, normalised to the page) as one text for
 * finding, and a hit's boxes on the page as shown: scaled to its size and turned with it.
 */
import type { OcrWord, PageWords } from '../../../shared/channels/documents';
import type { TextRange } from './findText';
import type { Box } from './pdfText';
import type { Rotation, Size } from './useReaderView';

export interface OcrPageText {
  text: string;
  words: { start: number; word: OcrWord }[];
}

export function ocrPageText(page: PageWords): OcrPageText {
  let text = '';
  const words: OcrPageText['words'] = [];
  for (const word of page.words) {
    if (text) text += ' ';
    words.push({ start: text.length, word });
    text += word.text;
  }
  return { text, words };
}

/** A box normalised to the upright page (0..1), as it falls on the page turned clockwise by `rotation`. */
function turn(b: Box, rotation: Rotation): Box {
  if (rotation === 90) return { left: 1 - b.top - b.height, top: b.left, width: b.height, height: b.width };
  if (rotation === 180)
    return { left: 1 - b.left - b.width, top: 1 - b.top - b.height, width: b.width, height: b.height };
  if (rotation === 270) return { left: b.top, top: 1 - b.left - b.width, width: b.height, height: b.width };
  return b;
}

/** The boxes (CSS pixels on the page as shown, `shown` its turned size) one hit covers, one a word. */
export function ocrHitBoxes(page: OcrPageText, hit: TextRange, shown: Size, rotation: Rotation): Box[] {
  const boxes: Box[] = [];
  for (const { start, word } of page.words) {
    const len = word.text.length;
    const a = Math.max(hit.start, start);
    const b = Math.min(hit.end, start + len);
    if (b <= a) continue;
    // Part of a word (a Chinese "word" may be a whole line): its share of the box, evenly.
    const from = (a - start) / len;
    const to = (b - start) / len;
    const upright = { left: word.x + word.w * from, top: word.y, width: word.w * (to - from), height: word.h };
    const t = turn(upright, rotation);
    boxes.push({
      left: t.left * shown.width,
      top: t.top * shown.height,
      width: t.width * shown.width,
      height: t.height * shown.height,
    });
  }
  return boxes;
}
