/**
 * The handle on a column header's right edge: drag it, or focus it and use Left/Right (Shift for
 * bigger steps), to make the column narrower or wider (the WAI-ARIA splitter pattern, as the
 * panes' splitters). Its keys stay here: the grid's own arrow keys move through the rows.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampWidth, COLUMN_WIDTH } from './columns';

interface Props {
  label: string;
  /** The width the archivist gave it, if any; otherwise the header cell's measured width. */
  width: number | undefined;
  onWidth: (width: number) => void;
  /** A drag or a key press is over: remember the width. */
  onDone: () => void;
}

const STEP = 16;

export function ColumnResizer({ label, width, onWidth, onDone }: Props) {
  const self = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const [measured, setMeasured] = useState<number>(COLUMN_WIDTH.min);
  useLayoutEffect(() => {
    const cell = self.current?.parentElement;
    if (cell && width === undefined) setMeasured(Math.round(cell.getBoundingClientRect().width));
  }, [width]);
  const now = width ?? measured;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const next: Record<string, number> = { ArrowLeft: now - step, ArrowRight: now + step };
    const to = next[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onWidth(clampWidth(to));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: now };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onWidth(clampWidth(drag.current.width + e.clientX - drag.current.x));
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    onDone();
  };

  return (
    // A focusable separator is the WAI-ARIA splitter (arrow keys move it); jsx-a11y counts
    // "separator" as never interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={self}
      role="separator"
      className="column-resizer"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={now}
      aria-valuemin={COLUMN_WIDTH.min}
      aria-valuemax={COLUMN_WIDTH.max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onKeyUp={(e) => (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && onDone()}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
