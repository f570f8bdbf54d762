/** The shortcut table and how a key press is matched to it (pure functions, no DOM). */
import { describe, expect, it } from 'vitest';
import { chordKeys, matches, SHORTCUTS, type Chord } from '../../src/renderer/src/keyboard/shortcuts';
import { bytesToMegabytes, megabytesToBytes } from '../../src/renderer/src/settings/maxFileSize';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const chord = (id: string, i = 0): Chord => SHORTCUTS.find((s) => s.id === id)!.chords[i]!;

describe('keyboard shortcuts', () => {
  it('matches Ctrl on Linux and Windows, Cmd on a Mac, and never both', () => {
    expect(matches(chord('save'), press('s', { ctrlKey: true }), false)).toBe(true);
    expect(matches(chord('save'), press('s', { metaKey: true }), false)).toBe(false);
    expect(matches(chord('save'), press('s', { metaKey: true }), true)).toBe(true);
    expect(matches(chord('save'), press('s', { ctrlKey: true }), true)).toBe(false);
    expect(matches(chord('save'), press('s'), false)).toBe(false);
  });

  it('tells undo from redo by Shift, and reads letters whatever Caps Lock says', () => {
    expect(matches(chord('undo'), press('z', { ctrlKey: true }), false)).toBe(true);
    expect(matches(chord('undo'), press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matches(chord('redo'), press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    // Ctrl+Y redoes too, except on a Mac.
    expect(matches(chord('redo', 1), press('y', { ctrlKey: true }), false)).toBe(true);
    expect(matches(chord('redo', 1), press('y', { metaKey: true }), true)).toBe(false);
    expect(matches(chord('next'), press('J', { shiftKey: true }), false)).toBe(false); // Shift+J is not J
    expect(matches(chord('next'), press('J'), false)).toBe(true); // Caps Lock
    expect(matches(chord('next'), press('j'), false)).toBe(true);
  });

  it('takes ? however the keyboard makes it, and / alone', () => {
    expect(matches(chord('help'), press('?', { shiftKey: true }), false)).toBe(true);
    expect(matches(chord('help'), press('?'), false)).toBe(true);
    expect(matches(chord('focusSearch', 1), press('/'), false)).toBe(true);
    expect(matches(chord('focusSearch', 1), press('/', { ctrlKey: true }), false)).toBe(false);
  });

  it('steps records with Alt+arrows, not with the arrows alone (those belong to lists and fields)', () => {
    expect(matches(chord('next', 1), press('ArrowDown', { altKey: true }), false)).toBe(true);
    expect(matches(chord('next', 1), press('ArrowDown'), false)).toBe(false);
    expect(matches(chord('previous', 1), press('ArrowUp', { altKey: true }), false)).toBe(true);
  });

  it('no key press answers to two shortcuts', () => {
    const all = SHORTCUTS.flatMap((s) => s.chords.map((c) => ({ id: s.id, c })));
    for (const { id, c } of all) {
      const event = press(c.key, { ctrlKey: Boolean(c.mod), shiftKey: Boolean(c.shift), altKey: Boolean(c.alt) });
      const answering = all.filter((x) => matches(x.c, event, false)).map((x) => x.id);
      expect(answering, `${id}: ${c.key}`).toEqual([id]);
    }
  });

  it('prints keys as the keyboard labels them', () => {
    expect(chordKeys(chord('redo'), false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(chordKeys(chord('redo'), true)).toEqual(['⌘', '⇧', 'Z']);
    expect(chordKeys(chord('help'), false)).toEqual(['?']);
    expect(chordKeys(chord('next', 1), false)).toEqual(['Alt', '↓']);
    expect(chordKeys(chord('settings'), true)).toEqual(['⌘', ',']);
  });
});

describe('the file size limit in the settings form', () => {
  it('reads megabytes, empty as the default, and refuses what is not a size', () => {
    expect(megabytesToBytes('')).toBeNull();
    expect(megabytesToBytes(' 250 ')).toBe(250 * 1024 * 1024);
    expect(megabytesToBytes('0,5')).toBe(512 * 1024);
    for (const bad of ['lots', '-1', '1e3', '0', '12 MB']) expect(megabytesToBytes(bad), bad).toBeUndefined();
    expect(bytesToMegabytes(2 * 1024 ** 3)).toBe('2048');
    expect(bytesToMegabytes(1536 * 1024)).toBe('1.5');
  });
});
