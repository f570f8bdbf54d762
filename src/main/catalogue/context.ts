import type Database from 'better-sqlite3';
import type { PathRule } from '../documents/path-rule';
import type { LibraryPaths } from './library';

/** What every catalogue operation runs with: the open database, where the library is, and who is acting. */
export interface CatalogueContext {
  db: Database.Database;
  paths: LibraryPaths;
  /** Who made a change, for the audit trail: the OS user and the door they came through, e.g. "judith (cli)". */
  actor: string;
  now: () => string;
  /**
   * Which files and folders on this machine this request may read or write (files/path-rule.ts):
   * set by the door the request came through (the browser host, the desktop window); absent for
   * in-process callers (the CLI, the job runner, tests), which may use any path.
   */
  pathRule?: PathRule;
}
