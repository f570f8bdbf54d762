/** Where a combobox's option list opens (editor/listPlacement.ts): below, above, or shortened to the room. */
import { describe, expect, it } from 'vitest';
import { placeList } from '../../src/renderer/src/editor/listPlacement';

const window800 = { top: 0, bottom: 800 };

describe('placeList', () => {
  it('opens below when the whole list fits there', () => {
    expect(placeList({ top: 100, bottom: 130 }, window800, 288)).toEqual({ up: false, maxHeight: 288 });
  });

  it('opens upwards near the window’s foot, as tall as it wants when that fits above', () => {
    expect(placeList({ top: 700, bottom: 730 }, window800, 288)).toEqual({ up: true, maxHeight: 288 });
  });

  it('shortens to the room on the roomier side when it fits on neither', () => {
    // 146 below, 96 above (less the 4 px gap each).
    expect(placeList({ top: 100, bottom: 130 }, { top: 0, bottom: 280 }, 288)).toEqual({ up: false, maxHeight: 146 });
    expect(placeList({ top: 150, bottom: 180 }, { top: 0, bottom: 280 }, 288)).toEqual({ up: true, maxHeight: 146 });
  });

  it('counts only the room its pane shows, not the whole window', () => {
    // A pane from 60 to 760 px: the list ends by 760 even though the window goes to 800.
    const placed = placeList({ top: 680, bottom: 710 }, { top: 60, bottom: 760 }, 100);
    expect(placed.up).toBe(true);
    expect(680 - 4 - placed.maxHeight).toBeGreaterThanOrEqual(60);
  });

  it('keeps a short list below even when there is more room above', () => {
    expect(placeList({ top: 600, bottom: 630 }, window800, 80)).toEqual({ up: false, maxHeight: 80 });
  });
});
