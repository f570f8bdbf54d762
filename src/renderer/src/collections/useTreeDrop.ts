/**
 * What the tree takes by drag and drop: a collection dropped onto another (or onto the top) moves
 * there; records dragged from the list onto a collection are filed in it. Both are undoable.
 */
import { useState, type DragEvent } from 'react';
import { levelFitsInside, type CollectionView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { errorWords } from '../common/errorWords';
import { useT } from '../i18n/i18n';
import { droppedRecords, fileRecords, RECORDS_DRAG_TYPE } from './fileRecords';
import { moveCollection } from './move';
import { canMoveInto } from './tree';

/** The type dragged collections travel as, so a drop of anything else (files, text) is not taken for one. */
const COLLECTION_DRAG_TYPE = 'application/x-civic-collection';

interface Options {
  collections: readonly CollectionView[];
  onChanged: () => void;
  onMessage: (message: string) => void;
}

export function useTreeDrop({ collections, onChanged, onMessage }: Options) {
  const { t } = useT('collections');
  const [dragging, setDragging] = useState<CollectionView | null>(null);
  const [dropAt, setDropAt] = useState<number | 'top' | null>(null);

  const report = (failed: string) => (outcome: { ok: true; message: string } | { ok: false; error: ArchiveError }) => {
    if (outcome.ok) {
      onChanged();
      onMessage(outcome.message);
    } else onMessage(`${failed}: ${errorWords(outcome.error)}`);
  };

  /** Whether what is dragged may be dropped into `parentId` (null: the top) — and would change something. */
  const canDrop = (e: DragEvent, parentId: number | null) => {
    if (e.dataTransfer.types.includes(RECORDS_DRAG_TYPE)) return parentId !== null;
    const parent = collections.find((c) => c.id === parentId);
    return (
      dragging !== null &&
      dragging.parentId !== parentId &&
      canMoveInto(collections, dragging.id, parentId) &&
      (!parent || levelFitsInside(dragging.level, parent.level))
    );
  };

  const dropHandlers = (parentId: number | null) => ({
    onDragOver: (e: DragEvent) => {
      if (!canDrop(e, parentId)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setDropAt(parentId ?? 'top');
    },
    onDragLeave: () => setDropAt(null),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const moving = dragging;
      setDragging(null);
      setDropAt(null);
      const target = collections.find((c) => c.id === parentId);
      const records = droppedRecords(e.dataTransfer);
      if (records.length > 0) {
        if (target) void fileRecords(records, target).then(report(t('tree.recordsMoveFailed')));
        return;
      }
      if (!moving || !canMoveInto(collections, moving.id, parentId)) return;
      void moveCollection(moving, parentId, collections).then(report(t('tree.moveFailed')));
    },
  });

  const dragHandlers = (c: CollectionView) => ({
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(COLLECTION_DRAG_TYPE, String(c.id));
      e.dataTransfer.effectAllowed = 'move';
      setDragging(c);
    },
    onDragEnd: () => {
      setDragging(null);
      setDropAt(null);
    },
  });

  return { dragging, dropAt, dropHandlers, dragHandlers };
}
