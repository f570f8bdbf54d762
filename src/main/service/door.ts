/**
 * What every door (the desktop window's IPC, the browser host) checks before a request reaches the
 * service's handlers: the channel is one the doors answer (not one of the app's internal channels,
 * which only in-process callers use), and the paths it names lie where the door's path rule allows.
 * The paths are checked again where the handlers open them (documents/path-rule.ts); this first check
 * gives the one clear message, naming the field, before any work starts.
 */
import { contract, isChannel, isInternal } from '../../shared/contract';
import { archiveError, type Result } from '../../shared/result';
import { allows, outsideFailure, realPath, type PathRule } from '../documents/path-rule';

/** The channels that take paths, and where the paths are in their input. */
export const PATH_INPUTS: Record<string, (input: Record<string, unknown>) => unknown[]> = {
  importFiles: (i) => (Array.isArray(i.paths) ? (i.paths as unknown[]) : []),
  previewImport: (i) => (Array.isArray(i.paths) ? (i.paths as unknown[]) : []),
  importBag: (i) => [i.dir],
  exportBag: (i) => [i.dir],
  backupLibrary: (i) => [i.out],
  openLibrary: (i) => [i.path],
};

/** The input field holding the paths of each path-taking channel. */
export const PATH_FIELD: Record<string, string> = {
  importFiles: 'paths',
  previewImport: 'paths',
  importBag: 'dir',
  exportBag: 'dir',
  backupLibrary: 'out',
  openLibrary: 'path',
};

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * The refusal for a request whose top-level paths leave the rule's folders, or null. Inputs that are
 * not objects and paths that are not absolute strings are left to the channel's own validation.
 */
export function pathRefusal(channel: string, input: unknown, rule: PathRule): Result<never> | null {
  if ('any' in rule) return null;
  const where = Object.hasOwn(PATH_INPUTS, channel) ? PATH_INPUTS[channel] : undefined;
  if (!where || typeof input !== 'object' || input === null) return null;
  for (const p of where(input as Record<string, unknown>)) {
    if (typeof p !== 'string' || !ABSOLUTE.test(p.trim())) continue;
    if (allows(rule, realPath(p.trim()))) continue;
    return { ok: false, error: outsideFailure(rule, p.trim(), PATH_FIELD[channel] ?? 'path').toError() };
  }
  return null;
}

/** The refusal of a channel no door answers (the app's internal ones), or null. */
export function internalRefusal(channel: string): Result<never> | null {
  if (typeof channel === 'string' && isChannel(channel) && isInternal(channel)) {
    return {
      ok: false,
      error: archiveError('invalid_input', 'internal_operation', { channel }),
    };
  }
  return null;
}

/**
 * Why a door refuses this request before it reaches the service's handlers, or null. The service
 * checks paths only after the input passed its schema (whose bounds, such as 10,000 paths, come
 * first: resolving 180,000 paths of an 8 MB body before them blocked the host for 15 s).
 */
export function doorRefusal(channel: string, input: unknown, rule: PathRule): Result<never> | null {
  return internalRefusal(channel) ?? pathRefusal(channel, input, rule);
}

/** The contract's mutating channels that a door answers (see tests/unit/doors/public-channels.test.ts). */
export function publicMutatingChannels(): string[] {
  return Object.entries(contract)
    .filter(([, c]) => c.mutates && !c.internal)
    .map(([name]) => name)
    .sort();
}
