/**
 * How clicks and keys change a multi-selection, as in a file manager: a plain click selects one
 * record, Ctrl/Cmd-click adds or removes one, Shift-click selects the range from the anchor (the
 * last record clicked without Shift). Pure functions over ids, so the list can test and reuse them.
 */

/** The most records one selection may hold: what a batch edit changes at once. */
export const SELECTION_LIMIT = 10_000;

export function toggle(selection: readonly number[], id: number): number[] {
  return selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id];
}

/** A range added to what was selected (Ctrl+Shift) or replacing it (Shift). */
export function withRange(selection: readonly number[], range: readonly number[], keep: boolean): number[] {
  if (!keep) return [...range];
  const seen = new Set(selection);
  return [...selection, ...range.filter((id) => !seen.has(id))];
}

export type ClickKind = 'single' | 'toggle' | 'range' | 'add-range';

export function clickKind(e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): ClickKind {
  const mod = e.ctrlKey || e.metaKey;
  if (e.shiftKey) return mod ? 'add-range' : 'range';
  return mod ? 'toggle' : 'single';
}

const MENU_EVENT = 'civic-archive:selection-menu';

/** Opens the header's menu of actions on the selection (a right-click on the rows asks for it). */
export function openSelectionMenu(): void {
  window.dispatchEvent(new Event(MENU_EVENT));
}

/** The header's selection menu listens here. */
export function onSelectionMenu(open: () => void): () => void {
  window.addEventListener(MENU_EVENT, open);
  return () => window.removeEventListener(MENU_EVENT, open);
}
