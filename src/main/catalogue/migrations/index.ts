/**
 * Schema versions, strictly increasing. Version N is reached by running migrations[N-1];
 * `PRAGMA user_version` records where a catalogue is. Never edit a released migration: add one.
 */
import type { Database } from 'better-sqlite3';
import m0001 from './0001-catalogue';
import m0002 from './0002-files-and-text';
import m0003 from './0003-jobs';
import m0004 from './0004-record-text';
import m0005 from './0005-bibliographic-record';
import m0006 from './0006-folded-text';
import m0007 from './0007-archival-levels';
import m0008 from './0008-dated-by-signing';
import m0009 from './0009-page-words';
import m0010 from './0010-signed-on-behalf';
import m0011 from './0011-list-sort-keys';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'catalogue', up: m0001 },
  { version: 2, name: 'files-and-text', up: m0002 },
  { version: 3, name: 'jobs', up: m0003 },
  { version: 4, name: 'record-text', up: m0004 },
  { version: 5, name: 'bibliographic-record', up: m0005 },
  { version: 6, name: 'folded-text', up: m0006 },
  { version: 7, name: 'archival-levels', up: m0007 },
  { version: 8, name: 'dated-by-signing', up: m0008 },
  { version: 9, name: 'page-words', up: m0009 },
  { version: 10, name: 'signed-on-behalf', up: m0010 },
  { version: 11, name: 'list-sort-keys', up: m0011 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
