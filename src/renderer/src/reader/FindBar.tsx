import type { RefObject } from 'react';
import { useT } from '../i18n/i18n';

/**
 * The find box: Enter goes to the next hit and Shift+Enter to the previous, across pages; Escape
 * closes the box (not the reader). The count is a live region, so a screen reader hears it.
 */
export function FindBar({
  query,
  onQuery,
  total,
  current,
  reading,
  offPage,
  onNext,
  onPrevious,
  onClose,
  input,
}: {
  query: string;
  onQuery: (q: string) => void;
  total: number;
  current: number | null;
  reading: boolean;
  /** The current hit was found in the page's stored text only, not placed on the page. */
  offPage: boolean;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
  input: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useT('reader');
  const count = !query.trim()
    ? ''
    : total > 0 && current !== null
      ? t('findBox.count', { current: current + 1, total })
      : reading
        ? t('findBox.reading')
        : t('findBox.none');
  return (
    <div className="reader-find" role="search">
      <input
        ref={input}
        type="search"
        aria-label={t('findBox.label')}
        placeholder={t('findBox.placeholder')}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (e.shiftKey) onPrevious();
            else onNext();
          } else if (e.key === 'Escape') {
            // Closes the find box only; a second Escape closes the reader.
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <output className="reader-find-count" aria-live="polite">
        {count}
      </output>
      <button type="button" onClick={onPrevious} disabled={total === 0}>
        {t('findBox.previous')}
      </button>
      <button type="button" onClick={onNext} disabled={total === 0}>
        {t('findBox.next')}
      </button>
      <button type="button" onClick={onClose}>
        {t('findBox.close')}
      </button>
      {offPage ? <p className="muted reader-find-note">{t('findBox.notOnPage')}</p> : null}
    </div>
  );
}
