/** Moving a collection, by menu or by drag and drop alike: one write, one undoable command, one message. */
import i18next from 'i18next';
import type { CollectionView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { record as recordUndo } from '../undo/history';
import { collectionEditCommand } from './commands';

export async function moveCollection(
  moving: CollectionView,
  parentId: number | null,
  collections: readonly CollectionView[],
): Promise<{ ok: true; message: string } | { ok: false; error: ArchiveError }> {
  const result = await archive.updateCollection({ id: moving.id, patch: { parentId } });
  if (!result.ok) return { ok: false, error: result.error };
  recordUndo(collectionEditCommand(moving, result.value, 'move'));
  const t = i18next.getFixedT(null, 'collections');
  const parent = collections.find((c) => c.id === parentId);
  return {
    ok: true,
    message: parent
      ? t('tree.moved', { name: moving.name, parent: parent.name })
      : t('tree.movedTop', { name: moving.name }),
  };
}
