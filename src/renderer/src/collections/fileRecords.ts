/**
 * Records dragged from the list onto a collection in the tree: they travel as their ids under
 * their own type (so a dropped file or text is never taken for them), and are filed with the same
 * batch operation and the same undoable command as the keyboard's way, "Move to a collection" in
 * the batch editor.
 */
import i18next from 'i18next';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { batchCommand } from '../undo/commands';
import { record as recordUndo } from '../undo/history';

export const RECORDS_DRAG_TYPE = 'application/x-civic-records';

export function dragRecords(data: DataTransfer, ids: readonly number[]): void {
  data.setData(RECORDS_DRAG_TYPE, JSON.stringify(ids));
  data.effectAllowed = 'move';
}

/** The ids a drop carries; none for anything that is not our records. */
export function droppedRecords(data: DataTransfer): number[] {
  try {
    const ids = JSON.parse(data.getData(RECORDS_DRAG_TYPE) || '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id) && id > 0) : [];
  } catch {
    return [];
  }
}

export async function fileRecords(
  ids: number[],
  into: { id: number; name: string },
): Promise<{ ok: true; message: string } | { ok: false; error: ArchiveError }> {
  const result = await archive.batchEdit({
    ids,
    operation: { kind: 'setCollection', collectionId: into.id },
    dryRun: false,
  });
  if (!result.ok) return { ok: false, error: result.error };
  const moved = result.value.counts.change;
  if (moved > 0) recordUndo(batchCommand(result.value.items));
  const t = i18next.getFixedT(null, 'collections');
  return {
    ok: true,
    message:
      moved > 0
        ? t('tree.recordsMoved', { count: moved, name: into.name })
        : t('tree.recordsThere', { name: into.name }),
  };
}
