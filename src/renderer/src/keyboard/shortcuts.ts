/**
 * Every keyboard shortcut of the workspace, in one table: the shortcut list (`?`) is drawn from it
 * and the registry matches key presses against it, so the two cannot disagree.
 */

export type ShortcutId =
  | 'newRecord'
  | 'focusSearch'
  | 'save'
  | 'delete'
  | 'edit'
  | 'next'
  | 'previous'
  | 'openFile'
  | 'undo'
  | 'redo'
  | 'settings'
  | 'help'
  | 'closeDialog';

export type ShortcutGroup = 'records' | 'navigation' | 'editing' | 'app';

/** One way of pressing a shortcut. `mod` is Cmd on a Mac and Ctrl elsewhere. */
export interface Chord {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** A chord only one kind of keyboard has (Ctrl+Y redoes on Windows and Linux, not on a Mac). */
  only?: 'mac' | 'other';
}

export interface Shortcut {
  id: ShortcutId;
  group: ShortcutGroup;
  chords: Chord[];
  /**
   * Whether it also works while the cursor is in a text field. Single keys (J, /, Delete) must not:
   * they are letters the archivist is typing.
   */
  whileTyping: boolean;
  /**
   * False for keys another part of the app answers itself (undo and redo, Escape in dialogs and
   * the search box): listed for the reader, never intercepted here.
   */
  dispatched: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'newRecord', group: 'records', chords: [{ key: 'n' }], whileTyping: false, dispatched: true },
  { id: 'edit', group: 'records', chords: [{ key: 'e' }], whileTyping: false, dispatched: true },
  {
    id: 'delete',
    group: 'records',
    chords: [{ key: 'Delete' }, { key: 'Backspace', mod: true }],
    whileTyping: false,
    dispatched: true,
  },
  { id: 'openFile', group: 'records', chords: [{ key: 'o' }], whileTyping: false, dispatched: true },
  {
    id: 'next',
    group: 'navigation',
    chords: [{ key: 'j' }, { key: 'ArrowDown', alt: true }],
    whileTyping: false,
    dispatched: true,
  },
  {
    id: 'previous',
    group: 'navigation',
    chords: [{ key: 'k' }, { key: 'ArrowUp', alt: true }],
    whileTyping: false,
    dispatched: true,
  },
  {
    id: 'focusSearch',
    group: 'navigation',
    chords: [{ key: 'f', mod: true }, { key: '/' }],
    whileTyping: false,
    dispatched: true,
  },
  { id: 'save', group: 'editing', chords: [{ key: 's', mod: true }], whileTyping: true, dispatched: true },
  { id: 'undo', group: 'editing', chords: [{ key: 'z', mod: true }], whileTyping: false, dispatched: false },
  {
    id: 'redo',
    group: 'editing',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true, only: 'other' },
    ],
    whileTyping: false,
    dispatched: false,
  },
  { id: 'settings', group: 'app', chords: [{ key: ',', mod: true }], whileTyping: true, dispatched: true },
  { id: 'help', group: 'app', chords: [{ key: '?', shift: true }], whileTyping: false, dispatched: true },
  { id: 'closeDialog', group: 'app', chords: [{ key: 'Escape' }], whileTyping: true, dispatched: false },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is this chord. Letters compare without case (Caps Lock); for printable
 * characters other than letters Shift is part of the character itself (`?` is Shift+/ on one
 * keyboard and a key of its own on another), so only letters and named keys check Shift.
 */
export function matches(chord: Chord, e: KeyPress, mac = isMac): boolean {
  if (!availableOn(chord, mac)) return false;
  const mod = mac ? e.metaKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey : e.metaKey;
  if (Boolean(chord.mod) !== mod || otherMod) return false;
  if (Boolean(chord.alt) !== e.altKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== chord.key.toLowerCase() && !(chord.key.length > 1 && key === chord.key)) return false;
  const letterOrNamed = /^[a-z]$/.test(key) || key.length > 1;
  return letterOrNamed ? Boolean(chord.shift) === e.shiftKey : true;
}

export function availableOn(chord: Chord, mac = isMac): boolean {
  return chord.only === undefined || chord.only === (mac ? 'mac' : 'other');
}

/** The keys of a chord as they are printed on the keyboard, one <kbd> each. */
export function chordKeys(chord: Chord, mac = isMac): string[] {
  const keys: string[] = [];
  if (chord.mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (chord.alt) keys.push(mac ? '⌥' : 'Alt');
  if (chord.shift && /^[a-z]$|^.{2,}$/.test(chord.key)) keys.push(mac ? '⇧' : 'Shift');
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    Escape: 'Esc',
    Delete: 'Delete',
    Backspace: mac ? '⌫' : 'Backspace',
  };
  keys.push(names[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key));
  return keys;
}
