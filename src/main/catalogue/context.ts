import type Database from 'better-sqlite3';
import type { LibraryPaths } from './library';

/** What every catalogue operation runs with: the open database, where the library is, and who is acting. */
export interface CatalogueContext {
  db: Database.Database;
  paths: LibraryPaths;
  /** Who made a change, for the audit trail: the OS user and the door they came through, e.g. "judith (cli)". */
  actor: string;
  now: () => string;
}
