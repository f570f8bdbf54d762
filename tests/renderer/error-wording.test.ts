/**
 * Refusals travel as reasons and params; the renderer words them in each interface language. A
 * reason without a wording would fall back to the service's English, so every reason (and every
 * variant a param picks) must have one in every language, with the same placeholders, and the
 * English interface must say what the service's one English table says.
 */
import { describe, expect, it } from 'vitest';
import { englishFor } from '../../src/shared/errors/en';
import { ERROR_REASONS, type ErrorReason, type ReasonParams } from '../../src/shared/errors/reasons';
import { archiveError, type ArchiveError } from '../../src/shared/result';
import { errorWordsIn, fieldErrorWordsIn, fieldLabel } from '../../src/renderer/src/common/errorWording';
import { LANGUAGES, resources } from '../../src/renderer/src/i18n/resources';

type Entry = string | Readonly<Record<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const reasonsIn = (language: (typeof LANGUAGES)[number]) =>
  resources[language].errors.reason as Readonly<Record<string, Entry>>;

/** One refusal per reason (and per variant), with realistic params, as the service sends them. */
const SAMPLES: ArchiveError[] = [
  archiveError('invalid_input', 'field_invalid', {
    field: 'patch.dateEnd',
    problem: 'end_before_start',
    detail: 'end date 2017 is before the start date 2018',
  }),
  archiveError('invalid_input', 'field_invalid', { field: '', problem: 'invalid', detail: 'invalid input' }),
  archiveError('invalid_input', 'unknown_operation', { channel: 'nope' }),
  archiveError('invalid_input', 'internal_operation', { channel: 'claimJob' }),
  archiveError('invalid_input', 'request_refused', { detail: 'use POST' }),
  archiveError('invalid_input', 'cli', { detail: '--limit needs a value' }),
  archiveError('internal', 'internal', { detail: 'internal error in getRecord: boom' }),
  ...(
    [
      'record',
      'deletedRecord',
      'collection',
      'authority',
      'place',
      'file',
      'fileHash',
      'job',
      'savedSearch',
      'tag',
      'style',
      'defaultStyle',
      'installedStyle',
    ] as const
  ).map((kind) => archiveError('not_found', 'not_found', { kind, id: 12 })),
  archiveError('not_found', 'not_found', { kind: 'recordFile', id: 3, recordId: 7 }),
  archiveError('conflict', 'stale_revision', { id: 4, expected: 10, current: 12, action: 'edit' }),
  archiveError('conflict', 'stale_revision', { id: 4, expected: 10, current: 12, action: 'delete' }),
  archiveError('conflict', 'record_exists', { id: 4 }),
  ...(['revision', 'authority', 'collection', 'referenceCode', 'file'] as const).map((problem) =>
    archiveError('conflict', 'restore_blocked', { id: 4, problem, other: 9, name: 'MOU-2018.pdf' }),
  ),
  ...(['keepChanged', 'notMerged', 'placeGone', 'linkGone'] as const).map((problem) =>
    archiveError('conflict', 'unmerge_blocked', { problem, name: 'Judith Blake', id: 5, role: 'author' }),
  ),
  archiveError('conflict', 'reference_code_used', { code: 'AR-1', id: 3, title: 'Annual report' }),
  archiveError('invalid_input', 'link_twice', { authorityId: 3, role: 'signatory' }),
  archiveError('invalid_input', 'place_only_events', {}),
  archiveError('invalid_input', 'collection_cycle', {}),
  archiveError('invalid_input', 'collection_level_order', {
    level: 'fonds',
    other: 'Hangzhou',
    otherLevel: 'sub-series',
    relation: 'parent',
  }),
  archiveError('invalid_input', 'collection_level_order', {
    level: 'file',
    other: 'Visits',
    otherLevel: 'series',
    relation: 'child',
  }),
  archiveError('invalid_input', 'merge_into_itself', {}),
  archiveError('invalid_input', 'merge_kinds_differ', {
    mergeKind: 'person',
    mergeName: 'Blake',
    keepKind: 'place',
    keepName: 'Hangzhou',
  }),
  archiveError('in_use', 'authority_in_use', { kind: 'organisation', name: 'City Council', count: 1 }),
  archiveError('in_use', 'authority_in_use', { kind: 'person', name: 'Judith Blake', count: 3 }),
  archiveError('in_use', 'place_in_use', { name: 'Hangzhou', count: 1 }),
  archiveError('in_use', 'place_in_use', { name: 'Hangzhou', count: 2 }),
  archiveError('in_use', 'collection_in_use', { name: 'Twinning', records: 3, children: 1 }),
  archiveError('conflict', 'collection_restore_blocked', { id: 4, name: 'Twinning' }),
  archiveError('conflict', 'batch_item_refused', {
    batchId: 4,
    batchTitle: 'Letter to Hangzhou',
    cause: 'stale_revision',
    id: 4,
    expected: 10,
    current: 12,
    action: 'edit',
  }),
  archiveError('invalid_input', 'batch_item_refused', {
    batchId: 4,
    batchTitle: '',
    cause: 'field_invalid',
    field: 'patch.date',
    problem: 'not_date',
    value: '2018-13',
    detail: '"2018-13" is not a date: month 13 does not exist',
  }),
  archiveError('invalid_input', 'backups_kept_range', { max: 365 }),
  archiveError('invalid_input', 'ids_or_batch', {}),
  ...(['import', 'extraction', 'bagImport'] as const).map((expected) =>
    archiveError('invalid_input', 'job_wrong_kind', { id: 8, expected }),
  ),
  archiveError('conflict', 'catalogue_refused', { detail: 'SQLITE_CONSTRAINT' }),
  archiveError('conflict', 'catalogue_busy', { seconds: 10 }),
  archiveError('conflict', 'catalogue_locked', {}),
  archiveError('library', 'disk_full', { name: 'scan.pdf' }),
  archiveError('library', 'disk_full', { name: '' }),
  archiveError('library', 'library_busy', { file: '/lib/catalogue.sqlite', seconds: 10 }),
  archiveError('library', 'library_not_file', { path: '/lib/catalogue.sqlite' }),
  archiveError('library', 'library_corrupt', { path: '/lib/catalogue.sqlite', check: '', backups: '/lib/backups' }),
  archiveError('library', 'library_corrupt', { path: '/lib/c.sqlite', check: 'page 3', backups: '/lib/backups' }),
  archiveError('library', 'library_not_ours', { path: '/lib/catalogue.sqlite' }),
  archiveError('library', 'library_newer', { root: '/lib', version: 99, latest: 12 }),
  archiveError('library', 'library_folder_foreign', { root: '/papers', catalogue: 'catalogue.sqlite', files: 'a.txt' }),
  archiveError('library', 'library_is_file', { root: '/lib' }),
  archiveError('library', 'library_create_failed', { root: '/lib', detail: 'EACCES' }),
  archiveError('library', 'library_open_failed', { root: '/lib', detail: 'EACCES' }),
  archiveError('library', 'library_fixed', {}),
  archiveError('library', 'library_missing', { root: '/lib' }),
  archiveError('invalid_input', 'path_outside', {
    path: '/etc/passwd',
    how: 'is',
    door: 'the browser host',
    roots: '/lib',
    hint: 'start the host with --allow-dir',
  }),
  archiveError('invalid_input', 'folder_too_big', { dir: '/scans', max: 100_000 }),
  archiveError('invalid_input', 'file_changed', { path: '/scans/a.pdf' }),
  ...(
    [
      ['missing', 'it does not exist'],
      ['denied', 'permission denied'],
      ['folder', 'it is a folder'],
      ['other', 'EIO: i/o error'],
    ] as const
  ).map(([cause, detail]) => archiveError('invalid_input', 'file_unreadable', { path: '/scans/a.pdf', detail, cause })),
  archiveError('invalid_input', 'not_regular_file', { path: '/dev/null' }),
  archiveError('invalid_input', 'file_empty', { name: 'empty.pdf' }),
  archiveError('invalid_input', 'file_too_large', { name: 'big.pdf', size: 2_000, max: 1_000 }),
  archiveError('invalid_input', 'file_too_large', { name: 'big.pdf', max: 1_000 }),
  archiveError('invalid_input', 'not_sha256', { value: 'abc' }),
  archiveError('internal', 'stored_copy_damaged', { name: 'a.pdf' }),
  archiveError('internal', 'stored_copy_damaged', { name: 'a.pdf', size: 10, expected: 12 }),
  archiveError('conflict', 'stored_file_missing', { what: 'a.pdf', sha256: 'ab'.repeat(32) }),
  archiveError('conflict', 'checksum_mismatch', { what: 'a.pdf' }),
  ...(['kind', 'no_words', 'encrypted', 'undrawable'] as const).map((problem) =>
    archiveError('invalid_input', 'not_searchable', {
      name: 'scan.tif',
      problem,
      detail: 'its picture data is damaged',
    }),
  ),
  ...(['text', 'csv', 'file'] as const).map((source) =>
    archiveError('invalid_input', 'not_utf8', { line: 3, source, file: 'records.csv' }),
  ),
  archiveError('invalid_input', 'parse_failed', {
    format: 'csl-json',
    problem: 'not_json',
    line: 4,
    detail: 'Unexpected token',
  }),
  archiveError('invalid_input', 'parse_failed', { format: 'csl-json', problem: 'not_json', detail: 'Unexpected end' }),
  archiveError('invalid_input', 'parse_failed', { format: 'csl-json', problem: 'not_object', item: 2 }),
  archiveError('invalid_input', 'parse_failed', {
    format: 'json',
    problem: 'not_records',
    item: 2,
    key: 'title',
    detail: 'Required',
  }),
  archiveError('invalid_input', 'parse_failed', { format: 'bibtex', problem: 'too_large', size: 60, max: 20 }),
  archiveError('invalid_input', 'parse_failed', {
    format: 'bibtex',
    problem: 'nothing_readable',
    count: 2,
    key: 'smith2019',
    line: 3,
    detail: 'unexpected }',
  }),
  archiveError('invalid_input', 'parse_failed', { format: 'bibtex', problem: 'no_entries' }),
  archiveError('invalid_input', 'parse_failed', { format: 'ris', problem: 'unterminated', line: 1, next: 9 }),
  archiveError('invalid_input', 'parse_failed', { format: 'ris', problem: 'unterminated', line: 1 }),
  archiveError('invalid_input', 'parse_failed', { format: 'ris', problem: 'stray_end', line: 7 }),
  archiveError('invalid_input', 'parse_failed', { format: 'ris', problem: 'tag_outside', line: 7, tag: 'AU' }),
  archiveError('invalid_input', 'parse_failed', { format: 'ris', problem: 'no_records', marker: '"TY  - "' }),
  archiveError('invalid_input', 'parse_failed', { format: 'csv', problem: 'no_rows' }),
  archiveError('invalid_input', 'parse_failed', {
    format: 'mods',
    problem: 'not_xml',
    line: 3,
    detail: 'Unclosed tag',
  }),
  archiveError('invalid_input', 'parse_failed', { format: 'csv', problem: 'no_header' }),
  archiveError('invalid_input', 'parse_failed', { format: 'ris', problem: 'parser', detail: 'bad tag' }),
  archiveError('invalid_input', 'parse_failed', { format: 'csv', problem: 'parser', detail: 'Unclosed quote', row: 4 }),
  archiveError('invalid_input', 'entry_unreadable', { detail: 'unexpected }' }),
  archiveError('invalid_input', 'xml_entities', { format: 'MODS', line: 2 }),
  archiveError('invalid_input', 'import_format_unknown', {}),
  archiveError('invalid_input', 'mapping_not_field', { target: 'colour', column: 'Colour' }),
  archiveError('invalid_input', 'mapping_no_title', { columns: 'name, place' }),
  archiveError('invalid_input', 'bag_level_order', {
    bag: '/tmp/bag',
    name: 'Minutes',
    level: 'series',
    other: 'LCC/1',
    otherLevel: 'file',
  }),
  archiveError('invalid_input', 'on_behalf_unpaired', {
    column: 'Signatory on behalf of',
    value: 'Leeds City Council; Hangzhou',
    entries: 2,
    names: 1,
    namesColumn: 'Signatory',
  }),
  archiveError('invalid_input', 'import_rows_failed', {
    failed: 2,
    total: 9,
    unit: 'row',
    n: 3,
    line: 4,
    cause: 'field_invalid',
    field: 'title',
    problem: 'empty',
    detail: 'must not be empty',
  }),
  archiveError('invalid_input', 'import_rows_failed', {
    failed: 1,
    total: 9,
    unit: 'line',
    n: 12,
    key: 'smith2019',
    cause: 'entry_unreadable',
    detail: 'unexpected }',
  }),
  archiveError('invalid_input', 'import_rows_failed', {
    failed: 1,
    total: 3,
    unit: 'record',
    n: 2,
    key: 'data/records.json',
    cause: 'not_found',
    kind: 'collection',
    id: 4,
  }),
  archiveError('invalid_input', 'nothing_to_package', {}),
  archiveError('conflict', 'folder_not_empty', { path: '/out', purpose: 'bag' }),
  archiveError('conflict', 'folder_not_empty', { path: '/out', purpose: 'restore' }),
  archiveError('invalid_input', 'folder_missing', { path: '/out' }),
  archiveError('conflict', 'target_exists', { path: '/out/backup.zip' }),
  archiveError('invalid_input', 'bag_unusable', { bag: '/bag', detail: 'there is no bagit.txt' }),
  archiveError('conflict', 'bag_copy_missing', { bag: '/bag', path: 'data/files/a.pdf' }),
  archiveError('invalid_input', 'backup_missing', { path: '/out/backup.zip' }),
  archiveError('invalid_input', 'backup_unusable', { path: '/out/backup.zip', detail: 'it has no catalogue.sqlite' }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'doctype_entities',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'doctype_external',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'entity_declared',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'entity_undefined',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'bare_ampersand',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'bad_lt',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'text_outside',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'closes_nothing',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'mismatched',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'attribute_twice',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'second_root',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'unclosed',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'no_element',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'not_csl_element',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'wrong_root',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'wrong_namespace',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'no_version',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'wrong_version',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'wrong_class',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'no_info',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'no_title',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'no_id',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'dependent',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'no_citation',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'bibliography_no_layout',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_unusable', {
    problem: 'undefined_macro',
    line: 3,
    openLine: 2,
    name: 'text',
    other: 'group',
  }),
  archiveError('invalid_input', 'style_fails', { detail: 'boom' }),
  archiveError('invalid_input', 'style_builtin', { key: 'apa' }),
];

describe('refusals worded in every interface language', () => {
  it('the samples cover every reason', () => {
    const covered = new Set(SAMPLES.map((s) => s.reason));
    expect(ERROR_REASONS.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('every reason has a wording in every language, with the same variants and placeholders', () => {
    const english = reasonsIn('en');
    for (const language of LANGUAGES) {
      const table = reasonsIn(language);
      expect(Object.keys(table).sort(), language).toEqual([...ERROR_REASONS].sort());
      for (const reason of ERROR_REASONS) {
        const en = english[reason]!;
        const here = table[reason]!;
        expect(typeof here, `${language} ${reason}`).toBe(typeof en);
        const variants = typeof en === 'string' ? { '': en } : en;
        for (const [variant, words] of Object.entries(variants)) {
          const translated = typeof here === 'string' ? here : here[variant];
          expect(placeholders(translated ?? ''), `${language} ${reason} ${variant}`).toEqual(placeholders(words));
        }
      }
    }
  });

  it('words every sample from its reason, never falling back to the English message, leaving no placeholder', () => {
    for (const language of LANGUAGES) {
      for (const error of SAMPLES) {
        const words = errorWordsIn(language, error);
        expect(words, `${language} ${error.reason}`).not.toMatch(/\{\{|undefined/);
        // The CLI's own refusals never reach the renderer: they stay as the CLI says them.
        if (language !== 'en' && error.reason !== 'cli')
          expect(words, `${language} ${error.reason}`).not.toBe(error.message);
      }
    }
  });

  it('in English, says what the service’s English table says, field keys aside', () => {
    // The interface names a field by its label, not its key ("End date: …", not "patch.dateEnd: …"),
    // and leaves out the CLI's advice to run `styles --all`.
    const asKeys = (words: string, field: unknown) =>
      typeof field === 'string' && field
        ? words.replace(`${fieldLabel('en', field)}: `, `${field.replace(/^patch\./, '')}: `)
        : words;
    const differing = SAMPLES.filter((error) => {
      const english = englishFor(error.reason!, error.params as ReasonParams[ErrorReason])
        .replace(/^(placeId|parentId): /, '')
        .replace(' (see the list of styles: styles --all)', '')
        .replace(/\bpatch\./g, '');
      return asKeys(errorWordsIn('en', error), error.params?.field) !== english;
    }).map((e) => `${e.reason}: ${errorWordsIn('en', e)} ≠ ${e.message}`);
    expect(differing).toEqual([]);
  });

  it('in Chinese, words field keys, kinds, roles and problems, and keeps only names and data in Latin script', () => {
    const zh = (error: ArchiveError) => errorWordsIn('zh-Hans', error);
    expect(zh(SAMPLES[0]!)).toBe('结束日期：结束日期早于开始日期');
    expect(zh(archiveError('in_use', 'authority_in_use', { kind: 'person', name: 'Judith Blake', count: 3 }))).toBe(
      '人物“Judith Blake”关联着 3 条记录；请先取消关联，或将其合并到另一个人物',
    );
    expect(zh(archiveError('invalid_input', 'link_twice', { authorityId: 3, role: 'signatory' }))).toMatch(
      /^规范记录 #3 以“[^A-Za-z]+”身份被关联了两次$/,
    );
    const batch = SAMPLES.find((s) => s.reason === 'batch_item_refused' && s.params?.cause === 'field_invalid')!;
    expect(zh(batch)).toMatch(/^未作任何更改：记录 #4：日期：“2018-13”不是有效日期/);
    // A field error shown beside its field: the problem alone.
    expect(fieldErrorWordsIn('zh-Hans', SAMPLES[0]!)).toBe('结束日期早于开始日期');
    expect(fieldErrorWordsIn('en', SAMPLES[0]!)).toBe('end date 2017 is before the start date 2018');
  });

  it('shows the message of an error it has no reason for, or of a reason this build does not know', () => {
    expect(errorWordsIn('zh-Hans', { code: 'internal', message: '剪贴板被拒绝' })).toBe('剪贴板被拒绝');
    const future = {
      code: 'conflict',
      message: 'a newer refusal',
      reason: 'from_the_future',
    } as unknown as ArchiveError;
    expect(errorWordsIn('zh-Hans', future)).toBe('a newer refusal');
  });
});
