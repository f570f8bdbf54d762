/**
 * The English wording of import reports (the CLI's, and the service's own messages): the same keys
 * the renderer words in its languages (i18n/<language>/cite.ts and documents.ts).
 */
import { placeVariant, type DuplicateGround, type ImportSkip, type PlaceVariant } from './import-report';

const PLACES: Record<PlaceVariant, (p: { n: number; line?: number; key?: string }) => string> = {
  row_line: (p) => `row ${p.n} (line ${p.line})`,
  row: (p) => `row ${p.n}`,
  line_key: (p) => `line ${p.n} (${p.key})`,
  line: (p) => `line ${p.n}`,
  entry_key: (p) => `entry ${p.n} (${p.key})`,
  entry: (p) => `entry ${p.n}`,
  item: (p) => `item ${p.n}`,
  record_of: (p) => `record ${p.n} of ${p.key}`,
  record: (p) => `record ${p.n}`,
};

export function englishPlace(p: { unit: string; n: number; line?: number; key?: string }): string {
  return PLACES[placeVariant(p)](p);
}

const GROUNDS: Record<DuplicateGround, string> = {
  referenceCode: 'the same reference code',
  doi: 'the same DOI',
  isbn: 'the same ISBN',
  citationKey: 'the same citation key',
  files: 'the same files (by content hash) and description',
  description: 'the same title, date and type, and no field that differs,',
};

export function englishDuplicate(by: DuplicateGround, recordId: number): string {
  return `duplicate: ${GROUNDS[by]} as record #${recordId}`;
}

export function englishPossibleDuplicate(recordId: number): string {
  return `possible duplicate: the same title and date as record #${recordId}`;
}

export function englishSkip(s: ImportSkip): string {
  switch (s.reason) {
    case 'filesystem_root':
      return 'the root of a file system: choose the folder that holds the documents';
    case 'walk_limit':
      return `the walk stopped after ${s.limit} entries: import smaller folders`;
    case 'inside_library':
      return 'inside the library itself';
    case 'too_many_files':
      return `more than ${s.limit} files in one import`;
    case 'outside_allowed':
      return `outside the folders ${s.door} may use`;
    case 'missing':
      return 'it does not exist';
    case 'permission':
      return 'permission denied';
    case 'unreadable':
      return s.detail ?? 'it cannot be read';
    case 'broken_link':
      return 'a broken link';
    case 'folder_link':
      return 'a link to a folder (not followed)';
    case 'link_outside':
      return `a link leading outside the folders ${s.door} may use (not followed)`;
    case 'not_regular_file':
      return 'not a regular file';
    case 'empty':
      return 'empty (0 bytes): nothing to keep';
    case 'too_large':
      return `${s.size} bytes, over the size limit of ${s.limit} bytes`;
  }
}
