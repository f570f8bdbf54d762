/**
 * The date that dates a record. An agreement is dated by the day it was signed unless the
 * archivist gives it another date: without this, an agreement entered with only "Date signed"
 * was undated, so it fell out of the timeline, the year facets and `year:`, and sorted last.
 *
 * The rule is applied when a record is written, to the `date` column itself, so that everything
 * reading the date (the list's sort and its index, the search documents, the facets, the
 * timeline, the exports) follows without knowing about it. A date equal to the date signed is
 * taken to follow it: when the date signed changes and the date was not changed alongside, the
 * date moves with it.
 */
import type { RecordType } from '../../shared/model';

interface Dating {
  date: string | null;
  dateEnd: string | null;
  dateSigned: string | null;
}

/**
 * The date to write for a record whose fields will be `after` (and were `before`, for an edit),
 * or `undefined` when the date stays as `after` has it.
 */
export function datingOf(type: RecordType, after: Dating, before: Dating | null): string | null | undefined {
  if (type !== 'agreement') return undefined;
  if (!after.date) return after.dateSigned ?? undefined;
  if (!before) return undefined;
  const followed = before.date !== null && before.date === before.dateSigned;
  const dateKept = after.date === before.date;
  const signedMoved = after.dateSigned !== before.dateSigned;
  if (!followed || !dateKept || !signedMoved) return undefined;
  // The date signed was cleared: a followed date goes with it, unless an end date still needs its start.
  if (!after.dateSigned) return after.dateEnd ? undefined : null;
  return after.dateSigned;
}
