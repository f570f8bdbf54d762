import { useEffect, useMemo, useRef, useState } from 'react';
import type { PageViewport, PDFDocumentProxy } from 'pdfjs-dist';
import { useT } from '../i18n/i18n';
import { HitMarks } from './HitMarks';
import { markBoxes, type PageViewProps } from './pageLayout';

/**
 * One PDF page drawn by pdf.js at the reader's scale and rotation, sharp on high-density screens
 * (the canvas has device pixels, its box CSS pixels), with the find hits on it.
 */
export function PdfPageView({
  doc,
  page,
  scale,
  rotation,
  layout,
  hits,
  current,
  onNaturalSize,
}: PageViewProps & { doc: PDFDocumentProxy }) {
  const { t } = useT('reader');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let render: { cancel: () => void } | null = null;
    void doc
      .getPage(Math.min(page, doc.numPages))
      .then((p) => {
        const c = canvas.current;
        if (cancelled || !c) return;
        const base = p.getViewport({ scale: 1 });
        onNaturalSize({ width: base.width, height: base.height });
        // pdf.js adds the page's own /Rotate to the rotation asked for.
        const vp = p.getViewport({ scale, rotation: (p.rotate + rotation) % 360 });
        const dpr = window.devicePixelRatio || 1;
        c.width = Math.ceil(vp.width * dpr);
        c.height = Math.ceil(vp.height * dpr);
        c.style.width = `${Math.ceil(vp.width)}px`;
        c.style.height = `${Math.ceil(vp.height)}px`;
        setViewport(vp);
        const task = p.render({ canvas: c, viewport: vp, transform: dpr === 1 ? undefined : [dpr, 0, 0, dpr, 0, 0] });
        render = task;
        task.promise.catch((e: Error) => {
          if (!cancelled && e.name !== 'RenderingCancelledException') setFailed(e.message);
        });
      })
      .catch((e: Error) => {
        if (!cancelled) setFailed(e.message);
      });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page, scale, rotation, onNaturalSize]);

  const boxes = useMemo(
    () =>
      markBoxes(
        layout,
        hits,
        current,
        viewport && { size: { width: viewport.width, height: viewport.height }, rotation, viewport },
      ),
    [layout, viewport, rotation, hits, current],
  );

  return (
    <div className="reader-page">
      {failed ? <p className="error">{t('pdfFailed', { reason: failed })}</p> : null}
      <canvas ref={canvas} className="reader-canvas" aria-label={t('page', { page })} role="img" />
      <HitMarks boxes={boxes} />
    </div>
  );
}
