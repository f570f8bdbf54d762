/**
 * Refusals from the service, worded by their reason (src/shared/errors/reasons.ts) and params. A
 * reason whose wording depends on one param holds a table of variants (common/errorWords.ts says
 * which param picks); params that are keys (a field, a kind, a role, a problem) are worded from the
 * tables below or the record's field labels before they fill the sentence. The English says what
 * src/shared/errors/en.ts says (the CLI's and the logs' words), with field labels for field keys.
 */
export const errors = {
  reason: {
    field_invalid: { field: '{{field}}: {{problem}}', bare: '{{problem}}' },
    unknown_operation: 'unknown operation "{{channel}}"',
    internal_operation: '"{{channel}}" is the app\'s own internal operation: no door answers it',
    request_refused: '{{detail}}',
    cli: '{{detail}}',
    internal: '{{detail}}',
    not_found: {
      record: 'there is no record #{{id}}',
      deletedRecord: 'there was never a record #{{id}}',
      collection: 'there is no collection #{{id}}',
      authority: 'there is no authority record #{{id}}',
      place: 'there is no place #{{id}}',
      file: 'there is no file #{{id}}',
      fileHash: 'no stored file has the hash {{id}}',
      recordFile: 'record #{{recordId}} has no file #{{id}}',
      job: 'there is no job #{{id}}',
      savedSearch: 'there is no saved search #{{id}}',
      tag: 'there is no tag "{{id}}"',
      style: 'there is no citation style "{{id}}"',
      defaultStyle: 'there is no citation style "{{id}}"',
      installedStyle: 'there is no installed style "{{id}}"',
    },
    stale_revision: {
      edit: 'record #{{id}} was changed elsewhere since revision {{expected}} (it is now at {{current}}); reload it and make the edit again',
      delete:
        'record #{{id}} was changed elsewhere since revision {{expected}} (it is now at {{current}}); it was not deleted',
    },
    record_exists: 'record #{{id}} cannot be restored: it exists (it was restored or never deleted)',
    restore_blocked: {
      revision: 'record #{{id}} cannot be restored: it was deleted at revision {{other}}, not {{name}}',
      authority:
        'record #{{id}} cannot be restored: authority record #{{other}}, which it was linked to, has since been deleted or merged',
      collection: 'record #{{id}} cannot be restored: its collection #{{other}} has since been deleted',
      referenceCode:
        'record #{{id}} cannot be restored: its reference code "{{name}}" is now used by record #{{other}}',
      file: 'record #{{id}} cannot be restored: its file #{{other}} "{{name}}" is no longer stored',
    },
    unmerge_blocked: {
      keepChanged: 'the merge cannot be undone: “{{name}}” has changed since',
      notMerged: 'the merge cannot be undone: #{{id}} “{{name}}” was not merged away (or has been restored already)',
      placeGone: 'the merge cannot be undone: its place #{{id}} no longer exists',
      linkGone: 'the merge cannot be undone: record #{{id}} is no longer linked to “{{name}}” as {{role}}',
    },
    reference_code_used: 'reference code "{{code}}" is already used by record #{{id}} "{{title}}"',
    link_twice: 'authority #{{authorityId}} is linked twice as {{role}}',
    place_only_events: 'only events have a place',
    collection_cycle: 'a collection cannot be placed inside itself or its own sub-collections',
    collection_level_order: {
      parent:
        'the level "{{level}}" is above the {{otherLevel}} "{{other}}" it would be inside: a collection is never at a higher level than the one it is in (fonds > sub-fonds > series > sub-series > file > item)',
      child:
        'the level "{{level}}" is below the {{otherLevel}} "{{other}}" it holds: a collection is never at a higher level than the one it is in (fonds > sub-fonds > series > sub-series > file > item)',
    },
    merge_into_itself: 'cannot merge an authority record into itself',
    merge_kinds_differ:
      'cannot merge {{mergeKind}} "{{mergeName}}" into {{keepKind}} "{{keepName}}": they are of different kinds',
    authority_in_use: {
      one: '{{kind}} "{{name}}" is linked to {{count}} record; unlink it or merge it into another {{kind}} first',
      other: '{{kind}} "{{name}}" is linked to {{count}} records; unlink it or merge it into another {{kind}} first',
    },
    place_in_use: {
      one: 'place "{{name}}" is the place of {{count}} event; change them first',
      other: 'place "{{name}}" is the place of {{count}} events; change them first',
    },
    collection_in_use:
      'collection "{{name}}" still holds {{records}} record(s) and {{children}} sub-collection(s); move them out first',
    collection_restore_blocked:
      'collection #{{id}} "{{name}}" cannot be restored: it exists or has changed since it was deleted',
    batch_item_refused: {
      titled: 'nothing was changed: record #{{batchId}} “{{batchTitle}}”: {{cause}}',
      untitled: 'nothing was changed: record #{{batchId}}: {{cause}}',
    },
    backups_kept_range: 'keep between 0 (no automatic backups) and {{max}} copies',
    ids_or_batch: 'give ids or batch',
    job_wrong_kind: 'job #{{id}} is not {{expected}}',
    catalogue_refused: 'the catalogue refused the change: {{detail}}',
    catalogue_busy:
      'the catalogue stayed busy with another writer for over {{seconds}} seconds: nothing was changed; try again',
    catalogue_locked: 'the catalogue is busy with another writer; try again',
    disk_full: {
      file: 'no space left on the disk holding the library to store {{name}}: nothing of it was kept (free some space and import it again)',
      catalogue: 'the disk holding the library is full: nothing was changed (free some space and try again)',
    },
    library_busy: '{{file}} stayed locked by another process for over {{seconds}} seconds; try again',
    library_not_file: '{{path}} is not a file',
    library_corrupt: {
      header:
        '{{path}} is corrupt or not a catalogue (no SQLite header). It was left untouched; restore the latest copy from {{backups}}.',
      check: '{{path}} is corrupt ({{check}}). It was left untouched; restore the latest copy from {{backups}}.',
    },
    library_not_ours:
      '{{path}} is an SQLite database of another application, not a Civic Archive catalogue; it was left untouched',
    library_newer:
      '{{root}} was made by a newer version of Civic Archive (catalogue schema {{version}}; this version knows up to {{latest}}). Update the app to open it; the library was left untouched.',
    library_folder_foreign:
      '{{root}} is not a Civic Archive library: it has no {{catalogue}} and already holds other files ({{files}}). Choose an empty folder or an existing library.',
    library_is_file: '{{root}} is a file, not a library folder',
    library_create_failed: 'cannot create the library folder {{root}}: {{detail}}',
    library_open_failed: 'cannot open the library at {{root}}: {{detail}}',
    library_fixed:
      'this door keeps the library it was started with: the desktop app opens another with File → Open Library…, the CLI and the browser host with --library DIR',
    library_missing:
      '{{root}} holds no Civic Archive library (no catalogue.sqlite); choose a library folder, or create a new library there',
    path_outside: '{{path}} {{how}} outside the folders {{door}} may use ({{roots}}): {{hint}}',
    folder_too_big: '{{dir}} holds more than {{max}} entries: too many to check',
    file_changed: '{{path}} changed while it was being opened: nothing was read (try again)',
    file_unreadable: {
      missing: 'cannot read {{path}}: it does not exist',
      denied: 'cannot read {{path}}: permission denied',
      folder: 'cannot read {{path}}: it is a folder',
      other: 'cannot read {{path}}: {{detail}}',
    },
    not_regular_file: 'cannot import {{path}}: it is not a regular file',
    file_empty: '{{name}} is empty (0 bytes): nothing to keep',
    file_too_large: {
      sized: '{{name}} is {{size}} bytes, over the size limit of {{max}} bytes',
      streamed: '{{name}} is over the size limit of {{max}} bytes',
    },
    not_sha256: '"{{value}}" is not a SHA-256 hash',
    stored_copy_damaged: {
      missing: 'the stored copy of {{name}} is missing',
      size: 'the stored copy of {{name}} has {{size}} bytes, expected {{expected}}',
    },
    stored_file_missing: "the stored file {{what}} (sha256 {{sha256}}) is missing from the library's files: run verify",
    checksum_mismatch: 'the stored file {{what}} does not match its checksum: run verify',
    not_searchable: {
      kind: '{{name}} is not a scan: only images, TIFF and PDFs whose pages were read by OCR can be made searchable',
      no_words:
        '{{name}} has no OCR words with their positions (its pages have a text layer or no legible text, or were read before positions were kept)',
      encrypted: '{{name}} is an encrypted PDF: it cannot be rewritten with a text layer',
      undrawable: 'the pages of {{name}} cannot be read: {{detail}}',
    },
    not_utf8: {
      text: 'line {{line}} has a character that is not UTF-8: save the file as UTF-8 and import it again',
      csv: 'CSV: line {{line}} has a character that is not UTF-8; save the file as UTF-8 (CSV UTF-8) and import it again',
      file: '{{file}}: line {{line}} is not UTF-8 text (another encoding, such as Windows-1252?); save it as UTF-8 and try again',
    },
    parse_failed: {
      not_json: '{{format}}: the file is not valid JSON (line {{line}}): {{detail}}',
      not_json_anywhere: '{{format}}: the file is not valid JSON: {{detail}}',
      not_object: '{{format}}: item {{item}} is not an object',
      not_records: '{{format}}: this JSON of records is not readable: record {{item}}, {{key}}: {{detail}}',
      too_large:
        '{{format}}: the file is too large to import at once ({{size}} MB; at most {{max}} MB): split it into smaller files',
      nothing_readable:
        '{{format}}: none of the {{count}} entries can be read (first: "{{key}}" on line {{line}}: {{detail}})',
      no_entries: '{{format}}: the file has no entries (an entry starts with @type{key, ...})',
      unterminated:
        '{{format}}: the record starting on line {{line}} has no end tag (ER  -) before the next record on line {{next}}',
      unterminated_last:
        '{{format}}: the record starting on line {{line}} has no end tag (ER  -): the file may be cut short',
      stray_end: '{{format}}: line {{line}} ends a record (ER  -) that was never started with TY  -',
      tag_outside:
        '{{format}}: line {{line}} has a {{tag}} tag outside a record (records start with TY  - and end with ER  -)',
      no_records: '{{format}}: the file has no records (a record starts with {{marker}})',
      no_rows: '{{format}}: the file has no rows',
      not_xml: '{{format}}: line {{line}}: {{detail}}',
      no_header: '{{format}}: the file has no header row',
      parser: '{{format}}: {{detail}}',
      parser_row: '{{format}}: {{detail}} (row {{row}})',
    },
    entry_unreadable: 'this entry cannot be read: {{detail}}',
    xml_entities:
      '{{format}}: line {{line}} declares a document type with entities or an external file; these can expand to gigabytes (an "XML bomb") or read files from this computer, and a bibliography never needs them: the file is refused unread',
    import_format_unknown:
      'cannot tell the format of this file: give the format (csl-json, bibtex, ris, endnote-xml, medline or mods)',
    mapping_not_field: 'mapping: "{{target}}" (for column "{{column}}") is not a record field or a link role',
    mapping_no_title: 'CSV: no column is mapped to the title (columns: {{columns}})',
    on_behalf_unpaired:
      'column "{{column}}" ("{{value}}") has {{entries}} places but column "{{namesColumn}}" names {{names}}: give at most one organisation per name, in the same order, leaving a place empty for a name that acted for nobody',
    import_rows_failed:
      '{{failed}} of {{total}} rows cannot be imported (first: {{where}}: {{cause}}); nothing was imported. Fix the file, or skip the bad rows.',
    nothing_to_package: 'the library has no records: nothing to package',
    folder_not_empty: {
      bag: '{{path}} is not empty: a bag is written to a new or empty folder',
      restore:
        '{{path}} is not empty (it holds a library or other files); restore into a new folder, or add --force to replace it (the old one is kept beside it)',
    },
    folder_missing: 'the folder {{path}} does not exist',
    target_exists: '{{path}} already exists: choose another name for the backup',
    bag_unusable: 'bag {{bag}}: {{detail}}; nothing was imported',
    bag_level_order:
      'bag {{bag}}: its {{level}} "{{name}}" would go inside this library\'s {{otherLevel}} "{{other}}" (the same collection as the bag\'s, by reference code or name): a collection is never at a higher level than the one it is in (fonds > sub-fonds > series > sub-series > file > item). Change one of their levels; nothing was imported',
    bag_copy_missing: 'bag {{bag}}: the stored copy of {{path}} is missing or incomplete; nothing was imported',
    backup_missing: 'there is no backup at {{path}}',
    backup_unusable: '{{path}} is not a usable backup: {{detail}}; nothing was restored',
    style_unusable: {
      doctype_entities:
        'this is not a usable CSL style: line {{line}}: the file declares a document type with its own entities (<!DOCTYPE … […]>). Entity declarations can expand to gigabytes (an "XML bomb") or read files from this computer, and a CSL style never needs them: the file is refused unread',
      doctype_external:
        'this is not a usable CSL style: line {{line}}: the file declares a document type with an external file (<!DOCTYPE … SYSTEM>). Entity declarations can expand to gigabytes (an "XML bomb") or read files from this computer, and a CSL style never needs them: the file is refused unread',
      entity_declared:
        'this is not a usable CSL style: line {{line}}: the file declares an entity (<!ENTITY …>), which a CSL style never needs; it is refused unread',
      entity_undefined:
        'this is not a usable CSL style: line {{line}}: the entity &{{name}}; is not defined (a CSL style may use only &lt; &gt; &amp; &quot; &apos; and character references)',
      bare_ampersand:
        'this is not a usable CSL style: line {{line}}: a "&" that does not start a character reference (write &amp;)',
      bad_lt: 'this is not a usable CSL style: line {{line}}: a "<" that does not start a well-formed tag',
      text_outside: 'this is not a usable CSL style: line {{line}}: text outside the <style> element',
      closes_nothing: 'this is not a usable CSL style: line {{line}}: </{{name}}> closes nothing',
      mismatched:
        'this is not a usable CSL style: line {{line}}: <{{name}}> (opened on line {{openLine}}) is closed by </{{other}}>',
      attribute_twice: 'this is not a usable CSL style: line {{line}}: attribute {{other}} appears twice on <{{name}}>',
      second_root: 'this is not a usable CSL style: line {{line}}: a second root element <{{name}}>',
      unclosed: 'this is not a usable CSL style: <{{name}}> opened on line {{openLine}} is never closed',
      no_element: 'this is not a usable CSL style: the file has no XML element (is it a CSL style file?)',
      not_csl_element: 'this is not a usable CSL style: line {{line}}: <{{name}}> is not a CSL element',
      wrong_root: 'this is not a usable CSL style: the root element is <{{name}}>, not <style>',
      wrong_namespace: 'this is not a usable CSL style: <style> must be in the CSL namespace (xmlns="{{other}}")',
      no_version: 'this is not a usable CSL style: <style> must say version="1.0" (it says nothing)',
      wrong_version: 'this is not a usable CSL style: <style> must say version="1.0" (it says "{{other}}")',
      wrong_class: 'this is not a usable CSL style: <style> must have class="in-text" or class="note"',
      no_info: 'this is not a usable CSL style: it has no <info> section',
      no_title: 'this is not a usable CSL style: <info> has no <title>',
      no_id: 'this is not a usable CSL style: <info> has no <id>',
      dependent:
        'this is not a usable CSL style: it is a dependent style (it only points to another style); install its parent style instead',
      no_citation: 'this is not a usable CSL style: it has no <citation> with a <layout>',
      bibliography_no_layout: 'this is not a usable CSL style: line {{line}}: <bibliography> has no <layout>',
      undefined_macro:
        'this is not a usable CSL style: line {{line}}: it calls the macro "{{name}}", which it does not define',
    },
    style_fails: 'this CSL style fails when used: {{detail}}',
    style_builtin: '"{{key}}" comes with the app and cannot be removed',
  },
  /**
   * What is wrong with a field (field_invalid's `problem`): zod's issue codes and the model's own
   * checks. The English interface shows the schema's own message instead (`detail`, written in
   * src/shared/model.ts and often more precise: "day 31 does not exist in 2018-09"), as the date
   * parser's messages do (editor/date-messages.ts); these say each problem for other languages to follow.
   */
  /** Where a row is in its file (reports/import-report.ts placeVariant). */
  place: {
    row_line: 'row {{n}} (line {{line}})',
    row: 'row {{n}}',
    line_key: 'line {{n}} ({{key}})',
    line: 'line {{n}}',
    entry_key: 'entry {{n}} ({{key}})',
    entry: 'entry {{n}}',
    item: 'item {{n}}',
    record_of: 'record {{n}} of {{key}}',
    record: 'record {{n}}',
  },
  problem: {
    required: 'is required',
    empty: 'must not be empty',
    invalid_type: 'has the wrong kind of value',
    too_small: {
      string: 'must be at least {{limit}} characters',
      array: 'needs at least {{limit}}',
      other: 'must be at least {{limit}}',
    },
    too_big: {
      string: 'must be at most {{limit}} characters',
      array: 'takes at most {{limit}}',
      other: 'must be at most {{limit}}',
    },
    invalid_format: 'is not in the expected form',
    invalid_value: 'must be one of {{limit}}',
    unrecognized_keys: 'unknown field {{value}}',
    not_multiple_of: 'is not a valid number',
    invalid_union: 'is not valid',
    invalid_key: 'is not valid',
    invalid_element: 'is not valid',
    invalid: 'is not valid',
    custom: 'is not valid',
    not_date: '“{{value}}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD',
    not_language: '“{{value}}” is not a language tag (e.g. en, zh-Hans)',
    not_url: '“{{value}}” is not a web address (http:// or https://)',
    end_without_start: 'an end date needs a start date',
    end_before_start: 'the end date is before the start date',
    only_media_coverage: 'only media coverage has a medium',
    only_agreements: 'only agreements have this field',
    only_events: 'only events have a place',
  },
  /** Kinds of authority records, as a sentence names them. */
  kind: {
    person: 'person',
    organisation: 'organisation',
    place: 'place',
    event: 'event',
    partnership: 'partnership',
  },
  /** What a job was expected to be (job_wrong_kind). */
  jobKind: {
    import: 'an import',
    extraction: 'an extraction',
    bagImport: 'a bag import',
  },
  /** Fields a refusal can name that the record pane has no label for. */
  field: {
    title: 'Title',
    type: 'Type',
    agreementKind: 'Kind of agreement',
    dateEnd: 'End date',
    dateApproximate: 'Approximate date',
    links: 'Links',
    commitments: 'Commitments',
    collectionId: 'Collection',
    placeId: 'Place',
    parentId: 'Parent collection',
    name: 'Name',
    altNames: 'Other names',
    kind: 'Kind',
    path: 'Path',
    paths: 'Files',
    content: 'File content',
    mapping: 'Column mapping',
    ids: 'Records',
    xml: 'Style file',
    style: 'Citation style',
    defaultStyle: 'Default citation style',
    backupsKept: 'Automatic backups kept',
    maxFileBytes: 'File size limit',
  },
};
