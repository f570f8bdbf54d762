/** What the library list shows: its filters (from the sidebar, a record's links, the timeline) and its order. */
import type { InputOf, RecordSort } from '../../../shared/contract';
import type { RecordType } from '../../../shared/model';

type Direction = 'asc' | 'desc';

export interface ListQuery {
  type: RecordType | null;
  /** Records linked to one authority (a partnership in the sidebar, a person from a record's links). */
  authority: { id: number; name: string; kind?: string } | null;
  /** A collection and everything filed below it. */
  collection: { id: number; name: string } | null;
  tag: string | null;
  year: number | null;
  /** Records holding files of one import, from the sidebar's recent imports. */
  importBatch: { batch: string; name: string } | null;
  sort: RecordSort;
  direction: Direction;
}

export const INITIAL_QUERY: ListQuery = {
  type: null,
  authority: null,
  collection: null,
  tag: null,
  year: null,
  importBatch: null,
  sort: 'date',
  direction: 'desc',
};

/** The filters as the service takes them (listRecords, recordIds, recordsPerYear). */
export function toFilters(q: ListQuery): InputOf<'recordsPerYear'> {
  return {
    ...(q.type ? { type: q.type } : {}),
    ...(q.authority ? { authorityId: q.authority.id } : {}),
    ...(q.collection ? { collectionId: q.collection.id, subcollections: true } : {}),
    ...(q.tag ? { tag: q.tag } : {}),
    ...(q.year !== null ? { year: q.year } : {}),
    ...(q.importBatch ? { importBatch: q.importBatch.batch } : {}),
  };
}

/** Rows asked for at once as the list scrolls: a block. */
export const LIST_BLOCK = 100;

/** What the list asks the service for its block number `block` (the first is also asked at start-up). */
export function listPageInput(q: ListQuery, block: number): InputOf<'listRecords'> {
  return { ...toFilters(q), sort: q.sort, direction: q.direction, offset: block * LIST_BLOCK, limit: LIST_BLOCK };
}

/** The same filters and order give the same key: the list's cache and selection follow it. */
export function filterKey(q: ListQuery): string {
  return JSON.stringify(toFilters(q));
}

export function hasFilters(q: ListQuery): boolean {
  return filterKey(q) !== '{}';
}

/** Only the filters, the order kept: "show all records". */
export function withoutFilters(q: ListQuery): ListQuery {
  return { ...INITIAL_QUERY, sort: q.sort, direction: q.direction };
}

/** Newest first is what archivists expect of dates; names read A to Z. */
const FIRST_DIRECTION: Record<RecordSort, Direction> = {
  date: 'desc',
  title: 'asc',
  type: 'asc',
  referenceCode: 'asc',
  updatedAt: 'desc',
  createdAt: 'desc',
  creator: 'asc',
  collection: 'asc',
  tags: 'asc',
};

/** Clicking a column: the same column flips its direction, another starts from its natural one. */
export function sortBy(query: ListQuery, sort: RecordSort): ListQuery {
  const direction = query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
  return { ...query, sort, direction };
}
