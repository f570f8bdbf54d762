import { useT } from '../i18n/i18n';

/** Previous / next / go to page. */
export function PageNav({ page, pageCount, onPage }: { page: number; pageCount: number; onPage: (p: number) => void }) {
  const { t } = useT('documents');
  return (
    <nav className="page-nav" aria-label={t('pages')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('previousPage')}
      </button>
      <label>
        {t('page')}{' '}
        <input
          type="number"
          min={1}
          max={pageCount}
          value={page}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= pageCount) onPage(n);
          }}
        />{' '}
        {t('ofPages', { count: pageCount })}
      </label>
      <button type="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('nextPage')}
      </button>
    </nav>
  );
}
