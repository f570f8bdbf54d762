/**
 * The session's undo history: a stack of commands (Tropy's do/undo objects), each able to undo
 * and redo itself against the service. A command never overwrites someone else's work: each one
 * sends the revision it expects, and the service refuses when the record has changed since — the
 * refusal is shown and the command stays where it was, so nothing is lost.
 */
import { useState, useSyncExternalStore } from 'react';

/** What undoing or redoing did, so the workspace can show it. `show` is the record to open (null: none). */
export type Outcome = { ok: true; show?: number | null } | { ok: false; message: string };

export interface Command {
  /** For the buttons and the status line, in the interface language at the moment it is shown. */
  label: () => string;
  undo: () => Promise<Outcome>;
  redo: () => Promise<Outcome>;
}

export interface HistoryState {
  undo: Command | null;
  redo: Command | null;
  busy: boolean;
  /** The last thing that happened, for the status line. */
  last: { kind: 'undone' | 'redone' | 'refused'; label: string; message?: string } | null;
}

const LIMIT = 100;
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
  return outcome;
}

export const undo = () => step(done, undone, (c) => c.undo(), 'undone');
export const redo = () => step(undone, done, (c) => c.redo(), 'redone');

/** Forgets everything: another library was opened. */
function clearHistory(): void {
  done = [];
  undone = [];
  last = null;
  publish();
}

/** The status line was read: hide it. */
export function dismiss(): void {
  last = null;
  publish();
}

let library: string | null = null;

/** The history belongs to one library: its ids mean nothing in another, so opening another forgets it. */
export function belongsTo(path: string): void {
  if (library !== null && library !== path) clearHistory();
  library = path;
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
