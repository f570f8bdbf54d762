/**
 * The undo history: a stack of commands (Tropy's do/undo objects), each able to undo and redo
 * itself against the service. A command never overwrites someone else's work: each one sends the
 * revision it expects, and the service refuses when the record has changed since — the refusal is
 * shown and the command stays where it was, so nothing is lost.
 *
 * It is kept per library in the library's own folder (kept.ts), so a reload, a new host port or
 * a restart keeps it and another library never sees it: each command saves what it knows as plain
 * data, and the registry rebuilds it. A command that cannot be saved is not faked: it, and everything older (which could
 * only be undone after it), stays in this session only, and the next load says so.
 */
import { useState, useSyncExternalStore } from 'react';
import { UNDO_HISTORY_MAX_CHARS } from '../../../shared/channels/catalogue';
import { dropLegacy, libraryStore, takeLegacy, type HistoryStore } from './kept';
import { rebuild } from './registry';
import type { Saved } from './saved';

/** What undoing or redoing did, so the workspace can show it. `show` is the record to open (null: none). */
export type Outcome = { ok: true; show?: number | null } | { ok: false; message: string };

export interface Command {
  /** For the buttons and the status line, in the interface language at the moment it is shown. */
  label: () => string;
  undo: () => Promise<Outcome>;
  redo: () => Promise<Outcome>;
  /** All it knows now, as plain data for the registry to rebuild it from; absent: kept in this session only. */
  save?: () => Saved;
}

/** Steps the stored history could not keep: how many, the newest one's name, and why. */
export interface NotKept {
  count: number;
  what: string;
  reason: 'session' | 'size';
}

export interface HistoryState {
  undo: Command | null;
  redo: Command | null;
  busy: boolean;
  /** The last thing that happened, for the status line. */
  last:
    | { kind: 'undone' | 'redone' | 'refused'; label: string; message?: string }
    | { kind: 'notKept'; label: string; notKept: NotKept }
    | null;
}

const LIMIT = 100;
/** The most characters one library's stored history takes (the service refuses more). */
const MAX_STORED = UNDO_HISTORY_MAX_CHARS;
let done: Command[] = [];
let undone: Command[] = [];
let busy = false;
let last: HistoryState['last'] = null;
let state: HistoryState = { undo: null, redo: null, busy: false, last: null };
const listeners = new Set<() => void>();

function publish(): void {
  state = { undo: done.at(-1) ?? null, redo: undone.at(-1) ?? null, busy, last };
  for (const l of listeners) l();
}

/** A change the archivist just made: it can be undone, and anything undone before can no longer be redone. */
export function record(command: Command): void {
  done.push(command);
  if (done.length > LIMIT) done = done.slice(-LIMIT);
  undone = [];
  last = null;
  publish();
  store();
}

async function step(
  from: Command[],
  to: Command[],
  run: (c: Command) => Promise<Outcome>,
  kind: 'undone' | 'redone',
): Promise<Outcome | null> {
  const command = from.at(-1);
  if (!command || busy) return null;
  busy = true;
  publish();
  let outcome: Outcome;
  try {
    outcome = await run(command);
  } catch (error) {
    outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  busy = false;
  if (outcome.ok) {
    from.pop();
    to.push(command);
    last = { kind, label: command.label() };
  } else {
    last = { kind: 'refused', label: command.label(), message: outcome.message };
  }
  publish();
  if (outcome.ok) store();
  return outcome;
}

export const undo = () => step(done, undone, (c) => c.undo(), 'undone');
export const redo = () => step(undone, done, (c) => c.redo(), 'redone');

/** The status line was read: hide it. */
export function dismiss(): void {
  last = null;
  publish();
}

let library: string | null = null;

interface Stored {
  version: 1;
  done: Saved[];
  undone: Saved[];
  notKept: NotKept | null;
}

/**
 * The part of a stack that can be kept: from the newest step down to the first that cannot be
 * saved (the steps below it could only be undone after it).
 */
function keepable(stack: readonly Command[]): { kept: Saved[]; notKept: NotKept | null } {
  const kept: Saved[] = [];
  for (let i = stack.length - 1; i >= 0; i--) {
    const saved = stack[i]!.save?.();
    if (!saved) return { kept, notKept: { count: i + 1, what: stack[i]!.label(), reason: 'session' } };
    kept.unshift(saved);
  }
  return { kept, notKept: null };
}

let kept: HistoryStore = libraryStore;
/** Loads and writes still under way: `settled` waits for them. */
let pending: Promise<unknown> = Promise.resolve();
/** The newest text waiting to be written, and whether a write is under way (writes never overlap). */
let queued: { library: string; text: string } | null = null;
let writing = false;

/** Keeps the history somewhere else (tests: a library opened by the test itself). */
export function keepIn(store: HistoryStore): void {
  kept = store;
}

/** Resolves once every load and write started so far has finished. */
export async function settled(): Promise<void> {
  for (let seen: Promise<unknown> | null = null; seen !== pending;) {
    seen = pending;
    await seen;
  }
}

/** Writes the newest text only: a burst of changes makes at most one write behind the one under way. */
function persist(library: string, text: string): void {
  queued = { library, text };
  if (writing) return;
  writing = true;
  pending = (async () => {
    while (queued) {
      const next = queued;
      queued = null;
      try {
        await kept.put(next.library, next.text);
      } catch {
        // Not kept this time: the history stays in this session, and the next change tries again.
      }
    }
    writing = false;
  })();
}

/** The text to keep: from the newest step down, the oldest going first when it is too large. */
function storedText(): string {
  const d = keepable(done);
  const u = keepable(undone);
  const size = (x: Saved) => JSON.stringify(x).length + 1;
  let kept = d.kept;
  let total = [...kept, ...u.kept].reduce((n, x) => n + size(x), 200);
  let dropped = 0;
  for (;;) {
    while (total > MAX_STORED && kept.length > 0) {
      total -= size(kept[0]!);
      kept = kept.slice(1);
      dropped++;
    }
    const unkept = done.length - kept.length;
    const notKept: NotKept | null =
      unkept > 0
        ? { count: unkept, what: done[unkept - 1]!.label(), reason: dropped > 0 ? 'size' : 'session' }
        : u.notKept;
    const text = JSON.stringify({ version: 1, done: kept, undone: u.kept, notKept } satisfies Stored);
    if (text.length <= MAX_STORED || kept.length === 0) return text.length <= MAX_STORED ? text : '';
    total -= size(kept[0]!);
    kept = kept.slice(1);
    dropped++;
  }
}

/** Writes the history of the library open now (after every change to it). */
function store(): void {
  if (library === null) return;
  const text = storedText();
  // Nothing fits: an empty history rather than a stale one that would be wrong after a reload.
  persist(library, text || JSON.stringify({ version: 1, done: [], undone: [], notKept: null } satisfies Stored));
}

/** A stored history, rebuilt; a step whose kind this app does not know ends what is taken. Bad text: none. */
function parse(text: string | null): { done: Command[]; undone: Command[]; notKept: NotKept | null } {
  let stored: Partial<Stored> | null = null;
  try {
    stored = JSON.parse(text ?? 'null') as Partial<Stored> | null;
  } catch {
    stored = null;
  }
  if (
    !stored ||
    typeof stored !== 'object' ||
    stored.version !== 1 ||
    !Array.isArray(stored.done) ||
    !Array.isArray(stored.undone)
  )
    return { done: [], undone: [], notKept: null };
  const rebuilt = (list: unknown[]): Command[] => {
    const out: Command[] = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const saved = list[i] as Saved | null;
      let command: Command | null = null;
      try {
        command = saved && typeof saved === 'object' && typeof saved.kind === 'string' ? rebuild(saved) : null;
      } catch {
        command = null;
      }
      if (!command) break;
      out.unshift(command);
    }
    return out;
  };
  const notKept = stored.notKept && typeof stored.notKept.what === 'string' ? stored.notKept : null;
  return { done: rebuilt(stored.done), undone: rebuilt(stored.undone), notKept };
}

/**
 * The history belongs to one library (by its id): its ids mean nothing in another. Opening one
 * takes up its own history where it was left (after a reload too), and says what was not kept.
 * The kept history arrives a moment later; a step made meanwhile goes on top of it.
 */
export function belongsTo(id: string): void {
  if (library === id) return;
  library = id;
  done = [];
  undone = [];
  last = null;
  publish();
  pending = (async () => {
    let text: string | null = null;
    try {
      text = await kept.get(id);
    } catch {
      text = null;
    }
    // Kept by an earlier version of the app in this page's localStorage: moved to the library.
    const legacy = text === null ? takeLegacy(id) : null;
    const loaded = parse(text ?? legacy);
    if (library !== id) return;
    const madeMeanwhile = done.length > 0;
    done = [...loaded.done, ...done].slice(-LIMIT);
    if (!madeMeanwhile) undone = loaded.undone;
    if (loaded.notKept && last === null)
      last = { kind: 'notKept', label: loaded.notKept.what, notKept: loaded.notKept };
    publish();
    // Said once: what is stored now is what was rebuilt.
    if (loaded.notKept || legacy !== null || madeMeanwhile) store();
    if (legacy !== null) dropLegacy(id);
  })();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHistory(): HistoryState {
  return useSyncExternalStore(subscribe, () => state);
}

/**
 * A success message about the change last recorded ("Changed 3 records"): it goes when that change
 * is undone, so the workspace never reports what is no longer so. `show` is called right after the
 * change was recorded.
 */
export function useNoticeUntilUndone(): [string, (notice: string) => void] {
  const [notice, setNotice] = useState<{ text: string; about: Command | null }>({ text: '', about: null });
  useHistory();
  const gone = notice.about !== null && !done.includes(notice.about);
  return [gone ? '' : notice.text, (text) => setNotice({ text, about: text ? (done.at(-1) ?? null) : null })];
}
