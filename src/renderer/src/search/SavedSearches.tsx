import type { SavedSearch } from '../../../shared/channels/search';

interface Props {
  saved: SavedSearch[];
  onOpen: (search: SavedSearch) => void;
  onDelete: (search: SavedSearch) => void;
}

/** The sidebar's saved searches: open one to run it again, with its filters. */
export function SavedSearches({ saved, onOpen, onDelete }: Props) {
  if (saved.length === 0) return null;
  return (
    <nav aria-label="Saved searches">
      <h2 className="sidebar-heading">Saved searches</h2>
      <ul className="saved-searches">
        {saved.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => onOpen(s)} title={s.query}>
              {s.name}
            </button>
            <button type="button" className="icon" aria-label={`Delete saved search ${s.name}`} onClick={() => onDelete(s)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
