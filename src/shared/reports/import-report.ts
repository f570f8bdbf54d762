/**
 * What an import report says about one row or one skipped file, as keys and numbers: where in the
 * file a row is, why a row was not imported, why a file was skipped. Each door words them: the CLI
 * and the service's English through ./en.ts, the renderer through its i18n catalogues.
 */
import { z } from 'zod';

/** How a format counts its entries: CSV rows (with their line), BibTeX/RIS lines, JSON items, bag records. */
export const ROW_UNITS = ['row', 'line', 'entry', 'item', 'record'] as const;
export type RowUnit = (typeof ROW_UNITS)[number];

/** Where a row is in its file: "row 3 (line 4)", "line 12 (smith2019)", "item 2", "record 5 of records.json". */
export const RowPlace = z.object({
  unit: z.enum(ROW_UNITS),
  n: z.number(),
  /** A CSV row's line in the file (rows and lines differ by the header and by quoted line breaks). */
  line: z.number().optional(),
  /** A BibTeX entry's key, or the file a bag's record comes from. */
  key: z.string().optional(),
});
export type RowPlace = z.output<typeof RowPlace>;

/** What makes an incoming row the same as a record already in the library. */
export const DUPLICATE_GROUNDS = ['referenceCode', 'doi', 'isbn', 'citationKey', 'files', 'description'] as const;
export type DuplicateGround = (typeof DUPLICATE_GROUNDS)[number];

/** Why a file or folder given to an import is left out. */
export const SKIP_REASONS = [
  'filesystem_root',
  'walk_limit',
  'inside_library',
  'too_many_files',
  'outside_allowed',
  'missing',
  'permission',
  'unreadable',
  'broken_link',
  'folder_link',
  'link_outside',
  'not_regular_file',
  'empty',
  'too_large',
] as const;

export const ImportSkip = z.object({
  path: z.string(),
  reason: z.enum(SKIP_REASONS),
  /** The limit concerned: entries walked, files in one import, bytes per file. */
  limit: z.number().optional(),
  /** too_large: the file's size in bytes. */
  size: z.number().optional(),
  /** outside_allowed, link_outside: the door whose folders the path is outside. */
  door: z.string().optional(),
  /** unreadable: the operating system's own words. */
  detail: z.string().optional(),
});
export type ImportSkip = z.output<typeof ImportSkip>;

/** How a place reads, by what it has: a row with its line, a BibTeX line with its key, a bag's record with its file. */
export type PlaceVariant =
  'row_line' | 'row' | 'line_key' | 'line' | 'entry_key' | 'entry' | 'item' | 'record_of' | 'record';

export function placeVariant(p: { unit: string; line?: unknown; key?: unknown }): PlaceVariant {
  const unit = (ROW_UNITS as readonly string[]).includes(p.unit) ? (p.unit as RowUnit) : 'entry';
  if (unit === 'row') return p.line !== undefined ? 'row_line' : 'row';
  if (unit === 'line') return p.key !== undefined && p.key !== '' ? 'line_key' : 'line';
  if (unit === 'record') return p.key !== undefined && p.key !== '' ? 'record_of' : 'record';
  if (unit === 'entry') return p.key !== undefined && p.key !== '' ? 'entry_key' : 'entry';
  return unit;
}

/** The names of the formats a refusal names (the same in every language). */
export const FORMAT_NAMES: Readonly<Record<string, string>> = {
  'csl-json': 'CSL-JSON',
  json: 'JSON',
  bibtex: 'BibTeX',
  ris: 'RIS',
  csv: 'CSV',
  'endnote-xml': 'EndNote XML',
  medline: 'MEDLINE',
  mods: 'MODS',
};

/** How a whole-file refusal (`parse_failed`) reads: its problem, told apart by what it knows. */
export function parseVariant(p: { problem?: unknown; line?: unknown; next?: unknown; row?: unknown }): string {
  const problem = String(p.problem);
  if (problem === 'not_json' && p.line === undefined) return 'not_json_anywhere';
  if (problem === 'unterminated' && p.next === undefined) return 'unterminated_last';
  if (problem === 'parser' && p.row !== undefined) return 'parser_row';
  return problem;
}
