import { archive } from '../archive';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import type { RecordFile } from '../../../shared/channels/documents';

/** The text read from a file, beside the viewer: one page (when paging) or all of it, with its source. */
export function PageText({
  fileId,
  page,
  textStatus,
}: {
  fileId: number;
  page: number | null;
  textStatus: RecordFile['textStatus'];
}) {
  const { t } = useT('documents');
  const pages = useResult(() => archive.filePages({ fileId }), [fileId, textStatus]);
  const shown = (pages.value ?? []).filter((p) => page === null || p.page === page);
  return (
    <aside className="page-text" aria-label={t('text.label')} tabIndex={0}>
      {shown.length === 0 ? (
        <p className="muted">
          {textStatus === 'pending'
            ? t('text.reading')
            : page !== null
              ? t('text.noneOnPage', { page })
              : t('text.none')}
        </p>
      ) : (
        shown.map((p) => (
          <div key={p.page}>
            <p className="muted page-source">
              {t('text.source', {
                page: p.page,
                source:
                  p.source === 'ocr'
                    ? t('text.ocr', { confidence: Math.round(p.confidence ?? 0) })
                    : p.source === 'text-layer'
                      ? t('text.textLayer')
                      : p.source === 'plain'
                        ? t('text.plain')
                        : t('text.html'),
              })}
            </p>
            <p className="prose page-body">{p.text}</p>
          </div>
        ))
      )}
    </aside>
  );
}
