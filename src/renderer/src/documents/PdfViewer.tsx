/** PDF pages with pdf.js in the record's viewer (the document is opened by usePdfDocument). */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import { usePdfDocument } from '../reader/usePdfDocument';
import { PageNav } from './PageNav';

export default function PdfViewer({
  url,
  page,
  pageCount,
  onPage,
}: {
  url: string;
  page: number;
  pageCount: number;
  onPage: (p: number) => void;
}) {
  const { t } = useT('documents');
  const canvas = useRef<HTMLCanvasElement>(null);
  const { doc, error } = usePdfDocument(url);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let render: { cancel: () => void } | null = null;
    void doc.getPage(Math.min(page, doc.numPages)).then((p) => {
      if (cancelled || !canvas.current) return;
      const viewport = p.getViewport({ scale: 1.5 });
      const c = canvas.current;
      c.width = Math.ceil(viewport.width);
      c.height = Math.ceil(viewport.height);
      const task = p.render({ canvas: c, viewport });
      render = task;
      task.promise.catch(() => {});
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page]);

  return (
    <div className="pdf-viewer">
      <PageNav page={page} pageCount={doc?.numPages ?? pageCount} onPage={onPage} />
      {error ? <p className="error">{t('pdfFailed', { reason: error })}</p> : null}
      <canvas ref={canvas} className="pdf-page" aria-label={t('pageLabel', { page })} />
    </div>
  );
}
