/**
 * Arranging collections, undoable: a creation (undone by deleting it, which moves nothing since it
 * was empty — or moves back up what was put in it since), a change of name, level, description or
 * place (undone by writing the earlier version back, unless it changed since), and a deletion
 * (undone by restoring it with its id; what it held goes back inside it). Like the record commands
 * (undo/commands.ts), each keeps its state in one plain object that `save` hands to the history,
 * and COLLECTION_COMMAND_KINDS rebuilds it after a reload.
 */
import i18next from 'i18next';
import type { OutputOf } from '../../../shared/contract';
import type { CollectionView } from '../../../shared/model';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import type { Command, Outcome } from '../undo/history';
import { saved } from '../undo/saved';

const t = () => i18next.getFixedT(null, 'collections');
type Deleted = OutputOf<'deleteCollectionRestorably'>;
type Snapshot = Deleted['snapshot'];

const failed = (error: Parameters<typeof errorWords>[0]): Outcome => ({ ok: false, message: errorWords(error) });

/** A created or deleted collection: its id, name, and its snapshot while it is deleted. */
interface LifeData {
  id: number;
  name: string;
  snapshot: Snapshot | null;
}

/** Deleting with a snapshot kept, and restoring from it: the two halves of creation and deletion. */
function remover(d: LifeData) {
  return {
    remove: async (): Promise<Outcome> => {
      const result = await archive.deleteCollectionRestorably({ id: d.id });
      if (!result.ok) return failed(result.error);
      d.snapshot = result.value.snapshot;
      return { ok: true };
    },
    restore: async (): Promise<Outcome> => {
      if (!d.snapshot) return { ok: false, message: `collection #${d.id} was not deleted by this step` };
      const result = await archive.restoreCollection({ snapshot: d.snapshot });
      if (!result.ok) return failed(result.error);
      d.snapshot = null;
      return { ok: true };
    },
  };
}

function created(d: LifeData): Command {
  const r = remover(d);
  return {
    label: () => t()('undo.create', { name: d.name }),
    undo: r.remove,
    redo: r.restore,
    save: () => saved('collectionCreate', d),
  };
}

export const collectionCreateCommand = (c: CollectionView): Command =>
  created({ id: c.id, name: c.name, snapshot: null });

function deleted(d: LifeData): Command {
  const r = remover(d);
  return {
    label: () => t()('undo.delete', { name: d.name }),
    undo: r.restore,
    redo: r.remove,
    save: () => saved('collectionDelete', d),
  };
}

export const collectionDeleteCommand = (gone: Deleted): Command =>
  deleted({ id: gone.id, name: gone.snapshot.name, snapshot: gone.snapshot });

const FIELDS = ['name', 'level', 'parentId', 'referenceCode', 'description'] as const;
const same = (a: CollectionView, b: CollectionView) => FIELDS.every((f) => a[f] === b[f]);

interface EditData {
  before: CollectionView;
  after: CollectionView;
  /** The collection as this command last left it: anything else there now is someone else's change. */
  expected: CollectionView;
  what: 'edit' | 'move';
}

/** A change to one collection; `what` names it in the undo history (a move or any other edit). */
function edited(d: EditData): Command {
  const apply = async (version: CollectionView): Promise<Outcome> => {
    const now = await archive.listCollections({});
    if (!now.ok) return failed(now.error);
    const current = now.value.find((c) => c.id === d.before.id);
    // Someone else's change since (another window, the CLI) is never overwritten.
    if (!current || !same(current, d.expected)) {
      return { ok: false, message: i18next.getFixedT(null, 'undo')('changedSince', { title: version.name }) };
    }
    const result = await archive.updateCollection({
      id: d.before.id,
      patch: {
        name: version.name,
        level: version.level,
        parentId: version.parentId,
        referenceCode: version.referenceCode,
        description: version.description,
      },
    });
    if (!result.ok) return failed(result.error);
    d.expected = result.value;
    return { ok: true };
  };
  return {
    label: () => t()(d.what === 'move' ? 'undo.move' : 'undo.edit', { name: d.after.name }),
    undo: () => apply(d.before),
    redo: () => apply(d.after),
    save: () => saved('collectionEdit', d),
  };
}

export const collectionEditCommand = (before: CollectionView, after: CollectionView, what: 'edit' | 'move'): Command =>
  edited({ before, after, expected: after, what });

/** How each kind of collection command is rebuilt from what it saved (see undo/registry.ts). */
export const COLLECTION_COMMAND_KINDS: Record<string, (data: never) => Command> = {
  collectionCreate: (d: LifeData) => created(d),
  collectionDelete: (d: LifeData) => deleted(d),
  collectionEdit: (d: EditData) => edited(d),
};
