/**
 * The reader's keys, on the dialog: Page Up/Down and ←/→ turn pages, Home/End go to the first or
 * last, Ctrl/⌘ + and − zoom, Ctrl/⌘+F opens find. Keys typed in a field (the find box, the page
 * number) are the field's own.
 */
import { useEffect, type RefObject } from 'react';

interface Actions {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  find: () => void;
}

export function useReaderKeys(main: RefObject<HTMLElement | null>, actions: Actions): void {
  useEffect(() => {
    // A native listener on the dialog: the keys belong to the whole reader, whichever of its
    // parts has focus (its Close button, first in the dialog, has it when the reader opens).
    const el: HTMLElement | null = main.current?.closest('dialog') ?? main.current;
    const keys = readerKeys(actions);
    el?.addEventListener('keydown', keys);
    return () => el?.removeEventListener('keydown', keys);
  });
}

function readerKeys(actions: Actions) {
  return (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey) {
      const key = e.key.toLowerCase();
      const act =
        key === 'f' ? actions.find : key === '=' || key === '+' ? actions.zoomIn : key === '-' ? actions.zoomOut : null;
      if (act) {
        e.preventDefault();
        act();
      }
      return;
    }
    const target = e.target as HTMLElement;
    if (e.altKey || e.shiftKey || target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const { page, pageCount, onPage } = actions;
    const to =
      e.key === 'PageDown' || e.key === 'ArrowRight'
        ? page + 1
        : e.key === 'PageUp' || e.key === 'ArrowLeft'
          ? page - 1
          : e.key === 'Home'
            ? 1
            : e.key === 'End'
              ? pageCount
              : null;
    if (to === null) return;
    e.preventDefault();
    onPage(Math.min(pageCount, Math.max(1, to)));
  };
}
