/**
 * The keys between the search box and what it found: Down (or Alt+Down) in the box goes to the
 * results, the first hit or the list's grid; Escape or Alt+Up (or Up from the first one) comes
 * back. Without them the results were eighty Tabs away.
 */

/** Focuses the first search hit, or the list's grid when no search is shown; false when neither is there. */
function focusResults(): boolean {
  const target = document.querySelector<HTMLElement>('.list-pane .hits a, .list-pane .record-grid');
  target?.focus();
  return target !== null;
}

/**
 * Focuses the results as soon as they are shown. Right after the box is cleared the list is still
 * loading its first rows (and while typing, the hits are on their way): a key pressed then would
 * be lost. Gives up when the focus leaves the box, its text changes, or after `within` ms.
 */
export function focusResultsWhenShown(box: HTMLInputElement, within = 5_000): void {
  if (focusResults()) return;
  const text = box.value;
  const observer = new MutationObserver(() => {
    if (document.activeElement !== box || box.value !== text || focusResults()) stop();
  });
  const timer = setTimeout(stop, within);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
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
