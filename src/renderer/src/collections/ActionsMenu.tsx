/**
 * A small menu button (WAI-ARIA menu button pattern): Enter, Space or ↓ opens it on its first item,
 * ↑ on its last; ↑/↓, Home and End move; Enter chooses; Escape or Tab closes it, focus back on the button.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';

interface MenuAction {
  key: string;
  label: string;
  run: () => void;
}

interface Props {
  label: string;
  actions: readonly MenuAction[];
  className?: string;
}

export function ActionsMenu({ label, actions, className }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  const focusItem = (i: number) => {
    const n = actions.length;
    items.current[((i % n) + n) % n]?.focus();
  };
  const show = (at: number) => {
    setOpen(true);
    // The items exist after this render.
    requestAnimationFrame(() => focusItem(at));
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const at = items.current.findIndex((el) => el === document.activeElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: actions.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      focusItem(moves[e.key]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <div
      className={`actions-menu ${className ?? ''}`}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        title={label}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowDown' ? 0 : actions.length - 1);
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <ul id={id} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKey}>
          {actions.map((a, i) => (
            <li key={a.key} role="none">
              <button
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  a.run();
                }}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
