/**
 * The CLI's commands. Each one is a thin shell over a service channel, so the CLI can never do
 * what the app could not (and vice versa). Other capabilities add their commands to this table.
 */
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { RecordCreate, RECORD_TYPES } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { buildRecordIndex, searchRecords } from '../../shared/search/engine';
import type { Service } from '../service/service';
import { integer, kebabToCamel, recordFields, recordId, single, type ParsedArgs } from './args';
import { hitLine, recordText, summaryLine } from './format';

export interface CommandContext {
  service: Service;
  args: ParsedArgs;
  json: boolean;
  out: (text: string) => void;
}

export interface Command {
  usage: string;
  summary: string;
  /** Options the command takes besides the global ones (--library, --json). */
  options: string[];
  /** How many words may follow the command name: [at least, at most]. */
  words: [number, number];
  /** Checks the words and options before the library is opened, so a wrong call touches nothing. */
  check?(args: ParsedArgs): void;
  run(ctx: CommandContext): Promise<void>;
}

/** Refuses unknown options and a wrong number of words, naming the problem. */
export function checkCall(name: string, command: Command, args: ParsedArgs): void {
  for (const option of args.options.keys()) {
    if (option !== 'library' && !command.options.includes(option)) throw new ArchiveFailure('invalid_input', `unknown option --${option} for ${name}`);
  }
  const words = args.positional.slice(1);
  const [min, max] = command.words;
  if (words.length < min) throw new ArchiveFailure('invalid_input', `${name} needs ${command.usage.slice(name.length + 1)}`);
  if (words.length > max) throw new ArchiveFailure('invalid_input', `${name} got an unexpected "${words[max]}" (usage: ${command.usage})`);
  command.check?.(args);
}

async function call<C extends Channel>(ctx: CommandContext, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await ctx.service.call(channel, input);
  if (!result.ok) throw new ArchiveFailure(result.error.code, result.error.message, result.error.field);
  return result.value;
}

const print = (ctx: CommandContext, value: unknown, text: () => string) => ctx.out(ctx.json ? JSON.stringify(value, null, 2) : text());

function typeSlug(raw: string | undefined): (typeof RECORD_TYPES)[number] | undefined {
  if (raw === undefined) return undefined;
  if (!(RECORD_TYPES as readonly string[]).includes(raw)) {
    throw new ArchiveFailure('invalid_input', `--type: "${raw}" is not a record type (one of ${RECORD_TYPES.join(', ')})`, 'type');
  }
  return raw as (typeof RECORD_TYPES)[number];
}

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Every record field as an option, plus the CLI's shorthands (see args.ts). */
const RECORD_OPTIONS = new Set([
  ...Object.keys(RecordCreate.shape).filter((f) => f !== 'links' && f !== 'commitments' && f !== 'dateApproximate').map(kebab),
  'ref',
  'issuer',
  'language',
  'tag',
  'commitment',
]);

export const commands: Record<string, Command> = {
  init: {
    usage: 'init',
    summary: 'create the library (or check an existing one) and print where it is',
    options: [],
    words: [0, 0],
    run: async (ctx) => {
      const info = await call(ctx, 'libraryInfo', {});
      print(ctx, info, () => `Library ready at ${info.path} (schema ${info.schemaVersion}, ${info.counts.records} records)`);
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
        r.skipped ? 'The sample catalogue is already in this library; nothing was added.' : `Loaded the sample: ${r.records} records, ${r.authorities} authority records.`,
      );
    },
  },
  add: {
    usage: 'add --type TYPE --title TEXT [--date D] [--description TEXT] [--ref CODE] [--language L] [--tag T] [--any-field VALUE]',
    summary: 'create a record; any record field can be given as --kebab-case-name',
    options: [...RECORD_OPTIONS],
    words: [0, 0],
    check: (args) => {
      typeSlug(single(args, 'type'));
      if (!args.options.has('title')) throw new ArchiveFailure('invalid_input', 'add needs --title TEXT', 'title');
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
        page.items.length === 0 ? 'No records.' : [...page.items.map(summaryLine), `${page.items.length} of ${page.total} records`].join('\n'),
      );
    },
  },
  search: {
    usage: 'search QUERY [--limit N]',
    summary: 'search the catalogue (titles, names, places, tags, reference codes, descriptions)',
    options: ['limit'],
    words: [1, Infinity],
    check: (args) => void integer(args, 'limit'),
    run: async (ctx) => {
      const query = ctx.args.positional.slice(1).join(' ').trim();
      if (!query) throw new ArchiveFailure('invalid_input', 'search needs a query, e.g. search "Hangzhou memorandum"');
      const docs = await call(ctx, 'searchDocuments', { sinceRevision: 0 });
      const hits = searchRecords(buildRecordIndex(docs.upserts), query, integer(ctx.args, 'limit', 20));
      print(
        ctx,
        hits.map(({ terms: _terms, ...hit }) => hit),
        () => (hits.length === 0 ? `Nothing matches "${query}".` : hits.map(hitLine).join('\n')),
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
