/**
 * A PDF page's text as pdf.js lays it out (getTextContent): one string for finding, and, for a
 * hit, the rectangles it covers on the drawn page. Inside one text item (often a whole line), a
 * character's place is its share of the item's width as a font of the same family measures it
 * (pdf.js gives the family, not the embedded font's metrics), so "Leeds" in a proportional line
 * is boxed where it is drawn, not where an even spacing would put it.
 */
import type { PageViewport } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { TextRange } from './findText';

export interface PdfPageText {
  text: string;
  items: { start: number; item: TextItem; family: string }[];
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function pdfPageText(content: TextContent): PdfPageText {
  let text = '';
  const items: PdfPageText['items'] = [];
  for (const it of content.items) {
    if (!('str' in it)) continue;
    items.push({ start: text.length, item: it, family: content.styles[it.fontName]?.fontFamily ?? 'sans-serif' });
    text += it.str;
    if (it.hasEOL) text += '\n';
  }
  return { text, items };
}

let measurer: OffscreenCanvasRenderingContext2D | null | undefined;

/** How far into `str` its first `upTo` characters reach, as a fraction of its width. */
function share(str: string, upTo: number, family: string): number {
  if (upTo <= 0) return 0;
  if (upTo >= str.length) return 1;
  measurer ??= typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!measurer) return upTo / str.length;
  measurer.font = `100px ${family}`;
  const whole = measurer.measureText(str).width;
  return whole > 0 ? measurer.measureText(str.slice(0, upTo)).width / whole : upTo / str.length;
}

/** The rectangles (in the viewport's CSS pixels) one hit covers, one per text item it touches. */
export function hitBoxes(page: PdfPageText, hit: TextRange, viewport: PageViewport): Box[] {
  const boxes: Box[] = [];
  for (const { start, item, family } of page.items) {
    const len = item.str.length;
    const a = Math.max(hit.start, start);
    const b = Math.min(hit.end, start + len);
    if (b <= a || len === 0) continue;
    const [m0, m1, m2, m3, m4, m5] = item.transform as number[];
    const along = Math.hypot(m0!, m1!) || 1;
    const up = Math.hypot(m2!, m3!) || 1;
    // Unit vectors along the baseline and up the glyphs, in PDF user space.
    const ux = m0! / along;
    const uy = m1! / along;
    const vx = m2! / up;
    const vy = m3! / up;
    const height = item.height || up;
    const t0 = share(item.str, a - start, family) * item.width;
    const t1 = share(item.str, b - start, family) * item.width;
    // From a little below the baseline (descenders) to the top of the glyphs.
    const lo = -0.2 * height;
    const hi = 0.95 * height;
    const corners = [
      [t0, lo],
      [t1, lo],
      [t0, hi],
      [t1, hi],
    ].map(
      ([t, h]) => viewport.convertToViewportPoint(m4! + ux * t! + vx * h!, m5! + uy * t! + vy * h!) as [number, number],
    );
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    boxes.push({ left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top });
  }
  return boxes;
}
