/** The collection command: archival arrangement (add, rename, level, move, delete, list) from the shell. */
import { COLLECTION_LEVELS, type CollectionLevel, type CollectionView } from '../../../shared/model';
import { ArchiveFailure } from '../../../shared/result';
import type { ParsedArgs } from '../args';
import { single } from '../args';
import { call, print, type Command } from '../command';

const ACTIONS = {
  add: {
    words: [1, 1],
    options: ['level', 'parent', 'ref', 'description'],
    usage: 'add NAME --level LEVEL [--parent ID] [--ref CODE] [--description TEXT]',
  },
  rename: { words: [2, 2], options: [], usage: 'rename ID NAME' },
  level: { words: [2, 2], options: [], usage: 'level ID LEVEL' },
  move: { words: [2, 2], options: [], usage: 'move ID PARENT-ID|top' },
  delete: { words: [1, 1], options: [], usage: 'delete ID' },
  list: { words: [0, 0], options: [], usage: 'list' },
} as const satisfies Record<string, { words: [number, number]; options: string[]; usage: string }>;
type Action = keyof typeof ACTIONS;

const refuse = (detail: string, field?: string) => new ArchiveFailure('invalid_input', 'cli', { detail }, field);

function collectionId(raw: string | undefined, what = 'collection ID'): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1)
    throw refuse(`"${raw ?? ''}" is not a ${what} (a positive whole number; collection list shows them)`, 'id');
  return Number(raw);
}

function level(raw: string | undefined, what = '--level: '): CollectionLevel {
  if (raw === undefined) throw refuse(`collection add needs --level (one of ${COLLECTION_LEVELS.join(', ')})`, 'level');
  if (!(COLLECTION_LEVELS as readonly string[]).includes(raw))
    throw refuse(`${what}"${raw}" is not an archival level (one of ${COLLECTION_LEVELS.join(', ')})`, 'level');
  return raw as CollectionLevel;
}

function name(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') throw refuse('a collection needs a name that is not empty', 'name');
  return raw;
}

/** The parent of `move`: a collection ID, or "top" for none. */
function parent(raw: string | undefined): number | null {
  return raw === 'top' ? null : collectionId(raw, 'parent collection ID (or "top")');
}

/** Checks everything that needs no library, so a wrong call opens nothing and changes nothing. */
function checkAction(args: ParsedArgs): Action {
  const raw = args.positional[1];
  if (raw === undefined || !Object.hasOwn(ACTIONS, raw))
    throw refuse(`collection needs one of ${Object.keys(ACTIONS).join(', ')}${raw ? ` (not "${raw}")` : ''}`);
  const action = raw as Action;
  const spec = ACTIONS[action];
  for (const option of args.options.keys()) {
    if (option !== 'library' && !(spec.options as readonly string[]).includes(option))
      throw refuse(`unknown option --${option} for collection ${action}`);
  }
  const words = args.positional.slice(2);
  if (words.length < spec.words[0] || words.length > spec.words[1]) throw refuse(`usage: collection ${spec.usage}`);
  if (action === 'add') {
    name(words[0]);
    level(single(args, 'level'));
    if (args.options.has('parent')) collectionId(single(args, 'parent'), 'parent collection ID');
  }
  if (action === 'rename' || action === 'level' || action === 'move') collectionId(words[0]);
  if (action === 'rename') name(words[1]);
  if (action === 'level') level(words[1], '');
  if (action === 'move') parent(words[1]);
  if (action === 'delete') collectionId(words[0]);
  return action;
}

/** The collections in tree order (each parent before its children, siblings by name), with their depth. */
function treeOrder(collections: readonly CollectionView[]): (CollectionView & { depth: number })[] {
  const children = new Map<number | null, CollectionView[]>();
  const ids = new Set(collections.map((c) => c.id));
  for (const c of collections) {
    // A parent outside the list cannot happen (foreign keys); kept at the top rather than lost if it ever did.
    const key = c.parentId != null && ids.has(c.parentId) ? c.parentId : null;
    children.set(key, [...(children.get(key) ?? []), c]);
  }
  const out: (CollectionView & { depth: number })[] = [];
  const walk = (at: number | null, depth: number) => {
    for (const c of children.get(at) ?? []) {
      out.push({ ...c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const records = (n: number) => `${n} record${n === 1 ? '' : 's'}`;
const line = (c: CollectionView) =>
  `#${c.id} ${c.name} [${c.level}]${c.referenceCode ? ` ${c.referenceCode}` : ''} — ${records(c.recordCount)}`;

export const collectionCommands: Record<string, Command> = {
  collection: {
    usage: `collection ${Object.values(ACTIONS)
      .map((a) => a.usage)
      .join(' | ')}`,
    summary: `arrange the catalogue: collections at the archival levels ${COLLECTION_LEVELS.join(', ')}; list prints the tree`,
    options: ['level', 'parent', 'ref', 'description'],
    words: [1, 3],
    check: (args) => void checkAction(args),
    run: async (ctx) => {
      const action = checkAction(ctx.args);
      const words = ctx.args.positional.slice(2);
      if (action === 'add') {
        const made = await call(ctx, 'createCollection', {
          name: name(words[0]),
          level: level(single(ctx.args, 'level')),
          ...(ctx.args.options.has('parent')
            ? { parentId: collectionId(single(ctx.args, 'parent'), 'parent collection ID') }
            : {}),
          ...(ctx.args.options.has('ref') ? { referenceCode: single(ctx.args, 'ref') } : {}),
          ...(ctx.args.options.has('description') ? { description: single(ctx.args, 'description') } : {}),
        });
        print(ctx, made, () => `Created ${made.level} #${made.id}: ${made.name}`);
      } else if (action === 'rename') {
        const c = await call(ctx, 'updateCollection', { id: collectionId(words[0]), patch: { name: name(words[1]) } });
        print(ctx, c, () => `Renamed collection #${c.id}: ${c.name}`);
      } else if (action === 'level') {
        const c = await call(ctx, 'updateCollection', {
          id: collectionId(words[0]),
          patch: { level: level(words[1], '') },
        });
        print(ctx, c, () => `Collection #${c.id} ${c.name} is now a ${c.level}`);
      } else if (action === 'move') {
        const parentId = parent(words[1]);
        const c = await call(ctx, 'updateCollection', { id: collectionId(words[0]), patch: { parentId } });
        print(
          ctx,
          c,
          () => `Moved collection #${c.id} ${c.name} ${parentId == null ? 'to the top' : `into #${parentId}`}`,
        );
      } else if (action === 'delete') {
        const d = await call(ctx, 'deleteCollectionRestorably', { id: collectionId(words[0]) });
        const { children, records: held } = d.snapshot;
        const where = d.movedTo ? `moved up to #${d.movedTo.id} ${d.movedTo.name}` : null;
        const moved = [
          held.length ? `its ${records(held.length)} ${where ?? 'are now in no collection'}` : null,
          children.length
            ? `its ${children.length} sub-collection${children.length === 1 ? '' : 's'} ${where ?? 'moved to the top'}`
            : null,
        ].filter(Boolean);
        print(
          ctx,
          d,
          () =>
            `Deleted collection #${d.id} ${d.snapshot.name} (revision ${d.revision}); no record was deleted${
              moved.length ? `: ${moved.join('; ')}` : ''
            }.`,
        );
      } else {
        const tree = treeOrder(await call(ctx, 'listCollections', {}));
        print(ctx, tree, () =>
          tree.length ? tree.map((c) => `${'  '.repeat(c.depth)}${line(c)}`).join('\n') : 'No collections.',
        );
      }
    },
  },
};
