import type { SavedSearch } from '../../../shared/channels/search';
import { useT } from '../i18n/i18n';

interface Props {
  saved: SavedSearch[];
  onOpen: (search: SavedSearch) => void;
  onDelete: (search: SavedSearch) => void;
}

/** The sidebar's saved searches, near its top and folding away: open one to run it again, with its filters. */
export function SavedSearches({ saved, onOpen, onDelete }: Props) {
  const { t } = useT('search');
  if (saved.length === 0) return null;
  return (
    <details className="sidebar-section" open>
      <summary>
        <h2 className="sidebar-heading">{t('saved.heading')}</h2>
      </summary>
      <nav aria-label={t('saved.heading')}>
        <ul className="saved-searches">
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" onClick={() => onOpen(s)} title={s.query}>
                {s.name}
              </button>
              <button
                type="button"
                className="icon"
                aria-label={t('saved.delete', { name: s.name })}
                onClick={() => onDelete(s)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
