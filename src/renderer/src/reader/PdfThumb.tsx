import { useEffect, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';

const THUMB_WIDTH = 96;

/** A page drawn small by pdf.js, for the page strip (mounted only once it is scrolled near). */
export function PdfThumb({ doc, page }: { doc: PDFDocumentProxy; page: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let render: { cancel: () => void } | null = null;
    void doc.getPage(page).then((p) => {
      const c = canvas.current;
      if (cancelled || !c) return;
      const vp = p.getViewport({ scale: THUMB_WIDTH / p.getViewport({ scale: 1 }).width });
      c.width = Math.ceil(vp.width);
      c.height = Math.ceil(vp.height);
      const task = p.render({ canvas: c, viewport: vp });
      render = task;
      task.promise.catch(() => {});
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page]);
  return <canvas ref={canvas} className="reader-thumb-canvas" />;
}
