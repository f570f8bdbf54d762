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

/** The most records the service lists at once (listRecords' limit). */
const LIST_PAGE = 1_000;

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
    usage:
      'list [--type TYPE] [--tag TAG] [--limit N] [--offset N] [--all] [--sort date|title|type|reference-code|updated-at|created-at|creator|collection|tags] [--asc]',
    summary: 'list records, newest first: --limit N of them (any number), from --offset N, or --all',
    options: ['type', 'limit', 'sort', 'offset', 'tag'],
    words: [0, 0],
    check: (args) => {
      typeSlug(single(args, 'type'));
      integer(args, 'limit');
      integer(args, 'offset');
      if (args.flags.has('all') && args.options.has('limit'))
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: '--all lists every record: leave out --limit, or leave out --all',
        });
    },
    run: async (ctx) => {
      const sort = single(ctx.args, 'sort');
      const wanted = ctx.args.flags.has('all') ? Infinity : integer(ctx.args, 'limit', 100)!;
      const filters = {
        type: typeSlug(single(ctx.args, 'type')),
        tag: single(ctx.args, 'tag'),
        ...(sort ? { sort: kebabToCamel(sort) as InputOf<'listRecords'>['sort'] } : {}),
        direction: ctx.args.flags.has('asc') ? ('asc' as const) : ('desc' as const),
      };
      // Page by page (the service gives at most LIST_PAGE at once), each printed as it comes, so
      // a list of any length streams in bounded memory; --json prints one array, element by element,
      // exactly as JSON.stringify(array, null, 2) would.
      let offset = integer(ctx.args, 'offset', 0)!;
      let shown = 0;
      let total = 0;
      let pending: string | null = null;
      for (;;) {
        const page = await call(ctx, 'listRecords', {
          ...filters,
          offset,
          limit: Math.max(1, Math.min(LIST_PAGE, wanted - shown)),
        });
        total = page.total;
        for (const item of page.items) {
          if (!ctx.json) ctx.out(summaryLine(item));
          else {
            ctx.out(pending === null ? '[' : `${pending},`);
            pending = `  ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`;
          }
        }
        shown += page.items.length;
        offset += page.items.length;
        if (page.items.length === 0 || shown >= wanted || offset >= total) break;
      }
      if (ctx.json) {
        ctx.out(pending === null ? '[]' : `${pending}\n]`);
        return;
      }
      if (shown === 0) ctx.out(total > 0 ? `No records from --offset ${offset} (${total} in all).` : 'No records.');
      else
        ctx.out(
          `${shown} of ${total} records${offset < total ? `; the next with --offset ${offset}, or all with --all` : ''}`,
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
