/**
 * Where a combobox's option list opens: below its text box when the list fits there, else on the
 * side with more room, and never taller than that room (it scrolls instead), so it never runs past
 * the window's or its pane's edge. A pure function of the boxes; useListPlacement measures them.
 */

export interface Span {
  top: number;
  bottom: number;
}

export interface Placement {
  up: boolean;
  maxHeight: number;
}

/** `field`: the text box; `room`: what can show it (the window cut to the panes that clip it); `wanted`: the list's own height. */
export function placeList(field: Span, room: Span, wanted: number, gap = 4): Placement {
  const below = Math.max(0, room.bottom - field.bottom - gap);
  const above = Math.max(0, field.top - room.top - gap);
  const up = below < wanted && above > below;
  return { up, maxHeight: Math.floor(Math.min(wanted, up ? above : below)) };
}

/** The part of the window that shows an element: the viewport cut to every ancestor that clips. */
export function visibleRoom(element: Element): Span {
  let top = 0;
  let bottom = window.innerHeight;
  for (let p = element.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
    const r = p.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
  }
  return { top, bottom };
}
