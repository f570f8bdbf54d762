/**
 * Every kind of command the history can keep across a reload, and how each is rebuilt from what
 * it saved. A command whose kind is not here (or which has no `save`) lives only in the session
 * that made it: the history says so rather than pretend.
 */
import { COLLECTION_COMMAND_KINDS } from '../collections/commands';
import { COMMAND_KINDS } from './commands';
import type { Command } from './history';
import type { Saved } from './saved';

const KINDS: Record<string, (data: never) => Command> = { ...COMMAND_KINDS, ...COLLECTION_COMMAND_KINDS };

/** The command a saved one was, or null when its kind is unknown (saved by another version of the app). */
export function rebuild(saved: Saved): Command | null {
  const make = Object.hasOwn(KINDS, saved.kind) ? KINDS[saved.kind] : undefined;
  return make ? make(saved.data as never) : null;
}
