import { useCallback, useRef, useState } from 'react';
import type { RecordFile } from '../../../shared/channels/documents';
import { archive } from '../archive';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { FindBar } from './FindBar';
import { ImagePageView } from './ImagePageView';
import type { PageViewProps } from './pageLayout';
import { PageStrip } from './PageStrip';
import { PdfPageView } from './PdfPageView';
import { useReaderKeys } from './useReaderKeys';
import { ReaderTextPane } from './ReaderTextPane';
import { ReaderToolbar } from './ReaderToolbar';
import { pageCountOf, readerSource } from './readerSource';
import { useFind } from './useFind';
import { usePageTexts } from './usePageTexts';
import { usePdfDocument } from './usePdfDocument';
import { useReaderView } from './useReaderView';

/** The reader's tools, page strip, page and text pane, and the find box, for one file. */
export function Reader({
  file,
  initialPage,
  onPage,
}: {
  file: RecordFile;
  initialPage: number;
  onPage: (page: number) => void;
}) {
  const { t } = useT('reader');
  const source = readerSource(file) ?? { kind: 'text' as const };
  const { doc, error } = usePdfDocument(source.kind === 'pdf' ? source.url : null);
  const stored = useResult(() => archive.filePages({ fileId: file.id }), [file.id, file.textStatus]);
  const pageCount = pageCountOf(source, doc?.numPages ?? null);
  const [page, setPageState] = useState(Math.min(initialPage, pageCount));
  const frame = useRef<HTMLDivElement>(null);
  const view = useReaderView(frame);
  const [findOpen, setFindOpen] = useState(false);
  const [query, setQuery] = useState('');
  const findInput = useRef<HTMLInputElement>(null);

  const goTo = useCallback(
    (p: number) => {
      setPageState(p);
      onPage(p);
    },
    [onPage],
  );
  const isPdf = source.kind === 'pdf';
  const texts = usePageTexts(
    file.id,
    pageCount,
    isPdf ? doc : null,
    stored.value ?? null,
    findOpen && (!isPdf || doc !== null),
  );
  const find = useFind(texts.texts, findOpen ? query : '', page, goTo);
  const currentHit = find.current === null ? null : (find.hits[find.current] ?? null);
  const layout = texts.layouts.get(page) ?? null;
  // What either page view draws: the page at the reader's scale and turn, with its find hits.
  const pageView: PageViewProps = {
    page,
    scale: view.scale,
    rotation: view.rotation,
    layout,
    hits: layout ? find.hits.filter((h) => h.page === page) : [],
    current: currentHit?.page === page ? currentHit.onPage : null,
    onNaturalSize: view.setNatural,
  };
  const openFind = () => {
    setFindOpen(true);
    // The box is rendered by this update; focus it once it is there.
    requestAnimationFrame(() => findInput.current?.select());
  };
  const main = useRef<HTMLDivElement>(null);
  useReaderKeys(main, { page, pageCount, onPage: goTo, zoomIn: view.zoomIn, zoomOut: view.zoomOut, find: openFind });
  const drawn = source.kind !== 'text';
  const images = source.kind === 'images' ? source.pages : null;

  return (
    <div ref={main} className="reader-main">
      <ReaderToolbar
        page={page}
        pageCount={pageCount}
        onPage={goTo}
        view={view}
        drawn={drawn}
        hasTextPane={drawn}
        onFind={openFind}
      />
      {findOpen ? (
        <FindBar
          input={findInput}
          query={query}
          onQuery={setQuery}
          total={find.hits.length}
          current={find.current}
          reading={!texts.complete}
          offPage={currentHit !== null && currentHit.page === page && drawn && !layout}
          onNext={find.next}
          onPrevious={find.previous}
          onClose={() => {
            setFindOpen(false);
            frame.current?.focus();
          }}
        />
      ) : null}
      <div className={drawn && view.showText ? 'reader-body with-text' : 'reader-body'}>
        {drawn && pageCount > 1 ? (
          <PageStrip pageCount={pageCount} page={page} onPage={goTo} doc={doc} images={images} />
        ) : null}
        <div ref={frame} className="reader-frame" tabIndex={0} role="region" aria-label={t('page', { page })}>
          {error ? <p className="error">{t('pdfFailed', { reason: error })}</p> : null}
          {source.kind === 'pdf' && doc ? (
            <PdfPageView doc={doc} {...pageView} />
          ) : source.kind === 'images' ? (
            <ImagePageView src={source.pages[page - 1] ?? null} {...pageView} />
          ) : source.kind === 'text' ? (
            <ReaderTextPane
              className="reader-text-main"
              pages={stored.value ?? null}
              page={null}
              query={findOpen ? query : ''}
              textStatus={file.textStatus}
            />
          ) : null}
        </div>
        {drawn && view.showText ? (
          <ReaderTextPane
            className="reader-text"
            pages={stored.value ?? null}
            page={page}
            query={findOpen ? query : ''}
            textStatus={file.textStatus}
          />
        ) : null}
      </div>
    </div>
  );
}
