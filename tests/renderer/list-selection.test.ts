/** The list's selection rules and column choice: pure functions the grid relies on. */
import { describe, expect, it } from 'vitest';
import { clickKind, toggle, withRange } from '../../src/renderer/src/library/selection';
import { toggleColumn } from '../../src/renderer/src/library/columns';

describe('selection', () => {
  it('a plain click is one record, Ctrl or Cmd toggles, Shift is a range, both add a range', () => {
    const e = (o: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }>) => ({
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      ...o,
    });
    expect(clickKind(e({}))).toBe('single');
    expect(clickKind(e({ ctrlKey: true }))).toBe('toggle');
    expect(clickKind(e({ metaKey: true }))).toBe('toggle');
    expect(clickKind(e({ shiftKey: true }))).toBe('range');
    expect(clickKind(e({ shiftKey: true, metaKey: true }))).toBe('add-range');
  });

  it('toggles one id, and a range replaces or adds without repeating an id', () => {
    expect(toggle([1, 2, 3], 2)).toEqual([1, 3]);
    expect(toggle([1, 3], 2)).toEqual([1, 3, 2]);
    expect(withRange([9], [4, 5, 6], false)).toEqual([4, 5, 6]);
    expect(withRange([5, 9], [4, 5, 6], true)).toEqual([5, 9, 4, 6]);
  });
});

describe('columns', () => {
  it('keeps the columns in their fixed order, and the title always', () => {
    expect(toggleColumn(['title', 'date'], 'type')).toEqual(['type', 'title', 'date']);
    expect(toggleColumn(['type', 'title', 'date'], 'type')).toEqual(['title', 'date']);
    expect(toggleColumn(['type', 'title'], 'title')).toEqual(['type', 'title']);
  });
});
