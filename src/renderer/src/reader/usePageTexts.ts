/**
 * The text of every page, for the find box: where the page's words are known (a PDF page's own
 * text as pdf.js lays it out, else the words OCR kept with their boxes), that text, so each hit
 * can be marked on the page; otherwise the text the archive read from the page (a plain-text
 * file, or a page read before OCR kept boxes). Pages are read one after another, and only once
 * find is opened.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageView } from '../../../shared/channels/documents';
import { archive } from '../archive';
import { ocrPageText } from './ocrText';
import type { PageLayout } from './pageLayout';
import { pdfPageText } from './pdfText';

export interface PageTexts {
  /** Index page - 1. */
  texts: string[];
  layouts: ReadonlyMap<number, PageLayout>;
  complete: boolean;
}

async function layoutOf(fileId: number, doc: PDFDocumentProxy | null, n: number): Promise<PageLayout | null> {
  if (doc) {
    const page = pdfPageText(await (await doc.getPage(n)).getTextContent());
    if (page.text.trim()) return { kind: 'pdf', page };
  }
  const words = await archive.pageWords({ fileId, page: n });
  return words.ok && words.value && words.value.words.length > 0
    ? { kind: 'ocr', page: ocrPageText(words.value) }
    : null;
}

export function usePageTexts(
  fileId: number,
  pageCount: number,
  doc: PDFDocumentProxy | null,
  stored: readonly PageView[] | null,
  wanted: boolean,
): PageTexts {
  const [layouts, setLayouts] = useState<ReadonlyMap<number, PageLayout>>(new Map());
  const [read, setRead] = useState(false);
  // A PDF's pages are known once pdf.js has opened it.
  const ready = wanted && (doc !== null || stored !== null);
  useEffect(() => {
    if (!ready || read) return;
    let stopped = false;
    void (async () => {
      const found = new Map<number, PageLayout>();
      for (let n = 1; n <= pageCount && !stopped; n++) {
        const layout = await layoutOf(fileId, doc, n);
        if (layout) found.set(n, layout);
        // Show hits as they are found in a long document, every 25 pages.
        if (n % 25 === 0 && !stopped) setLayouts(new Map(found));
      }
      if (stopped) return;
      setLayouts(found);
      setRead(true);
    })().catch(() => !stopped && setRead(true));
    return () => {
      stopped = true;
    };
  }, [fileId, pageCount, doc, ready, read]);

  const texts = useMemo(() => {
    const byPage = new Map((stored ?? []).map((p) => [p.page, p.text]));
    return Array.from({ length: pageCount }, (_, i) => {
      const layout = layouts.get(i + 1);
      return layout ? layout.page.text : (byPage.get(i + 1) ?? '');
    });
  }, [pageCount, layouts, stored]);
  return { texts, layouts, complete: read && stored !== null };
}
