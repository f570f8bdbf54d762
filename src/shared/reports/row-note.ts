/** Why an import report's row was not simply imported, in English (the CLI's words; the renderer has its own). */
import type { ImportReport } from '../channels/exchange';
import { englishFor } from '../errors/en';
import { englishDuplicate, englishPossibleDuplicate } from './en';

export function englishRowNote(row: ImportReport['rows'][number]): string {
  if (row.problem) return englishFor(row.problem.reason, row.problem.params as never);
  if (row.duplicate && row.recordId !== undefined) return englishDuplicate(row.duplicate, row.recordId);
  if (row.possibleDuplicateOf !== undefined) return englishPossibleDuplicate(row.possibleDuplicateOf);
  return '';
}
