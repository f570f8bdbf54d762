/**
 * Places an open option list beside its text box (listPlacement.ts) and follows the window and
 * the panes as they resize or scroll, and the list as its options arrive.
 */
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import { placeList, visibleRoom, type Placement } from './listPlacement';

/** The tallest a list grows (rem) before it scrolls, wherever there is room. */
const MOST_REM = 18;

export function useListPlacement(
  open: boolean,
  field: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  /** Changes when the list's contents change (its options' count, loading). */
  contents: unknown,
): CSSProperties {
  // With `lift`: how far the list's foot sits above its positioned parent's foot, when it opens upwards.
  const [placement, setPlacement] = useState<(Placement & { lift: number }) | null>(null);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const input = field.current;
      const options = list.current;
      if (!input || !options) return;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const next = placeList(
        input.getBoundingClientRect(),
        visibleRoom(input),
        Math.min(options.scrollHeight, MOST_REM * rem),
      );
      // Upwards: the list's foot sits just above the text box (the box's label lies between).
      const lift = (input.offsetParent?.clientHeight ?? 0) - input.offsetTop + 2;
      setPlacement((was) =>
        was?.up === next.up && was.maxHeight === next.maxHeight && was.lift === lift ? was : { ...next, lift },
      );
    };
    place();
    window.addEventListener('resize', place);
    // Capture: a pane's own scroll does not bubble to the window.
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, field, list, contents]);

  if (!open || !placement) return {};
  const up: CSSProperties = placement.up ? { top: 'auto', bottom: `${placement.lift}px`, margin: 0 } : {};
  return { maxHeight: `${placement.maxHeight}px`, ...up };
}
