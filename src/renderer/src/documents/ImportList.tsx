/** What "Import…" will create: the files, their total size, how many records they become, and what is skipped. */
import { useT } from '../i18n/i18n';
import { formatBytes } from './files';
import type { ImportItem, ImportPreview } from './useImport';

interface Props {
  items: ImportItem[];
  skipped: ImportPreview['skipped'];
}

export function ImportList({ items, skipped }: Props) {
  const { t } = useT('documents');
  const total = items.reduce((n, f) => n + f.size, 0);
  const skipWords = (s: ImportPreview['skipped'][number]) =>
    t(`import.skipReason.${s.reason}`, {
      limit: s.reason === 'too_large' ? formatBytes(s.limit ?? 0) : (s.limit ?? 0),
      size: formatBytes(s.size ?? 0),
      door: s.door ?? '',
      detail: s.detail ?? '',
    });
  return (
    <>
      {items.length > 0 ? (
        <>
          <p>
            <strong>{t('import.fileCount', { count: items.length, size: formatBytes(total) })}</strong>{' '}
            {t('import.willBecome', { count: items.length })}
          </p>
          <ul className="import-list" aria-label={t('import.filesToImport')} tabIndex={0}>
            {items.map((f, i) => (
              <li key={`${i}:${f.name}`}>
                {f.name} <span className="muted">({formatBytes(f.size)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skipped.length ? (
        <details>
          <summary>{t('import.skipped', { count: skipped.length })}</summary>
          <ul className="import-list" aria-label={t('import.skipped', { count: skipped.length })} tabIndex={0}>
            {skipped.map((s, i) => (
              <li key={`${i}:${s.path}`}>
                {s.path}: {skipWords(s)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
