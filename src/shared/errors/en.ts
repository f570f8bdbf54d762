/**
 * The English wording of every refusal: the one table the service (the envelope's `message`, for
 * logs and callers that show it as it is) and the CLI use. The renderer words the same reasons in
 * its own catalogues (src/renderer/src/i18n/<language>/errors.ts).
 */
import { englishPlace } from '../reports/en';
import { FORMAT_NAMES, parseVariant } from '../reports/import-report';
import type {
  ErrorReason,
  JobKind,
  NotFoundKind,
  ReasonParams,
  RestoreProblem,
  SearchableProblem,
  StyleProblem,
  UnmergeProblem,
} from './reasons';

const LEVEL_ORDER =
  'a collection is never at a higher level than the one it is in (fonds > sub-fonds > series > sub-series > file > item)';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const NOT_FOUND: Record<NotFoundKind, (id: number | string, recordId?: number) => string> = {
  record: (id) => `there is no record #${id}`,
  deletedRecord: (id) => `there was never a record #${id}`,
  collection: (id) => `there is no collection #${id}`,
  authority: (id) => `there is no authority record #${id}`,
  place: (id) => `there is no place #${id}`,
  file: (id) => `there is no file #${id}`,
  fileHash: (id) => (id === '' ? 'no stored file has this hash' : `no stored file has the hash ${id}`),
  recordFile: (id, recordId) => `record #${recordId} has no file #${id}`,
  job: (id) => `there is no job #${id}`,
  savedSearch: (id) => `there is no saved search #${id}`,
  tag: (id) => `there is no tag "${id}"`,
  style: (id) => `there is no citation style "${id}" (see the list of styles: styles --all)`,
  defaultStyle: (id) => `there is no citation style "${id}"`,
  installedStyle: (id) => `there is no installed style "${id}"`,
};

const JOB_KINDS: Record<JobKind, string> = {
  import: 'an import',
  extraction: 'an extraction',
  bagImport: 'a bag import',
};

const SEARCHABLE: Record<SearchableProblem, (p: ReasonParams['not_searchable']) => string> = {
  kind: (p) =>
    `${p.name} is not a scan: only images, TIFF and PDFs whose pages were read by OCR can be made searchable`,
  no_words: (p) =>
    `${p.name} has no OCR words with their positions (its pages have a text layer or no legible text, or were read before positions were kept)`,
  encrypted: (p) => `${p.name} is an encrypted PDF: it cannot be rewritten with a text layer`,
  undrawable: (p) => `the pages of ${p.name} cannot be read${p.detail ? `: ${p.detail}` : ''}`,
};

const RESTORE: Record<RestoreProblem, (p: ReasonParams['restore_blocked']) => string> = {
  revision: (p) => `it was deleted at revision ${p.other}, not ${p.name}`,
  authority: (p) => `authority record #${p.other}, which it was linked to, has since been deleted or merged`,
  collection: (p) => `its collection #${p.other} has since been deleted`,
  referenceCode: (p) => `its reference code "${p.name}" is now used by record #${p.other}`,
  file: (p) => `its file #${p.other} "${p.name}" is no longer stored`,
};

const PARSE: Record<string, (p: ReasonParams['parse_failed']) => string> = {
  not_json: (p) => `the file is not valid JSON (line ${p.line}): ${p.detail}`,
  not_json_anywhere: (p) => `the file is not valid JSON: ${p.detail}`,
  not_object: (p) => `item ${p.item} is not an object`,
  not_records: (p) => `this JSON of records is not readable: record ${p.item}, ${p.key}: ${p.detail}`,
  too_large: (p) =>
    `the file is too large to import at once (${p.size} MB; at most ${p.max} MB): split it into smaller files`,
  nothing_readable: (p) =>
    `none of the ${p.count} entries can be read (first: "${p.key}" on line ${p.line}: ${p.detail})`,
  no_entries: () => 'the file has no entries (an entry starts with @type{key, ...})',
  unterminated: (p) =>
    `the record starting on line ${p.line} has no end tag (ER  -) before the next record on line ${p.next}`,
  unterminated_last: (p) => `the record starting on line ${p.line} has no end tag (ER  -): the file may be cut short`,
  stray_end: (p) => `line ${p.line} ends a record (ER  -) that was never started with TY  -`,
  tag_outside: (p) =>
    `line ${p.line} has a ${p.tag} tag outside a record (records start with TY  - and end with ER  -)`,
  no_records: (p) => `the file has no records (a record starts with ${p.marker})`,
  no_rows: () => 'the file has no rows',
  not_xml: (p) => `line ${p.line}: ${p.detail}`,
  no_header: () => 'the file has no header row',
  parser: (p) => `${p.detail}`,
  parser_row: (p) => `${p.detail} (row ${p.row})`,
};

const STYLE: Record<StyleProblem, (p: ReasonParams['style_unusable']) => string> = {
  doctype_entities: (p) =>
    `line ${p.line}: the file declares a document type with its own entities (<!DOCTYPE … […]>). Entity declarations can expand to gigabytes (an "XML bomb") or read files from this computer, and a CSL style never needs them: the file is refused unread`,
  doctype_external: (p) =>
    `line ${p.line}: the file declares a document type with an external file (<!DOCTYPE … SYSTEM>). Entity declarations can expand to gigabytes (an "XML bomb") or read files from this computer, and a CSL style never needs them: the file is refused unread`,
  entity_declared: (p) =>
    `line ${p.line}: the file declares an entity (<!ENTITY …>), which a CSL style never needs; it is refused unread`,
  entity_undefined: (p) =>
    `line ${p.line}: the entity &${p.name}; is not defined (a CSL style may use only &lt; &gt; &amp; &quot; &apos; and character references)`,
  bare_ampersand: (p) => `line ${p.line}: a "&" that does not start a character reference (write &amp;)`,
  bad_lt: (p) => `line ${p.line}: a "<" that does not start a well-formed tag`,
  text_outside: (p) => `line ${p.line}: text outside the <style> element`,
  closes_nothing: (p) => `line ${p.line}: </${p.name}> closes nothing`,
  mismatched: (p) => `line ${p.line}: <${p.name}> (opened on line ${p.openLine}) is closed by </${p.other}>`,
  attribute_twice: (p) => `line ${p.line}: attribute ${p.other} appears twice on <${p.name}>`,
  second_root: (p) => `line ${p.line}: a second root element <${p.name}>`,
  unclosed: (p) => `<${p.name}> opened on line ${p.openLine} is never closed`,
  no_element: () => `the file has no XML element (is it a CSL style file?)`,
  not_csl_element: (p) => `line ${p.line}: <${p.name}> is not a CSL element`,
  wrong_root: (p) => `the root element is <${p.name}>, not <style>`,
  wrong_namespace: (p) => `<style> must be in the CSL namespace (xmlns="${p.other}")`,
  no_version: () => `<style> must say version="1.0" (it says nothing)`,
  wrong_version: (p) => `<style> must say version="1.0" (it says "${p.other}")`,
  wrong_class: () => `<style> must have class="in-text" or class="note"`,
  no_info: () => `it has no <info> section`,
  no_title: () => `<info> has no <title>`,
  no_id: () => `<info> has no <id>`,
  dependent: () => `it is a dependent style (it only points to another style); install its parent style instead`,
  no_citation: () => `it has no <citation> with a <layout>`,
  bibliography_no_layout: (p) => `line ${p.line}: <bibliography> has no <layout>`,
  undefined_macro: (p) => `line ${p.line}: it calls the macro "${p.name}", which it does not define`,
};

const UNMERGE: Record<UnmergeProblem, (p: ReasonParams['unmerge_blocked']) => string> = {
  keepChanged: (p) => `“${p.name}” has changed since`,
  notMerged: (p) => `#${p.id} “${p.name}” was not merged away (or has been restored already)`,
  placeGone: (p) => `its place #${p.id} no longer exists`,
  linkGone: (p) => `record #${p.id} is no longer linked to “${p.name}” as ${p.role}`,
};

type Wording = { [R in ErrorReason]: (p: ReasonParams[R]) => string };

export const ENGLISH: Wording = {
  field_invalid: (p) => (p.field && !p.detail.startsWith(`${p.field}:`) ? `${p.field}: ${p.detail}` : p.detail),
  unknown_operation: (p) => `unknown operation "${p.channel}"`,
  internal_operation: (p) => `"${p.channel}" is the app's own internal operation: no door answers it`,
  request_refused: (p) => p.detail,
  cli: (p) => p.detail,
  internal: (p) => p.detail,

  not_found: (p) => NOT_FOUND[p.kind](p.id, p.recordId),
  stale_revision: (p) =>
    `record #${p.id} was changed elsewhere since revision ${p.expected} (it is now at ${p.current}); ${
      p.action === 'delete' ? 'it was not deleted' : 'reload it and make the edit again'
    }`,
  record_exists: (p) => `record #${p.id} cannot be restored: it exists (it was restored or never deleted)`,
  restore_blocked: (p) => `record #${p.id} cannot be restored: ${RESTORE[p.problem](p)}`,
  unmerge_blocked: (p) => `the merge cannot be undone: ${UNMERGE[p.problem](p)}`,
  reference_code_used: (p) => `reference code "${p.code}" is already used by record #${p.id} "${p.title}"`,
  link_twice: (p) => `authority #${p.authorityId} is linked twice as ${p.role}`,
  place_only_events: () => 'placeId: only events have a place',
  collection_cycle: () => 'parentId: a collection cannot be placed inside itself or its own sub-collections',
  collection_level_order: (p) =>
    p.relation === 'parent'
      ? `the level "${p.level}" is above the ${p.otherLevel} "${p.other}" it would be inside: ${LEVEL_ORDER}`
      : `the level "${p.level}" is below the ${p.otherLevel} "${p.other}" it holds: ${LEVEL_ORDER}`,
  merge_into_itself: () => 'cannot merge an authority record into itself',
  merge_kinds_differ: (p) =>
    `cannot merge ${p.mergeKind} "${p.mergeName}" into ${p.keepKind} "${p.keepName}": they are of different kinds`,
  authority_in_use: (p) =>
    `${p.kind} "${p.name}" is linked to ${plural(p.count, 'record', 'records')}; unlink it or merge it into another ${p.kind} first`,
  place_in_use: (p) => `place "${p.name}" is the place of ${plural(p.count, 'event', 'events')}; change them first`,
  collection_in_use: (p) =>
    `collection "${p.name}" still holds ${p.records} record(s) and ${p.children} sub-collection(s); move them out first`,
  collection_restore_blocked: (p) =>
    `collection #${p.id} "${p.name}" cannot be restored: it exists or has changed since it was deleted`,
  batch_item_refused: (p) =>
    `nothing was changed: record #${p.batchId}${p.batchTitle ? ` “${p.batchTitle}”` : ''}: ${wordCause(p).replace(/^patch\./, '')}`,
  backups_kept_range: (p) => `keep between 0 (no automatic backups) and ${p.max} copies`,
  ids_or_batch: () => 'give ids or batch',
  job_wrong_kind: (p) => `job #${p.id} is not ${JOB_KINDS[p.expected]}`,
  catalogue_refused: (p) => `the catalogue refused the change: ${p.detail}`,
  catalogue_busy: (p) =>
    `the catalogue stayed busy with another writer for over ${p.seconds} seconds: nothing was changed; try again`,
  catalogue_locked: () => 'the catalogue is busy with another writer; try again',
  disk_full: (p) =>
    p.name
      ? `no space left on the disk holding the library to store ${p.name}: nothing of it was kept (free some space and import it again)`
      : 'the disk holding the library is full: nothing was changed (free some space and try again)',

  library_busy: (p) => `${p.file} stayed locked by another process for over ${p.seconds} seconds; try again`,
  library_not_file: (p) => `${p.path} is not a file`,
  library_corrupt: (p) =>
    `${p.path} is corrupt ${p.check ? `(${p.check})` : 'or not a catalogue (no SQLite header)'}. It was left untouched; restore the latest copy from ${p.backups}.`,
  library_not_ours: (p) =>
    `${p.path} is an SQLite database of another application, not a Civic Archive catalogue; it was left untouched`,
  library_newer: (p) =>
    `${p.root} was made by a newer version of Civic Archive (catalogue schema ${p.version}; this version knows up to ${p.latest}). Update the app to open it; the library was left untouched.`,
  library_folder_foreign: (p) =>
    `${p.root} is not a Civic Archive library: it has no ${p.catalogue} and already holds other files (${p.files}). Choose an empty folder or an existing library.`,
  library_is_file: (p) => `${p.root} is a file, not a library folder`,
  library_create_failed: (p) => `cannot create the library folder ${p.root}: ${p.detail}`,
  library_open_failed: (p) => `cannot open the library at ${p.root}: ${p.detail}`,
  library_missing: (p) =>
    `${p.root} holds no Civic Archive library (no catalogue.sqlite); choose a library folder, or create a new library there`,
  library_fixed: () =>
    'this door keeps the library it was started with: the desktop app opens another with File → Open Library…, the CLI and the browser host with --library DIR',

  path_outside: (p) => `${p.path} ${p.how} outside the folders ${p.door} may use (${p.roots}): ${p.hint}`,
  folder_too_big: (p) => `${p.dir} holds more than ${p.max} entries: too many to check`,
  file_changed: (p) => `${p.path} changed while it was being opened: nothing was read (try again)`,
  file_unreadable: (p) => `cannot read ${p.path}: ${p.detail}`,
  not_regular_file: (p) => `cannot import ${p.path}: it is not a regular file`,
  not_searchable: (p) => SEARCHABLE[p.problem](p),
  file_empty: (p) => `${p.name} is empty (0 bytes): nothing to keep`,
  file_too_large: (p) =>
    p.size === undefined
      ? `${p.name} is over the size limit of ${p.max} bytes`
      : `${p.name} is ${p.size} bytes, over the size limit of ${p.max} bytes`,
  not_sha256: (p) => `"${p.value}" is not a SHA-256 hash`,
  stored_copy_damaged: (p) =>
    p.size === undefined
      ? `the stored copy of ${p.name} is missing`
      : `the stored copy of ${p.name} has ${p.size} bytes, expected ${p.expected}`,
  stored_file_missing: (p) =>
    `the stored file ${p.what} (sha256 ${p.sha256}) is missing from the library's files: run verify`,
  checksum_mismatch: (p) => `the stored file ${p.what} does not match its checksum: run verify`,

  not_utf8: (p) =>
    p.source === 'csv'
      ? `CSV: line ${p.line} has a character that is not UTF-8; save the file as UTF-8 (CSV UTF-8) and import it again`
      : p.source === 'file'
        ? `${p.file}: line ${p.line} is not UTF-8 text (another encoding, such as Windows-1252?); save it as UTF-8 and try again`
        : `line ${p.line} has a character that is not UTF-8: save the file as UTF-8 and import it again`,
  parse_failed: (p) => `${FORMAT_NAMES[p.format] ?? p.format}: ${PARSE[parseVariant(p)]!(p)}`,
  entry_unreadable: (p) => `this entry cannot be read: ${p.detail}`,
  xml_entities: (p) =>
    `${p.format}: line ${p.line} declares a document type with entities or an external file; these can expand to gigabytes (an "XML bomb") or read files from this computer, and a bibliography never needs them: the file is refused unread`,
  import_format_unknown: () =>
    'cannot tell the format of this file: give the format (csl-json, bibtex, ris, endnote-xml, medline or mods)',
  mapping_not_field: (p) => `mapping: "${p.target}" (for column "${p.column}") is not a record field or a link role`,
  mapping_no_title: (p) => `CSV: no column is mapped to the title (columns: ${p.columns})`,
  on_behalf_unpaired: (p) =>
    `column "${p.column}" ("${p.value}") has ${p.entries} places but column "${p.namesColumn}" names ${p.names}: give at most one organisation per name, in the same order, leaving a place empty for a name that acted for nobody`,
  import_rows_failed: (p) =>
    `${p.failed} of ${p.total} rows cannot be imported (first: ${englishPlace(p)}: ${wordCause(p)}); nothing was imported. Fix the file, or skip the bad rows.`,
  nothing_to_package: () => 'the library has no records: nothing to package',
  folder_not_empty: (p) =>
    p.purpose === 'bag'
      ? `${p.path} is not empty: a bag is written to a new or empty folder`
      : `${p.path} is not empty (it holds a library or other files); restore into a new folder, or add --force to replace it (the old one is kept beside it)`,
  folder_missing: (p) => `the folder ${p.path} does not exist`,
  target_exists: (p) => `${p.path} already exists: choose another name for the backup`,
  bag_unusable: (p) => `bag ${p.bag}: ${p.detail}; nothing was imported`,
  bag_level_order: (p) =>
    `bag ${p.bag}: its ${p.level} "${p.name}" would go inside this library's ${p.otherLevel} "${p.other}" (the same collection as the bag's, by reference code or name): ${LEVEL_ORDER}. Change one of their levels; nothing was imported`,
  bag_copy_missing: (p) => `bag ${p.bag}: the stored copy of ${p.path} is missing or incomplete; nothing was imported`,
  backup_missing: (p) => `there is no backup at ${p.path}`,
  backup_unusable: (p) => `${p.path} is not a usable backup: ${p.detail}; nothing was restored`,

  style_unusable: (p) => `this is not a usable CSL style: ${STYLE[p.problem](p)}`,
  style_fails: (p) => `this CSL style fails when used: ${p.detail}`,
  style_builtin: (p) => `"${p.key}" comes with the app and cannot be removed`,
};

/** The English of a batch item's or a row's own refusal, from the reason and params it carried. */
function wordCause(p: { cause: string } & Record<string, string | number | undefined>): string {
  const cause = p.cause as ErrorReason;
  const word = ENGLISH[cause] as ((params: unknown) => string) | undefined;
  return word && cause !== 'batch_item_refused' && cause !== 'import_rows_failed' ? word(p) : String(p.detail ?? cause);
}

/** A reason and its params in English: the `message` every envelope carries. */
export function englishFor<R extends ErrorReason>(reason: R, params: ReasonParams[R]): string {
  return (ENGLISH[reason] as (p: ReasonParams[R]) => string)(params);
}
