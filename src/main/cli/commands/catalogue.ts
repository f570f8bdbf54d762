/** Commands over the catalogue: init, sample, add, show, list, delete. */
import type { InputOf } from '../../../shared/contract';
import { RecordCreate, RECORD_TYPES } from '../../../shared/model';
import { ArchiveFailure } from '../../../shared/result';
import { integer, kebabToCamel, recordFields, recordId, single } from '../args';
import { call, print, type Command } from '../command';
import { recordText, summaryLine } from '../format';

export function typeSlug(raw: string | undefined): (typeof RECORD_TYPES)[number] | undefined {
  if (raw === undefined) return undefined;
  if (!(RECORD_TYPES as readonly string[]).includes(raw)) {
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `--type: "${raw}" is not a record type (one of ${RECORD_TYPES.join(', ')})` },
      'type',
    );
  }
  return raw as (typeof RECORD_TYPES)[number];
}

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Every record field as an option, plus the CLI's shorthands (see args.ts). */
const RECORD_OPTIONS = new Set([
  ...Object.keys(RecordCreate.shape)
    .filter((f) => f !== 'links' && f !== 'commitments' && f !== 'dateApproximate')
    .map(kebab),
  'ref',
  'issuer',
  'language',
  'tag',
  'commitment',
]);

export const catalogueCommands: Record<string, Command> = {
  init: {
    usage: 'init',
    summary: 'create the library (or check an existing one) and print where it is',
    options: [],
    words: [0, 0],
    run: async (ctx) => {
      const info = await call(ctx, 'libraryInfo', {});
      print(
        ctx,
        info,
        () => `Library ready at ${info.path} (schema ${info.schemaVersion}, ${info.counts.records} records)`,
      );
    },
  },
  sample: {
    usage: 'sample',
    summary: 'load the sample catalogue (the 2018 Leeds–Hangzhou delegation)',
    options: [],
    words: [0, 0],
    run: async (ctx) => {
      const r = await call(ctx, 'loadSample', {});
      print(ctx, r, () =>
        r.skipped
          ? 'The sample catalogue is already in this library; nothing was added.'
          : `Loaded the sample: ${r.records} records, ${r.authorities} authority records.`,
      );
    },
  },
  add: {
    usage:
      'add --type TYPE --title TEXT [--date D] [--description TEXT] [--ref CODE] [--language L] [--tag T] [--any-field VALUE]',
    summary: 'create a record; any record field can be given as --kebab-case-name',
    options: [...RECORD_OPTIONS],
    words: [0, 0],
    check: (args) => {
      typeSlug(single(args, 'type'));
      if (!args.options.has('title'))
        throw new ArchiveFailure('invalid_input', 'cli', { detail: 'add needs --title TEXT' }, 'title');
    },
    run: async (ctx) => {
      const fields = recordFields(ctx.args, new Set(['library']));
      const record = await call(ctx, 'createRecord', fields as InputOf<'createRecord'>);
      print(ctx, record, () => `Created record #${record.id}: ${record.title}`);
    },
  },
  show: {
    usage: 'show ID',
    summary: 'show a record with its links',
    options: [],
    words: [1, 1],
    check: (args) => void recordId(args.positional[1], 'show'),
    run: async (ctx) => {
      const record = await call(ctx, 'getRecord', { id: recordId(ctx.args.positional[1], 'show') });
      print(ctx, record, () => recordText(record));
    },
  },
  list: {
    usage: 'list [--type TYPE] [--limit N] [--sort date|title|type|reference-code|updated-at] [--asc]',
    summary: 'list records, newest first',
    options: ['type', 'limit', 'sort', 'offset', 'tag'],
    words: [0, 0],
    check: (args) => {
      typeSlug(single(args, 'type'));
      integer(args, 'limit');
      integer(args, 'offset');
    },
    run: async (ctx) => {
      const sort = single(ctx.args, 'sort');
      const page = await call(ctx, 'listRecords', {
        type: typeSlug(single(ctx.args, 'type')),
        tag: single(ctx.args, 'tag'),
        limit: integer(ctx.args, 'limit', 100),
        offset: integer(ctx.args, 'offset', 0),
        ...(sort ? { sort: kebabToCamel(sort) as InputOf<'listRecords'>['sort'] } : {}),
        direction: ctx.args.flags.has('asc') ? 'asc' : 'desc',
      });
      print(ctx, page.items, () =>
        page.items.length === 0
          ? 'No records.'
          : [...page.items.map(summaryLine), `${page.items.length} of ${page.total} records`].join('\n'),
      );
    },
  },
  delete: {
    usage: 'delete ID',
    summary: 'delete a record (its audit trail is kept)',
    options: [],
    words: [1, 1],
    check: (args) => void recordId(args.positional[1], 'delete'),
    run: async (ctx) => {
      const r = await call(ctx, 'deleteRecord', { id: recordId(ctx.args.positional[1], 'delete') });
      print(ctx, r, () => `Deleted record #${r.id} (revision ${r.revision}).`);
    },
  },
};
