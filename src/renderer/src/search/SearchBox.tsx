import { useT } from '../i18n/i18n';
import { focusResultsWhenShown } from './resultsFocus';

/** The search field in the header; Escape clears it and brings the library list back, Down goes to the results. */
export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useT('search');
  return (
    <div className="search-box" role="search">
      <label htmlFor="search" className="visually-hidden">
        {t('label')}
      </label>
      <input
        id="search"
        type="search"
        aria-keyshortcuts="ArrowDown Alt+ArrowDown"
        placeholder={t('placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          } else if (e.key === 'ArrowDown' && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
            // Even when the list or the hits are not there yet (just cleared, still loading): they take the focus when shown.
            e.preventDefault();
            focusResultsWhenShown(e.currentTarget);
          }
        }}
      />
    </div>
  );
}
