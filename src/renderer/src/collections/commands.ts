/**
 * Arranging collections, undoable: a creation (undone by deleting it, which moves nothing since it
 * was empty — or moves back up what was put in it since), a change of name, level, description or
 * place (undone by writing the earlier version back, unless it changed since), and a deletion
 * (undone by restoring it with its id; what it held goes back inside it).
 */
import i18next from 'i18next';
import type { OutputOf } from '../../../shared/contract';
import type { CollectionView } from '../../../shared/model';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import type { Command, Outcome } from '../undo/history';

const t = () => i18next.getFixedT(null, 'collections');
type Deleted = OutputOf<'deleteCollectionRestorably'>;
type Snapshot = Deleted['snapshot'];

const failed = (error: Parameters<typeof errorWords>[0]): Outcome => ({ ok: false, message: errorWords(error) });

/** Deleting with a snapshot kept, and restoring from it: the two halves of creation and deletion. */
function remover(id: number, initial: Snapshot | null) {
  let snapshot = initial;
  return {
    remove: async (): Promise<Outcome> => {
      const result = await archive.deleteCollectionRestorably({ id });
      if (!result.ok) return failed(result.error);
      snapshot = result.value.snapshot;
      return { ok: true };
    },
    restore: async (): Promise<Outcome> => {
      if (!snapshot) return { ok: false, message: `collection #${id} was not deleted in this session` };
      const result = await archive.restoreCollection({ snapshot });
      if (!result.ok) return failed(result.error);
      snapshot = null;
      return { ok: true };
    },
  };
}

export function collectionCreateCommand(created: CollectionView): Command {
  const r = remover(created.id, null);
  return { label: () => t()('undo.create', { name: created.name }), undo: r.remove, redo: r.restore };
}

export function collectionDeleteCommand(deleted: Deleted): Command {
  const r = remover(deleted.id, deleted.snapshot);
  return { label: () => t()('undo.delete', { name: deleted.snapshot.name }), undo: r.restore, redo: r.remove };
}

const FIELDS = ['name', 'level', 'parentId', 'referenceCode', 'description'] as const;
const same = (a: CollectionView, b: CollectionView) => FIELDS.every((f) => a[f] === b[f]);

/** A change to one collection; `what` names it in the undo history (a move or any other edit). */
export function collectionEditCommand(before: CollectionView, after: CollectionView, what: 'edit' | 'move'): Command {
  let expected = after;
  const apply = async (version: CollectionView): Promise<Outcome> => {
    const now = await archive.listCollections({});
    if (!now.ok) return failed(now.error);
    const current = now.value.find((c) => c.id === before.id);
    // Someone else's change since (another window, the CLI) is never overwritten.
    if (!current || !same(current, expected)) {
      return { ok: false, message: i18next.getFixedT(null, 'undo')('changedSince', { title: version.name }) };
    }
    const result = await archive.updateCollection({
      id: before.id,
      patch: {
        name: version.name,
        level: version.level,
        parentId: version.parentId,
        referenceCode: version.referenceCode,
        description: version.description,
      },
    });
    if (!result.ok) return failed(result.error);
    expected = result.value;
    return { ok: true };
  };
  return {
    label: () => t()(what === 'move' ? 'undo.move' : 'undo.edit', { name: after.name }),
    undo: () => apply(before),
    redo: () => apply(after),
  };
}
