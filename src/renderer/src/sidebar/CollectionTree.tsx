/**
 * Collections as the tree archivists file them in (fonds > series > file). Choosing one shows its
 * records and those of everything below it; a branch opens and closes with its own button.
 */
import { useMemo, useState } from 'react';
import type { CollectionView } from '../../../shared/model';
import { formatNumber, useT } from '../i18n/i18n';

interface Props {
  collections: readonly CollectionView[];
  chosenId: number | null;
  onChoose: (collection: { id: number; name: string } | null) => void;
}

export function CollectionTree({ collections, chosenId, onChoose }: Props) {
  const { t } = useT('layout');
  const children = useMemo(() => {
    const map = new Map<number | null, CollectionView[]>();
    for (const c of collections) {
      const list = map.get(c.parentId) ?? [];
      list.push(c);
      map.set(c.parentId, list);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return map;
  }, [collections]);
  const [closed, setClosed] = useState<ReadonlySet<number>>(new Set());

  const branch = (parentId: number | null, depth: number) => {
    const list = children.get(parentId);
    if (!list?.length) return null;
    return (
      <ul className={depth === 0 ? 'side-list tree' : 'tree'}>
        {list.map((c) => {
          const hasChildren = (children.get(c.id)?.length ?? 0) > 0;
          const open = !closed.has(c.id);
          return (
            <li key={c.id}>
              <div className="tree-item" style={{ paddingLeft: `${depth * 0.8}rem` }}>
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
                  onClick={() => onChoose(chosenId === c.id ? null : { id: c.id, name: c.name })}
                >
                  <span>{c.name}</span> <span className="count">{formatNumber(c.recordCount)}</span>
                </button>
              </div>
              {open ? branch(c.id, depth + 1) : null}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <nav aria-labelledby="side-collections">
      <h2 id="side-collections" className="sidebar-heading">
        {t('sidebar.collections')}
      </h2>
      {collections.length === 0 ? <p className="muted side-none">{t('sidebar.collectionsNone')}</p> : branch(null, 0)}
    </nav>
  );
}
