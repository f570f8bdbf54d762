/**
 * The list's columns: which exist, how wide they are, which sort they stand for, and which the
 * archivist chose to show (remembered on this computer). The title is always shown: a row
 * without it names nothing. A column dragged wider or narrower keeps its width, per library (a
 * library of long agreement titles and one of photographs want different lists).
 */
import type { RecordSort } from '../../../shared/contract';

export const COLUMN_IDS = [
  'thumbnail',
  'type',
  'title',
  'creators',
  'date',
  'referenceCode',
  'collection',
  'tags',
  'updatedAt',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface Column {
  id: ColumnId;
  sort: RecordSort | null;
  /** A CSS grid track. */
  width: string;
  /** Its narrowest, in rem: the row's minimum width is the sum. */
  minRem: number;
  className: string;
}

export const COLUMNS: readonly Column[] = [
  { id: 'thumbnail', sort: null, width: '2.75rem', minRem: 2.75, className: 'col-thumb' },
  // The type's words are short and known: the title gets the room.
  { id: 'type', sort: 'type', width: 'minmax(5.5rem, 7.5rem)', minRem: 5.5, className: 'col-type' },
  { id: 'title', sort: 'title', width: 'minmax(12rem, 1fr)', minRem: 12, className: 'col-title' },
  // Sorted by keys the catalogue keeps for them (migration 0011), so these too walk an index.
  { id: 'creators', sort: 'creator', width: 'minmax(7rem, 11rem)', minRem: 7, className: 'col-creators' },
  { id: 'date', sort: 'date', width: 'minmax(6rem, 7.5rem)', minRem: 6, className: 'col-date' },
  { id: 'referenceCode', sort: 'referenceCode', width: 'minmax(5rem, 8rem)', minRem: 5, className: 'col-ref' },
  { id: 'collection', sort: 'collection', width: 'minmax(6rem, 10rem)', minRem: 6, className: 'col-collection' },
  { id: 'tags', sort: 'tags', width: 'minmax(5rem, 9rem)', minRem: 5, className: 'col-tags' },
  { id: 'updatedAt', sort: 'updatedAt', width: 'minmax(8rem, 11rem)', minRem: 8, className: 'col-updated' },
];

const DEFAULT_COLUMNS: readonly ColumnId[] = ['thumbnail', 'type', 'title', 'date', 'referenceCode'];
const KEY = 'civic-archive.list-columns';

export function loadColumns(): ColumnId[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const chosen = COLUMN_IDS.filter((id) => raw.includes(id));
      return chosen.includes('title') ? chosen : ['title', ...chosen];
    }
  } catch {
    /* unreadable or refused storage: the defaults */
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(ids: readonly ColumnId[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    /* the choice lasts this session */
  }
}

/** Toggles a column, keeping the columns in their fixed order and the title always. */
export function toggleColumn(ids: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (id === 'title') return [...ids];
  const next = ids.includes(id) ? ids.filter((c) => c !== id) : [...ids, id];
  return COLUMN_IDS.filter((c) => next.includes(c));
}

/** Widths in px of the columns the archivist resized; the others keep their track above. */
export type ColumnWidths = Partial<Record<ColumnId, number>>;

export const COLUMN_WIDTH = { min: 40, max: 1_200 } as const;
const widthsKey = (library: string) => `civic-archive.column-widths:${library}`;

export function loadWidths(library: string): ColumnWidths {
  try {
    const raw = JSON.parse(localStorage.getItem(widthsKey(library)) ?? 'null') as unknown;
    if (raw && typeof raw === 'object') {
      const out: ColumnWidths = {};
      for (const id of COLUMN_IDS) {
        const w = (raw as Record<string, unknown>)[id];
        if (typeof w === 'number' && Number.isFinite(w)) out[id] = clampWidth(w);
      }
      return out;
    }
  } catch {
    /* unreadable or refused storage: the default widths */
  }
  return {};
}

export function saveWidths(library: string, widths: ColumnWidths): void {
  try {
    localStorage.setItem(widthsKey(library), JSON.stringify(widths));
  } catch {
    /* the widths last this session */
  }
}

export function clampWidth(px: number): number {
  return Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, px)));
}

/** A column's grid track: a resized title still takes what is left of a wider pane. */
export function trackOf(c: Column, widths: ColumnWidths): string {
  const w = widths[c.id];
  if (w === undefined) return c.width;
  return c.id === 'title' ? `minmax(${w}px, 1fr)` : `${w}px`;
}

/** A column's narrowest, in rem (16 px), for the row's minimum width. */
export function minRemOf(c: Column, widths: ColumnWidths): number {
  const w = widths[c.id];
  return w === undefined ? c.minRem : w / 16;
}
