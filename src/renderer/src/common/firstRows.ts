/**
 * The moment the window first shows rows (the list's first page drawn, or a search's results
 * instead). Work that can wait starts after it: the search index's snapshot is tens of megabytes
 * parsed in a worker, and on a two-core machine it took the CPU from the first rows (bench:ui
 * measured page open → first rows 2.4 s with it running alongside; see docs/performance.md).
 */
let markShown: () => void = () => {};
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

/** Rows are on screen (called once the frame showing them has been drawn); later calls do nothing. */
export function firstRowsShown(): void {
  markShown();
}

/** Resolves when rows have been shown, or after `ms` at the latest (an empty library shows none). */
export function afterFirstRows(ms = 3000): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/**
 * `load`, once the first rows are on screen: for what sits beside the list (the sidebar's counts, the
 * timeline). The catalogue answers one request at a time, so these asked first made the list wait.
 */
export function afterRows<T>(load: () => Promise<T>): Promise<T> {
  return afterFirstRows().then(load);
}
