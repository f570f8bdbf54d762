/**
 * The list's columns: which exist, how wide they are, which sort they stand for, and which the
 * archivist chose to show (remembered on this computer). The title is always shown: a row
 * without it names nothing.
 */
import type { RecordSort } from '../../../shared/contract';

export const COLUMN_IDS = ['thumbnail', 'type', 'title', 'date', 'referenceCode', 'updatedAt'] as const;
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
  { id: 'type', sort: 'type', width: 'minmax(6rem, 9rem)', minRem: 6, className: 'col-type' },
  { id: 'title', sort: 'title', width: 'minmax(12rem, 1fr)', minRem: 12, className: 'col-title' },
  { id: 'date', sort: 'date', width: 'minmax(6rem, 8.5rem)', minRem: 6, className: 'col-date' },
  { id: 'referenceCode', sort: 'referenceCode', width: 'minmax(6rem, 9rem)', minRem: 6, className: 'col-ref' },
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
