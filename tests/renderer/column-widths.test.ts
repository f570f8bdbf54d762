/** The list's resized columns: a resized title still takes the rest of a wider pane; widths stay in bounds. */
import { describe, expect, it } from 'vitest';
import { clampWidth, COLUMN_WIDTH, COLUMNS, minRemOf, trackOf } from '../../src/renderer/src/library/columns';

const column = (id: string) => COLUMNS.find((c) => c.id === id)!;

describe('column widths', () => {
  it('keeps the default track until a column is resized', () => {
    expect(trackOf(column('type'), {})).toBe(column('type').width);
    expect(minRemOf(column('type'), {})).toBe(column('type').minRem);
  });
  it('fixes a resized column, and lets a resized title grow into the room left', () => {
    expect(trackOf(column('date'), { date: 150 })).toBe('150px');
    expect(trackOf(column('title'), { title: 420 })).toBe('minmax(420px, 1fr)');
    expect(minRemOf(column('title'), { title: 420 })).toBe(420 / 16);
  });
  it('clamps and rounds what is dragged or stored', () => {
    expect(clampWidth(3)).toBe(COLUMN_WIDTH.min);
    expect(clampWidth(99_999)).toBe(COLUMN_WIDTH.max);
    expect(clampWidth(200.6)).toBe(201);
  });
});
