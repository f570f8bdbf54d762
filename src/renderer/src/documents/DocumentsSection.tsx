import { useEffect, useState } from 'react';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { ErrorList } from '../common/ErrorList';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { downloadSearchablePdf, fileUrl, formatBytes, kindOf, uploadFiles } from './files';
import { FileViewer } from './FileViewer';
import './documents.css';

/** A record's files: the list (thumbnail, type, size, pages, text status), attaching more, and the viewer. */
export function DocumentsSection({
  recordId,
  revision,
  onChanged,
}: {
  recordId: number;
  revision: number;
  onChanged?: () => void;
}) {
  const { t } = useT('documents');
  const [tick, setTick] = useState(0);
  const files = useResult(() => archive.recordFiles({ recordId }), [recordId, revision, tick]);
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const list = files.value ?? [];
  const current = list.find((f) => f.id === selected) ?? list[0] ?? null;

  // While a file's text is being read, look again now and then.
  const pending = list.some((f) => f.textStatus === 'pending');
  useEffect(() => {
    if (!pending) return;
    const t = setTimeout(() => setTick((n) => n + 1), 1_500);
    return () => clearTimeout(t);
  }, [pending, tick]);

  const attach = async (chosen: File[]) => {
    if (chosen.length === 0) return;
    setErrors([]);
    const out = await uploadFiles(chosen, {
      recordId,
      onProgress: (i, n) => setBusy(i < n ? t('uploading', { current: i + 1, total: n }) : null),
    });
    setBusy(null);
    setErrors(out.errors.map((e) => `${e.name}: ${e.message}`));
    setTick((n) => n + 1);
    onChanged?.();
  };

  return (
    <section
      className="record-section documents"
      aria-labelledby="documents-heading"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        void attach([...e.dataTransfer.files]);
      }}
    >
      <div className="documents-head">
        <h3 id="documents-heading">{t('files')}</h3>
        <label className="button-like">
          {t('attach')}
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="attach-files"
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              e.target.value = '';
              void attach(chosen);
            }}
          />
        </label>
      </div>
      <ErrorText error={files.error} prefix={t('listFailed')} />
      {busy ? <p className="muted">{busy}</p> : null}
      <ErrorList errors={errors} />
      {list.length === 0 && !files.loading ? <p className="muted">{t('noFiles')}</p> : null}
      {list.length > 0 ? (
        <ul className="file-list">
          {list.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                className="file-item"
                aria-pressed={current?.id === f.id}
                onClick={() => setSelected(f.id)}
              >
                {f.thumbnailSha256 ? (
                  <img className="file-thumb" src={fileUrl(f.thumbnailSha256)} alt="" />
                ) : (
                  <span className="file-thumb file-thumb-none">{t(`kinds.${kindOf(f.mediaType)}`)}</span>
                )}
                <span className="file-meta">
                  <span className="file-name">{f.originalName}</span>
                  <span className="muted">
                    {[
                      f.mediaType,
                      formatBytes(f.size),
                      f.pageCount ? t('pages', { count: f.pageCount }) : null,
                      f.durationSeconds ? t('seconds', { count: Math.round(f.durationSeconds) }) : null,
                      f.encrypted ? t('encrypted') : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                  <span className={`text-status text-${f.textStatus}`} title={f.textError ?? undefined}>
                    {t(`textStatus.${f.textStatus}`)}
                    {f.textError && f.textStatus !== 'done' ? `: ${f.textError}` : ''}
                  </span>
                  {f.fixityStatus && f.fixityStatus !== 'ok' ? (
                    <span className="error">{t('fixity', { status: f.fixityStatus })}</span>
                  ) : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {current && current.textStatus === 'done' && ['pdf', 'image'].includes(kindOf(current.mediaType)) ? (
        <p className="documents-actions">
          <button
            type="button"
            title={t('searchableHint')}
            disabled={busy !== null}
            onClick={() => {
              setErrors([]);
              setBusy(t('searchableBusy'));
              void downloadSearchablePdf(current.id)
                .then((refused) => setErrors(refused ? [`${current.originalName}: ${refused}`] : []))
                .catch((error: unknown) => setErrors([String((error as Error).message ?? error)]))
                .finally(() => setBusy(null));
            }}
          >
            {t('searchable')}
          </button>
        </p>
      ) : null}
      {current ? <FileViewer key={current.id} file={current} /> : null}
    </section>
  );
}
