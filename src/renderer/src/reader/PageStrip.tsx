import { useEffect, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useT } from '../i18n/i18n';
import { PdfThumb } from './PdfThumb';
import { useVisible } from './useVisible';

/**
 * The document's pages as a column of thumbnails; choosing one goes to it. Only the thumbnails
 * scrolled into (or near) view are drawn, so a 500-page document costs what a few pages do.
 */
export function PageStrip({
  pageCount,
  page,
  onPage,
  doc,
  images,
}: {
  pageCount: number;
  page: number;
  onPage: (page: number) => void;
  doc: PDFDocumentProxy | null;
  images: readonly (string | null)[] | null;
}) {
  const { t } = useT('reader');
  const strip = useRef<HTMLElement>(null);
  useEffect(() => {
    strip.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
  }, [page]);
  return (
    <nav ref={strip} className="reader-strip" aria-label={t('strip')}>
      <ol>
        {Array.from({ length: pageCount }, (_, i) => (
          <li key={i}>
            <Thumb n={i + 1} current={page === i + 1} onPage={onPage} doc={doc} image={images?.[i] ?? null} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Thumb({
  n,
  current,
  onPage,
  doc,
  image,
}: {
  n: number;
  current: boolean;
  onPage: (page: number) => void;
  doc: PDFDocumentProxy | null;
  image: string | null;
}) {
  const { t } = useT('reader');
  const button = useRef<HTMLButtonElement>(null);
  const visible = useVisible(button);
  return (
    <button
      ref={button}
      type="button"
      className="reader-thumb"
      aria-current={current ? 'page' : undefined}
      onClick={() => onPage(n)}
    >
      <span className="reader-thumb-picture">
        {visible && doc ? <PdfThumb doc={doc} page={n} /> : null}
        {visible && image ? <img src={image} alt="" /> : null}
      </span>
      <span>{t('thumb', { page: n })}</span>
    </button>
  );
}
