/**
 * One file of a record, viewed: a PDF page by page (its renderer loaded only when needed), an
 * image, a scan's page previews, audio or video, else a link to the original; beside it the
 * page's text and what the file says about itself.
 */
import { lazy, Suspense, useState } from 'react';
import type { RecordFile } from '../../../shared/channels/documents';
import { formatPartialDate } from '../common/format';
import { useT } from '../i18n/i18n';
import { OpenReader } from '../reader/OpenReader';
import { fileUrl, kindOf } from './files';
import { ImageViewer } from './ImageViewer';
import { PageNav } from './PageNav';
import { PageText } from './PageText';

const PdfViewer = lazy(() => import('./PdfViewer'));

export function FileViewer({ file }: { file: RecordFile }) {
  const { t } = useT('documents');
  const [page, setPage] = useState(1);
  const kind = kindOf(file.mediaType);
  const browserImage = kind === 'image' && file.mediaType !== 'image/tiff';
  // A page that could not be drawn keeps its place in the list as null.
  const previews = Array.isArray(file.metadata.pagePreviews)
    ? (file.metadata.pagePreviews as unknown[]).map((p) => (typeof p === 'string' ? p : null))
    : [];
  const preview = previews.length > 0 ? previews[page - 1] : file.thumbnailSha256;
  return (
    <div className="viewer" aria-label={t('viewer', { name: file.originalName })}>
      <OpenReader file={file} page={page} onPage={setPage} />
      <div className="viewer-main">
        {kind === 'pdf' && !file.encrypted ? (
          <Suspense fallback={<p className="muted">{t('loadingPdf')}</p>}>
            <PdfViewer url={fileUrl(file.sha256)} page={page} pageCount={file.pageCount ?? 1} onPage={setPage} />
          </Suspense>
        ) : browserImage ? (
          <ImageViewer src={fileUrl(file.sha256)} alt={file.originalName} />
        ) : kind === 'image' && (previews.length > 0 || file.thumbnailSha256) ? (
          <div>
            {previews.length > 1 ? <PageNav page={page} pageCount={previews.length} onPage={setPage} /> : null}
            {preview ? (
              <ImageViewer key={page} src={fileUrl(preview)} alt={t('pageOf', { page, name: file.originalName })} />
            ) : (
              <p className="muted">{t('pageNotDrawn', { page })}</p>
            )}
          </div>
        ) : kind === 'audio' ? (
          <audio controls preload="metadata" src={fileUrl(file.sha256)} />
        ) : kind === 'video' ? (
          <video controls preload="metadata" className="video" src={fileUrl(file.sha256)} />
        ) : (
          <p className="muted">
            <a href={fileUrl(file.sha256)} target="_blank" rel="noreferrer">
              {t('openOriginal')}
            </a>
          </p>
        )}
      </div>
      <PageText
        fileId={file.id}
        page={kind === 'pdf' || (kind === 'image' && (file.pageCount ?? 1) > 1) ? page : null}
        textStatus={file.textStatus}
      />
      <FileFacts file={file} />
    </div>
  );
}

const FACTS = [
  'title',
  'author',
  'subject',
  'created',
  'date',
  'dateTaken',
  'camera',
  'description',
  'creator',
  'encoding',
] as const;

/** What the file says about itself (PDF info, EXIF/XMP, HTML head), and its hash. */
function FileFacts({ file }: { file: RecordFile }) {
  const { t } = useT('documents');
  const m = file.metadata;
  const gps = m.gps as { latitude: number; longitude: number } | undefined;
  const rows = FACTS.filter((k) => typeof m[k] === 'string' && m[k]).map((k) => [t(`facts.${k}`), String(m[k])]);
  if (gps) rows.push([t('facts.gps'), `${gps.latitude.toFixed(5)}, ${gps.longitude.toFixed(5)}`]);
  rows.push([t('facts.sha256'), file.sha256]);
  if (file.lastFixityCheck)
    rows.push([
      t('facts.lastFixity'),
      `${formatPartialDate(file.lastFixityCheck.slice(0, 10))}: ${file.fixityStatus ?? ''}`,
    ]);
  return (
    <dl className="file-facts" aria-label={t('about')}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
