/** One section of the sidebar: a heading and a list of toggle buttons with counts (partnerships, tags, imports). */
import type { ReactNode } from 'react';
import { formatNumber } from '../common/format';

export interface SideItem {
  key: string;
  label: ReactNode;
  count?: number;
  /** Extra words for the accessible name and tooltip (a partnership's start, an import's date). */
  detail?: string;
  chosen: boolean;
  onChoose: () => void;
}

export function SideList({
  id,
  heading,
  none,
  items,
}: {
  id: string;
  heading: string;
  none: string;
  items: readonly SideItem[];
}) {
  return (
    <nav aria-labelledby={id}>
      <h2 id={id} className="sidebar-heading">
        {heading}
      </h2>
      {items.length === 0 ? (
        <p className="muted side-none">{none}</p>
      ) : (
        <ul className="side-list">
          {items.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className="side-item"
                aria-pressed={item.chosen}
                title={item.detail}
                onClick={item.onChoose}
              >
                <span>
                  {item.label}
                  {item.detail ? <span className="visually-hidden">, {item.detail}</span> : null}
                </span>
                {item.count !== undefined ? <span className="count">{formatNumber(item.count)}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
