/**
 * How tall the list's rows are: compact shows more records on a screen, comfortable reads more
 * easily. A preference of this computer, like the theme: every library shows the same way here.
 */
import { useSyncExternalStore } from 'react';

export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

/** Row heights in px: the virtual list places rows by them and the CSS draws them (--row-height). */
export const ROW_HEIGHTS: Record<Density, number> = { comfortable: 36, compact: 28 };

const KEY = 'civic-archive.list-density';
// The settings dialog changes it while the list is on screen: both follow the one value.
const CHANGED = 'civic-archive:list-density';

function saved(): Density {
  try {
    const d = localStorage.getItem(KEY);
    return (DENSITIES as readonly string[]).includes(d ?? '') ? (d as Density) : 'comfortable';
  } catch {
    return 'comfortable';
  }
}

let chosen: Density | null = null;
const current = () => (chosen ??= saved());
const subscribe = (onChange: () => void) => {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
};

export function useDensity(): Density {
  return useSyncExternalStore(subscribe, current);
}

export function chooseDensity(density: Density): void {
  chosen = density;
  try {
    localStorage.setItem(KEY, density);
  } catch {
    /* storage refused (private mode): the choice lasts this session */
  }
  window.dispatchEvent(new Event(CHANGED));
}
