/**
 * The keys between the search box and what it found: Down (or Alt+Down) in the box goes to the
 * results, the first hit or the list's grid; Escape or Alt+Up (or Up from the first one) comes
 * back. Without them the results were eighty Tabs away.
 */

/** Focuses the first search hit, or the list's grid when no search is shown; false when neither is there. */
export function focusResults(): boolean {
  const target = document.querySelector<HTMLElement>('.list-pane .hits a, .list-pane .record-grid');
  target?.focus();
  return target !== null;
}

export function focusSearchBox(): void {
  document.getElementById('search')?.focus();
}

/** Keys on the search hits' list: Up/Down between hits, back to the box from the first, by Escape or Alt+Up. */
export function onHitsKeyDown(e: {
  key: string;
  altKey: boolean;
  target: EventTarget;
  currentTarget: HTMLElement;
  preventDefault: () => void;
}): void {
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>(':scope > li > a')];
  const at = links.indexOf(e.target as HTMLAnchorElement);
  if (at < 0) return;
  const back = e.key === 'Escape' || (e.key === 'ArrowUp' && (e.altKey || at === 0));
  if (back) {
    e.preventDefault();
    focusSearchBox();
  } else if (e.key === 'ArrowDown' && !e.altKey && at < links.length - 1) {
    e.preventDefault();
    links[at + 1]!.focus();
  } else if (e.key === 'ArrowUp' && !e.altKey) {
    e.preventDefault();
    links[at - 1]!.focus();
  }
}
