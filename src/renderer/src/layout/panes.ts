/**
 * The widths of the sidebar and the list (the record panel takes the rest), in pixels,
 * remembered on this computer. Bounds keep every pane usable whatever was stored.
 */
export type Pane = 'sidebar' | 'list';

export const PANE_BOUNDS: Record<Pane, { min: number; max: number; initial: number }> = {
  sidebar: { min: 160, max: 480, initial: 232 },
  // The list starts wide enough for titles to be read; the record panel keeps its 18rem minimum at 1280 px.
  list: { min: 320, max: 1400, initial: 740 },
};

const KEY = 'civic-archive.pane-widths';

export function clampPane(pane: Pane, width: number): number {
  const { min, max } = PANE_BOUNDS[pane];
  return Math.round(Math.max(min, Math.min(max, width)));
}

export function loadPaneWidths(): Record<Pane, number> {
  const widths = { sidebar: PANE_BOUNDS.sidebar.initial, list: PANE_BOUNDS.list.initial };
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<Pane, unknown>>;
    for (const pane of ['sidebar', 'list'] as const) {
      const w = saved[pane];
      if (typeof w === 'number' && Number.isFinite(w)) widths[pane] = clampPane(pane, w);
    }
  } catch {
    /* unreadable: the initial widths */
  }
  return widths;
}

export function savePaneWidths(widths: Record<Pane, number>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(widths));
  } catch {
    /* remembered for this session only */
  }
}
