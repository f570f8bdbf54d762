import { archive } from '../archive';
import { useResult } from '../common/useResult';
import type { RecordFile } from '../../../shared/channels/documents';

/** The text read from a file, beside the viewer: one page (when paging) or all of it, with its source. */
export function PageText({ fileId, page, textStatus }: { fileId: number; page: number | null; textStatus: RecordFile['textStatus'] }) {
  const pages = useResult(() => archive.filePages({ fileId }), [fileId, textStatus]);
  const shown = (pages.value ?? []).filter((p) => page === null || p.page === page);
  return (
    <aside className="page-text" aria-label="Text of the file">
      {shown.length === 0 ? (
        <p className="muted">{textStatus === 'pending' ? 'The text is being read…' : page !== null ? `No text on page ${page}.` : 'No text.'}</p>
      ) : (
        shown.map((p) => (
          <div key={p.page}>
            <p className="muted page-source">
              Page {p.page}: {p.source === 'ocr' ? `OCR, ${Math.round(p.confidence ?? 0)}% confidence` : p.source === 'text-layer' ? 'text layer' : p.source}
            </p>
            <p className="prose page-body">{p.text}</p>
          </div>
        ))
      )}
    </aside>
  );
}
