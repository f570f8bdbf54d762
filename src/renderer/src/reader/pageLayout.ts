/**
 * Where a page's words are on it, when that is known: pdf.js's text positions for a PDF page with
 * text, else the boxes OCR kept for a scanned page or image. The find box searches this text on
 * such pages, so every hit it counts there can be boxed on the page.
 */
import type { PageViewport } from 'pdfjs-dist';
import type { TextRange } from './findText';
import { ocrHitBoxes, type OcrPageText } from './ocrText';
import { hitBoxes, type Box, type PdfPageText } from './pdfText';
import type { Rotation, Size } from './useReaderView';

/** What the reader hands a page view, whatever draws the page (pdf.js, or an image into a canvas). */
export interface PageViewProps {
  page: number;
  scale: number;
  rotation: Rotation;
  /** Where the page's words are, once read (the find box reads every page). */
  layout: PageLayout | null;
  hits: readonly TextRange[];
  current: number | null;
  onNaturalSize: (size: Size) => void;
}

export type PageLayout = { kind: 'pdf'; page: PdfPageText } | { kind: 'ocr'; page: OcrPageText };

/** The page as drawn: its size in CSS pixels (turned), its turn, and pdf.js's viewport for a PDF page. */
export interface Shown {
  size: Size;
  rotation: Rotation;
  viewport: PageViewport | null;
}

export function markBoxes(
  layout: PageLayout | null,
  hits: readonly TextRange[],
  current: number | null,
  shown: Shown | null,
): { box: Box; current: boolean }[] {
  if (!layout || !shown) return [];
  const boxesOf = (hit: TextRange): Box[] =>
    layout.kind === 'pdf'
      ? shown.viewport
        ? hitBoxes(layout.page, hit, shown.viewport)
        : []
      : ocrHitBoxes(layout.page, hit, shown.size, shown.rotation);
  return hits.flatMap((hit, i) => boxesOf(hit).map((box) => ({ box, current: i === current })));
}
