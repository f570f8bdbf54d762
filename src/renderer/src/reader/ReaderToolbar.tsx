import { useT } from '../i18n/i18n';
import type { ReaderView } from './useReaderView';

/** Paging, fit, zoom, rotation, the text pane and find: the reader's tools in one row. */
export function ReaderToolbar({
  page,
  pageCount,
  onPage,
  view,
  drawn,
  hasTextPane,
  onFind,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  view: ReaderView;
  /** Pages are drawn (PDF, images): fit, zoom and rotation apply. */
  drawn: boolean;
  hasTextPane: boolean;
  onFind: () => void;
}) {
  const { t } = useT('reader');
  return (
    <div className="reader-tools" role="toolbar" aria-label={t('tools')}>
      {pageCount > 1 ? (
        <span className="reader-tool-group">
          <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('previousPage')}
          </button>
          <input
            type="number"
            className="reader-page-number"
            aria-label={t('pageNumber')}
            min={1}
            max={pageCount}
            value={page}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= pageCount) onPage(n);
            }}
          />
          <span>{t('ofPages', { count: pageCount })}</span>
          <button type="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
            {t('nextPage')}
          </button>
        </span>
      ) : null}
      {drawn ? (
        <span className="reader-tool-group">
          <button type="button" aria-pressed={view.fit === 'width'} onClick={() => view.setFit('width')}>
            {t('fitWidth')}
          </button>
          <button type="button" aria-pressed={view.fit === 'page'} onClick={() => view.setFit('page')}>
            {t('fitPage')}
          </button>
          <button type="button" onClick={view.zoomOut}>
            {t('zoomOut')}
          </button>
          <output className="reader-zoom" aria-live="polite">
            {t('zoomLevel', { percent: Math.round(view.scale * 100) })}
          </output>
          <button type="button" onClick={view.zoomIn}>
            {t('zoomIn')}
          </button>
          <button type="button" onClick={view.rotate}>
            {t('rotate')}
          </button>
        </span>
      ) : null}
      <span className="reader-tool-group">
        {hasTextPane ? (
          <button type="button" aria-pressed={view.showText} onClick={view.toggleText}>
            {t('showText')}
          </button>
        ) : null}
        <button type="button" onClick={onFind} aria-keyshortcuts="Control+F">
          {t('find')}
        </button>
      </span>
    </div>
  );
}
