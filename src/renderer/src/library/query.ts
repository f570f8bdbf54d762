/** What the library list shows: the filter, the order and the page. */
import type { RecordSort } from '../../../shared/contract';
import type { RecordType } from '../../../shared/model';

export type Direction = 'asc' | 'desc';

export interface ListQuery {
  type: RecordType | null;
  /** Records linked to one authority (person, place...), chosen from a record's links. */
  authority: { id: number; name: string } | null;
  sort: RecordSort;
  direction: Direction;
  offset: number;
}

export const PAGE_SIZE = 50;

export const INITIAL_QUERY: ListQuery = { type: null, authority: null, sort: 'date', direction: 'desc', offset: 0 };

/** Newest first is what archivists expect of dates; names read A to Z. */
const FIRST_DIRECTION: Record<RecordSort, Direction> = {
  date: 'desc',
  title: 'asc',
  type: 'asc',
  referenceCode: 'asc',
  updatedAt: 'desc',
  createdAt: 'desc',
};

/** Clicking a column: the same column flips its direction, another starts from its natural one. */
export function sortBy(query: ListQuery, sort: RecordSort): ListQuery {
  const direction = query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
  return { ...query, sort, direction, offset: 0 };
}
