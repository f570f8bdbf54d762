/**
 * Why a request was refused, as stable keys with the parameters their wording needs. The service
 * and the CLI word them in English (./en.ts, also the envelope's `message`); the renderer words
 * them in the interface language (src/renderer/src/i18n/<language>/errors.ts). Parameters are data
 * (ids, names, field keys, limits, file names); a `detail` is English text the app does not own
 * (a parser's, the operating system's or SQLite's own words, a line of a checked file).
 */

/** What `not_found` could not find; `id` is its number, name, key or hash. */
export const NOT_FOUND_KINDS = [
  'record',
  'deletedRecord', // a restore of a record that never existed
  'collection',
  'authority',
  'place',
  'file',
  'fileHash', // id: the hash, or '' when the request gave none
  'recordFile', // id: the file; recordId: the record that does not hold it
  'job',
  'savedSearch',
  'tag',
  'style', // a citation style asked for by key (the CLI lists them with styles --all)
  'defaultStyle', // the default style a settings change names
  'installedStyle',
] as const;
export type NotFoundKind = (typeof NOT_FOUND_KINDS)[number];

/** What a job was expected to be, when a request names a job of another kind. */
export type JobKind = 'import' | 'extraction' | 'bagImport';

/** Why a deleted record cannot come back (`restore_blocked`). */
export type RestoreProblem = 'revision' | 'authority' | 'collection' | 'referenceCode' | 'file';

/** Why a stored file cannot be exported as a searchable PDF (`not_searchable`). */
export type SearchableProblem = 'kind' | 'no_words' | 'encrypted' | 'undrawable';

/** Why a merge of authorities cannot be undone (`unmerge_blocked`). */
export type UnmergeProblem = 'keepChanged' | 'notMerged' | 'placeGone' | 'linkGone';

/** Why a whole import file cannot be read (`parse_failed`). */
export type ParseProblem =
  | 'not_json' // detail: JSON.parse's words; line where it says
  | 'not_object' // item
  | 'not_records' // item, key (its field), detail: our own JSON of records, with a record that is not one
  | 'too_large' // size, max (characters, in millions)
  | 'nothing_readable' // count, key, line, detail: the first entry's problem
  | 'no_entries'
  | 'unterminated' // line, next (the next record's line, when there is one)
  | 'stray_end' // line
  | 'tag_outside' // line, tag
  | 'no_records' // marker: how a record starts in the format ("TY  - ", <mods>)
  | 'no_rows'
  | 'not_xml' // line, detail: the XML validator's words
  | 'no_header'
  | 'parser'; // detail, row: a parser's own account

/** What is wrong with a CSL style file (`style_unusable`), checked before it is installed. */
export type StyleProblem =
  | 'doctype_entities'
  | 'doctype_external'
  | 'entity_declared'
  | 'entity_undefined'
  | 'bare_ampersand'
  | 'bad_lt'
  | 'text_outside'
  | 'closes_nothing'
  | 'mismatched'
  | 'attribute_twice'
  | 'second_root'
  | 'unclosed'
  | 'no_element'
  | 'not_csl_element'
  | 'wrong_root'
  | 'wrong_namespace'
  | 'no_version'
  | 'wrong_version'
  | 'wrong_class'
  | 'no_info'
  | 'no_title'
  | 'no_id'
  | 'dependent'
  | 'no_citation'
  | 'bibliography_no_layout'
  | 'undefined_macro';

/** Which text a line that is not UTF-8 was found in. */
export type TextSource = 'text' | 'csv' | 'file';

/**
 * Every reason and its parameters. A reason is worded by every door, so adding one here means
 * an English wording (./en.ts) and one in each interface language (a type error until written).
 */
export interface ReasonParams {
  // ---- the request itself
  /**
   * A field of the request breaks the contract: `problem` is zod's issue code (`too_small` …, with
   * `limit` and the `origin` it applies to: string, array, number), `required`, `empty`, or one of the
   * model's own (`not_date`, `only_agreements` …, with the `value` concerned).
   */
  field_invalid: {
    field: string;
    problem: string;
    detail: string;
    limit?: number | string;
    origin?: string;
    value?: string;
  };
  unknown_operation: { channel: string };
  internal_operation: { channel: string };
  /** A door refused the request as sent (not POST, not JSON, too large, from an untrusted page). */
  request_refused: { detail: string };
  /** A CLI argument or outcome: the CLI's own English (it never reaches another door). */
  cli: { detail: string };
  internal: { detail: string };

  // ---- the catalogue
  not_found: { kind: NotFoundKind; id: number | string; recordId?: number };
  stale_revision: { id: number; expected: number; current: number; action: 'edit' | 'delete' };
  record_exists: { id: number };
  restore_blocked: {
    id: number;
    problem: RestoreProblem;
    /** The other thing involved: a revision, authority, collection, record or file number. */
    other: number;
    /** The deleted revision the caller named, the reference code or the file's name. */
    name?: string | number;
  };
  unmerge_blocked: { problem: UnmergeProblem; name: string; id: number; role?: string };
  reference_code_used: { code: string; id: number; title: string };
  link_twice: { authorityId: number; role: string };
  place_only_events: Record<string, never>;
  collection_cycle: Record<string, never>;
  /**
   * A collection's level above the level of the one it would be inside (relation 'parent'), or
   * below that of one it holds (relation 'child', when re-levelled): `other` is that collection.
   */
  collection_level_order: { level: string; other: string; otherLevel: string; relation: 'parent' | 'child' };
  merge_into_itself: Record<string, never>;
  merge_kinds_differ: { mergeKind: string; mergeName: string; keepKind: string; keepName: string };
  authority_in_use: { kind: string; name: string; count: number };
  place_in_use: { name: string; count: number };
  collection_in_use: { name: string; records: number; children: number };
  /** Undoing a collection's deletion when its id came back or changed since. */
  collection_restore_blocked: { id: number; name: string };
  /** One item of an all-or-nothing batch was refused: `cause` and the rest of the params are its own refusal. */
  batch_item_refused: { batchId: number; batchTitle: string; cause: string } & Record<string, string | number>;
  backups_kept_range: { max: number };
  ids_or_batch: Record<string, never>;
  job_wrong_kind: { id: number; expected: JobKind };
  catalogue_refused: { detail: string };
  catalogue_busy: { seconds: number };
  catalogue_locked: Record<string, never>;
  disk_full: { name: string };

  // ---- the library folder
  library_busy: { file: string; seconds: number };
  library_not_file: { path: string };
  library_corrupt: { path: string; check: string; backups: string };
  library_not_ours: { path: string };
  library_newer: { root: string; version: number; latest: number };
  library_folder_foreign: { root: string; catalogue: string; files: string };
  library_is_file: { root: string };
  library_create_failed: { root: string; detail: string };
  library_open_failed: { root: string; detail: string };
  library_fixed: Record<string, never>;
  library_missing: { root: string };

  // ---- files and documents
  path_outside: { path: string; how: string; door: string; roots: string; hint: string };
  folder_too_big: { dir: string; max: number };
  file_changed: { path: string };
  file_unreadable: { path: string; detail: string; cause: 'missing' | 'denied' | 'folder' | 'other' };
  not_regular_file: { path: string };
  file_empty: { name: string };
  /** `size` is absent when the file was refused while being read. */
  file_too_large: { name: string; size?: number; max: number };
  not_sha256: { value: string };
  stored_copy_damaged: { name: string; size?: number; expected?: number };
  stored_file_missing: { what: string; sha256: string };
  checksum_mismatch: { what: string };
  /** `detail`: for `undrawable`, our words for why the pages cannot be read. */
  not_searchable: { name: string; problem: SearchableProblem; detail?: string };

  // ---- import, export, backups, bags
  not_utf8: { line: number; source: TextSource; file?: string };
  /** A file that cannot be read as its format at all; `detail` is the parser's own words where one speaks. */
  parse_failed: {
    format: string;
    problem: ParseProblem;
    line?: number;
    next?: number;
    item?: number;
    row?: number;
    key?: string;
    tag?: string;
    count?: number;
    size?: number;
    max?: number;
    detail?: string;
    marker?: string;
  };
  /** One entry of a bibliography its parser cannot read (the others can): `detail` is the parser's words. */
  entry_unreadable: { detail: string };
  xml_entities: { format: string; line: number };
  import_format_unknown: Record<string, never>;
  mapping_not_field: { target: string; column: string };
  mapping_no_title: { columns: string };
  /**
   * A CSV row's "on behalf of" column has more places than its role's column has names, so which
   * name acted for which organisation cannot be told (the row is named by import_rows_failed).
   */
  on_behalf_unpaired: { column: string; value: string; entries: number; names: number; namesColumn: string };
  /**
   * Rows of an import that cannot be imported, so nothing was: the first one's place in the file
   * (unit, n, line, key: see reports/import-report.ts) and its own refusal (`cause`, with its params).
   */
  import_rows_failed: {
    failed: number;
    total: number;
    unit: string;
    n: number;
    line?: number;
    key?: string;
    cause: string;
  } & Record<string, string | number>;
  nothing_to_package: Record<string, never>;
  folder_not_empty: { path: string; purpose: 'bag' | 'restore' };
  folder_missing: { path: string };
  target_exists: { path: string };
  bag_unusable: { bag: string; detail: string };
  /**
   * A bag would put a collection inside one of this library's at a lower level (ISAD(G)'s order):
   * the collection its parent was matched to. (Its own tree is kept as its library arranged it.)
   */
  bag_level_order: { bag: string; name: string; level: string; other: string; otherLevel: string };
  bag_copy_missing: { bag: string; path: string };
  backup_missing: { path: string };
  backup_unusable: { path: string; detail: string };

  // ---- citation styles
  /** A style file refused before it is installed: what is wrong, and where (line, element or attribute `name`, `other`). */
  style_unusable: { problem: StyleProblem; line?: number; openLine?: number; name?: string; other?: string };
  style_fails: { detail: string };
  style_builtin: { key: string };
}

export type ErrorReason = keyof ReasonParams;

/** Every reason, for tests and the renderer's fallbacks (kept equal to ReasonParams' keys below). */
export const ERROR_REASONS = [
  'field_invalid',
  'unknown_operation',
  'internal_operation',
  'request_refused',
  'cli',
  'internal',
  'not_found',
  'stale_revision',
  'record_exists',
  'restore_blocked',
  'unmerge_blocked',
  'reference_code_used',
  'link_twice',
  'place_only_events',
  'collection_cycle',
  'collection_level_order',
  'merge_into_itself',
  'merge_kinds_differ',
  'authority_in_use',
  'place_in_use',
  'collection_in_use',
  'collection_restore_blocked',
  'batch_item_refused',
  'backups_kept_range',
  'ids_or_batch',
  'job_wrong_kind',
  'catalogue_refused',
  'catalogue_busy',
  'catalogue_locked',
  'disk_full',
  'library_busy',
  'library_not_file',
  'library_corrupt',
  'library_not_ours',
  'library_newer',
  'library_folder_foreign',
  'library_is_file',
  'library_create_failed',
  'library_open_failed',
  'library_fixed',
  'library_missing',
  'path_outside',
  'folder_too_big',
  'file_changed',
  'file_unreadable',
  'not_regular_file',
  'file_empty',
  'file_too_large',
  'not_sha256',
  'stored_copy_damaged',
  'stored_file_missing',
  'checksum_mismatch',
  'not_searchable',
  'not_utf8',
  'parse_failed',
  'xml_entities',
  'import_format_unknown',
  'mapping_not_field',
  'mapping_no_title',
  'on_behalf_unpaired',
  'import_rows_failed',
  'entry_unreadable',
  'nothing_to_package',
  'folder_not_empty',
  'folder_missing',
  'target_exists',
  'bag_unusable',
  'bag_level_order',
  'bag_copy_missing',
  'backup_missing',
  'backup_unusable',
  'style_unusable',
  'style_fails',
  'style_builtin',
] as const satisfies readonly ErrorReason[];

// The list names every reason exactly once: a reason added to ReasonParams alone is a type error here.
type Missing = Exclude<ErrorReason, (typeof ERROR_REASONS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
