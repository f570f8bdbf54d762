/**
 * A button's popover menu (the Columns chooser, the selection menu): open or closed, closed by a
 * click elsewhere or by Escape from anywhere inside it, focus then back on its button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export function usePopover() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      root.current?.querySelector('button')?.focus();
    }
  };
  return { open, setOpen, panelId, root, onKeyDown };
}
