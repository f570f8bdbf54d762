/**
 * The orders a search's results can take: relevance, or any order the library list has (by
 * creator, collection, tags, type, reference, title, date, updated; either way). A list order is
 * the list's own — the catalogue's ids in that order (recordIds), which the search worker follows —
 * so a search and the list agree on every record in every language, by construction.
 */
import type { RecordSort } from '../../../shared/contract';
import { RECORD_IDS_MOST } from '../../../shared/channels/catalogue';
import { idsInListOrder } from '../../../shared/search/merge';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';

type Direction = 'asc' | 'desc';
export type SearchSort = 'relevance' | `${ListedSort}:${Direction}`;

/** The list's sortable columns, in the list's column order (library/columns.ts), each way. */
const LIST_SORTS = [
  'type',
  'title',
  'creator',
  'date',
  'referenceCode',
  'collection',
  'tags',
  'updatedAt',
] as const satisfies readonly RecordSort[];
type ListedSort = (typeof LIST_SORTS)[number];

export const SEARCH_SORTS: SearchSort[] = [
  'relevance',
  ...LIST_SORTS.flatMap((s) => [`${s}:asc`, `${s}:desc`] as const),
];

export interface ListOrder {
  sort: ListedSort;
  direction: Direction;
}

/** A list order's sort and direction; null for relevance. */
export function listOrderOf(sort: SearchSort): ListOrder | null {
  if (sort === 'relevance') return null;
  const [by, direction] = sort.split(':') as [ListedSort, Direction];
  return { sort: by, direction };
}

/** Every record's id in the list's order (no filters: a search's own filters narrow what it found). */
export function listedIds(order: ListOrder): Promise<number[]> {
  return idsInListOrder(async (offset) => {
    const page = await archive.recordIds({ ...order, offset, limit: RECORD_IDS_MOST });
    if (!page.ok) throw new Error(errorWords(page.error));
    return page.value;
  });
}
