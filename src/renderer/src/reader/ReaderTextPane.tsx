import type { PageView } from '../../../shared/channels/documents';
import type { RecordFile } from '../../../shared/channels/documents';
import { useT } from '../i18n/i18n';
import { MarkedText } from './MarkedText';

/**
 * The text the archive read from the page being shown (its text layer, or OCR of a scan), the
 * same the record's viewer shows, beside the page; with `page` null, every page (a text file).
 */
export function ReaderTextPane({
  pages,
  page,
  query,
  textStatus,
  className,
}: {
  pages: readonly PageView[] | null;
  page: number | null;
  query: string;
  textStatus: RecordFile['textStatus'];
  className: string;
}) {
  const { t } = useT('reader');
  const shown = (pages ?? []).filter((p) => page === null || p.page === page);
  return (
    <section className={className} aria-label={t('text.label')} tabIndex={0}>
      {shown.length === 0 ? (
        <p className="muted">
          {textStatus === 'pending' ? t('text.reading') : page !== null ? t('text.none', { page }) : t('text.noneAll')}
        </p>
      ) : (
        shown.map((p) => <MarkedText key={p.page} text={p.text} query={query} />)
      )}
    </section>
  );
}
