/**
 * The dialogs that arrange collections — create, edit, move, delete — shared by the sidebar's tree
 * and a collection's page: whoever opens one gets the same dialog, the same undo, the same message.
 */
import { useState } from 'react';
import type { CollectionView } from '../../../shared/model';
import { CollectionDialog, type CollectionDialogMode } from './CollectionDialog';
import { DeleteDialog } from './DeleteDialog';
import { MoveDialog } from './MoveDialog';

interface Options {
  collections: readonly CollectionView[];
  /** Something was written: refresh what shows it. */
  onChanged: () => void;
  onMessage: (message: string) => void;
  /** A collection was just created. */
  onCreated?: (collection: CollectionView) => void;
  /** A collection was just deleted. */
  onDeleted?: (id: number) => void;
}

export function useArrangement({ collections, onChanged, onMessage, onCreated, onDeleted }: Options) {
  const [form, setForm] = useState<CollectionDialogMode | null>(null);
  const [moving, setMoving] = useState<CollectionView | null>(null);
  const [deleting, setDeleting] = useState<CollectionView | null>(null);
  const done = (message: string) => {
    onChanged();
    onMessage(message);
  };
  const dialogs = (
    <>
      <CollectionDialog
        mode={form}
        collections={collections}
        onClose={() => setForm(null)}
        onDone={(message, collection) => {
          const created = form?.kind === 'create';
          setForm(null);
          done(created ? message : '');
          if (created) onCreated?.(collection);
        }}
      />
      <MoveDialog
        moving={moving}
        collections={collections}
        onClose={() => setMoving(null)}
        onDone={(message) => {
          setMoving(null);
          done(message);
        }}
      />
      <DeleteDialog
        deleting={deleting}
        collections={collections}
        onClose={() => setDeleting(null)}
        onDone={(message) => {
          const id = deleting?.id;
          setDeleting(null);
          done(message);
          if (id !== undefined) onDeleted?.(id);
        }}
      />
    </>
  );
  return {
    create: (parentId: number | null) => setForm({ kind: 'create', parentId }),
    edit: (collection: CollectionView) => setForm({ kind: 'edit', collection }),
    move: setMoving,
    remove: setDeleting,
    dialogs,
  };
}
