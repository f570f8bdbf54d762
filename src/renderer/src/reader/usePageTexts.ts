/**
 * The text of every page, for the find box: a PDF page's own text as pdf.js lays it out (so hits
 * can be marked where they are), else the text the archive read from the page (OCR of a scan, or
 * the text of a plain-text file). PDF pages are read one after another only once find is opened.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageView } from '../../../shared/channels/documents';
import { pdfPageText, type PdfPageText } from './pdfText';

export interface PageTexts {
  /** Index page - 1. */
  texts: string[];
  /** The pages whose text is pdf.js's own (and so can be marked on the page). */
  layout: ReadonlyMap<number, PdfPageText>;
  complete: boolean;
}

export function usePageTexts(
  pageCount: number,
  doc: PDFDocumentProxy | null,
  stored: readonly PageView[] | null,
  wanted: boolean,
): PageTexts {
  const [layout, setLayout] = useState<ReadonlyMap<number, PdfPageText>>(new Map());
  const [read, setRead] = useState(false);
  useEffect(() => {
    if (!doc || !wanted || read) return;
    let stopped = false;
    void (async () => {
      const found = new Map<number, PdfPageText>();
      for (let n = 1; n <= doc.numPages && !stopped; n++) {
        const page = await doc.getPage(n);
        const text = pdfPageText(await page.getTextContent());
        if (text.text.trim()) found.set(n, text);
        // Show hits as they are found in a long document, every 25 pages.
        if (n % 25 === 0) setLayout(new Map(found));
      }
      if (stopped) return;
      setLayout(found);
      setRead(true);
    })().catch(() => !stopped && setRead(true));
    return () => {
      stopped = true;
    };
  }, [doc, wanted, read]);

  const texts = useMemo(() => {
    const byPage = new Map((stored ?? []).map((p) => [p.page, p.text]));
    return Array.from({ length: pageCount }, (_, i) => layout.get(i + 1)?.text ?? byPage.get(i + 1) ?? '');
  }, [pageCount, layout, stored]);
  return { texts, layout, complete: (!doc || read) && stored !== null };
}
