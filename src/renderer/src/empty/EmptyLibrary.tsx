import { useEffect, useState } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { firstRowsShown } from '../common/firstRows';
import { useT } from '../i18n/i18n';

interface Props {
  libraryPath: string;
  onLoaded: () => void;
  onCreate: () => void;
}

/** What a new library shows: what the app is for, and two ways to begin. */
export function EmptyLibrary({ libraryPath, onLoaded, onCreate }: Props) {
  // No list to show first: what waits for the first rows may start.
  useEffect(firstRowsShown, []);
  const { t } = useT('empty');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ArchiveError | null>(null);

  const loadSample = async () => {
    setLoading(true);
    setError(null);
    const result = await archive.loadSample({});
    setLoading(false);
    if (result.ok) onLoaded();
    else setError(result.error);
  };

  return (
    <section className="empty-library" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('heading')}</h2>
      <p>{t('about')}</p>
      <p>{t('sample')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={loading} onClick={() => void loadSample()}>
          {loading ? t('loading') : t('load')}
        </button>
        <button type="button" onClick={onCreate}>
          {t('create')}
        </button>
      </div>
      <ErrorText error={error} prefix={t('failed')} />
      <p className="muted library-path">{t('library', { path: libraryPath })}</p>
    </section>
  );
}
