/**
 * Collections as the tree archivists arrange them in (fonds > series > file > item). Choosing one
 * shows its records and those of everything below it; a branch opens and closes with its own
 * button. The tree is also where collections are arranged: "New collection…", and on each one a
 * menu (its page, a new collection inside, rename, "Move to…", delete) — and, for the mouse, drag a
 * collection onto another, or onto the top, to move it there, or records from the list onto a
 * collection to file them there (./collections/useTreeDrop.ts). Every change can be undone.
 */
import { useMemo, useState } from 'react';
import type { CollectionView } from '../../../shared/model';
import { navigate } from '../app/route';
import { COLLECTION_LEVEL_LABELS } from '../common/labels';
import { ActionsMenu } from '../collections/ActionsMenu';
import { childrenOf, treeOrder } from '../collections/tree';
import { useArrangement } from '../collections/useArrangement';
import { useTreeDrop } from '../collections/useTreeDrop';
import { formatNumber } from '../common/format';
import { useT } from '../i18n/i18n';
import '../collections/collections.css';

interface Props {
  collections: readonly CollectionView[];
  chosenId: number | null;
  onChoose: (collection: { id: number; name: string } | null) => void;
  /** A collection was written: refresh what shows it. */
  onChanged: () => void;
}

export function CollectionTree({ collections, chosenId, onChoose, onChanged }: Props) {
  const { t } = useT('layout');
  const { t: tc } = useT('collections');
  const children = useMemo(() => childrenOf(collections), [collections]);
  const byId = new Map(collections.map((c) => [c.id, c]));
  const [closed, setClosed] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState('');
  const arrange = useArrangement({
    collections,
    onChanged,
    onMessage: setMessage,
    onDeleted: (id) => {
      if (chosenId === id) onChoose(null);
    },
  });
  const { dragging, dropAt, dropHandlers, dragHandlers } = useTreeDrop({
    collections,
    onChanged,
    onMessage: setMessage,
  });

  // One flat list in tree order, each item keyed by its collection and indented by depth (its
  // aria-level says it to a screen reader). Nested lists remounted a collection that moved under
  // another parent: its menu button was a new element, so focus fell to the page and a menu opened
  // on the old one (right after a drag, before the tree reloaded) vanished with it. Here a moved
  // collection keeps its element, and React keeps the focus on it.
  const visible = treeOrder(collections).filter(({ collection }) => {
    for (let at = collection.parentId; at != null; at = byId.get(at)?.parentId ?? null)
      if (closed.has(at)) return false;
    return true;
  });
  const list = (
    <ul className="side-list tree">
      {visible.map(({ collection: c, depth }) => {
        const hasChildren = (children.get(c.id)?.length ?? 0) > 0;
        const open = !closed.has(c.id);
        const level = COLLECTION_LEVEL_LABELS[c.level];
        return (
          <li key={c.id} aria-level={depth + 1}>
            <div
              className={`tree-item${dropAt === c.id ? ' drop-target' : ''}`}
              style={{ paddingLeft: `${depth * 0.8}rem` }}
              {...dropHandlers(c.id)}
            >
              {hasChildren ? (
                <button
                  type="button"
                  className="tree-toggle"
                  aria-expanded={open}
                  aria-label={t('sidebar.expand', { name: c.name })}
                  onClick={() => {
                    const next = new Set(closed);
                    if (open) next.add(c.id);
                    else next.delete(c.id);
                    setClosed(next);
                  }}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </button>
              ) : (
                <span className="tree-toggle" aria-hidden="true" />
              )}
              <button
                type="button"
                className="side-item"
                aria-pressed={chosenId === c.id}
                {...dragHandlers(c)}
                onClick={() => onChoose(chosenId === c.id ? null : { id: c.id, name: c.name })}
              >
                <span>
                  {c.name} <span className="level">{level}</span>
                </span>{' '}
                <span className="count">{formatNumber(c.recordCount)}</span>
              </button>
              <ActionsMenu
                label={tc('tree.actions', { name: c.name })}
                actions={[
                  { key: 'open', label: tc('tree.open'), run: () => navigate({ view: 'collection', id: c.id }) },
                  { key: 'create', label: tc('tree.createInside'), run: () => arrange.create(c.id) },
                  { key: 'edit', label: tc('tree.edit'), run: () => arrange.edit(c) },
                  { key: 'move', label: tc('tree.move'), run: () => arrange.move(c) },
                  { key: 'delete', label: tc('tree.delete'), run: () => arrange.remove(c) },
                ]}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );

  return (
    <nav aria-labelledby="side-collections" className="collection-tree">
      <h2 id="side-collections" className="sidebar-heading">
        {t('sidebar.collections')}
      </h2>
      {collections.length === 0 ? <p className="muted side-none">{t('sidebar.collectionsNone')}</p> : list}
      <button type="button" className="quiet small new-collection" onClick={() => arrange.create(null)}>
        {tc('tree.create')}
      </button>
      {dragging && dragging.parentId !== null ? (
        <p className={`drop-top${dropAt === 'top' ? ' drop-target' : ''}`} {...dropHandlers(null)}>
          {tc('tree.dropTop')}
        </p>
      ) : null}
      <p className="collection-status" role="status">
        {message}
      </p>
      {arrange.dialogs}
    </nav>
  );
}
