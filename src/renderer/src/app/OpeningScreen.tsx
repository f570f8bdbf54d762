/** What the window shows until the library is open: "Opening…", or why it could not be opened. */
import type { ArchiveError } from '../../../shared/result';
import { ErrorText } from '../common/ErrorText';
import { useT } from '../i18n/i18n';

export function OpeningScreen({ error, loading }: { error: ArchiveError | null | undefined; loading: boolean }) {
  const { t } = useT('layout');
  const { t: tc } = useT('common');
  return (
    <div className="app">
      <header className="topbar">
        <h1>{tc('appName')}</h1>
      </header>
      <main className="loading-screen">
        <ErrorText error={error} prefix={t('openFailed')} />
        {loading ? <p className="muted">{t('opening')}</p> : null}
      </main>
    </div>
  );
}
