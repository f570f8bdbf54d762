import type { ArchiveError } from '../../../shared/result';

/** How a section of "Citations & exchange" says what happened: one status line, one error. */
export interface Report {
  done: (message: string) => void;
  fail: (error: ArchiveError) => void;
}
