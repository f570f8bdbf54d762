/**
 * Paths at the browser-host door. A few channels take absolute paths on this machine (import files
 * or a bag, write a bag or a backup, open another library). From the desktop app and the CLI the
 * user chose the path (a dialog, a shell); through the host it comes from a web page, and a page
 * holding the token must not read or write anywhere the OS user can: importing ~/.ssh/id_rsa and
 * then fetching it from /files/<hash> would be a file read, a backup written into a startup folder
 * a file write. So at this door every such path must lie inside an allowed folder: the library
 * open now, the one the host started with, or a folder given with `--allow-dir`.
 *
 * Paths are compared after resolving symbolic links of the part that exists, so a link inside an
 * allowed folder pointing out of it does not open a way out.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../../shared/result';

/** The channels that take paths, and where the paths are in their input. */
export const PATH_INPUTS: Record<string, (input: Record<string, unknown>) => unknown[]> = {
  importFiles: (i) => (Array.isArray(i.paths) ? i.paths : []),
  previewImport: (i) => (Array.isArray(i.paths) ? i.paths : []),
  importBag: (i) => [i.dir],
  exportBag: (i) => [i.dir],
  backupLibrary: (i) => [i.out],
  openLibrary: (i) => [i.path],
};

const FIELD: Record<string, string> = { importFiles: 'paths', previewImport: 'paths', importBag: 'dir', exportBag: 'dir', backupLibrary: 'out', openLibrary: 'path' };

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/** The path with every existing part's symbolic links resolved (the rest, not yet created, appended). */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let head = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(head), ...rest.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.push(path.basename(head));
      head = parent;
    }
  }
}

export function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The refusal for a request whose paths leave the allowed folders, or null. Inputs that are not
 * objects or paths that are not absolute strings are left to the channel's own validation.
 */
export function pathRefusal(channel: string, input: unknown, allowedRoots: readonly string[]): Result<never> | null {
  const where = Object.hasOwn(PATH_INPUTS, channel) ? PATH_INPUTS[channel] : undefined;
  if (!where || typeof input !== 'object' || input === null) return null;
  const roots = allowedRoots.map(realPath);
  for (const p of where(input as Record<string, unknown>)) {
    if (typeof p !== 'string' || !ABSOLUTE.test(p.trim())) continue;
    const real = realPath(p.trim());
    if (roots.some((root) => isInside(real, root))) continue;
    const allowed = roots.length ? roots.join(', ') : '(none)';
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        field: FIELD[channel] ?? 'path',
        message: `${p.trim()} is outside the folders the browser host may use (${allowed}): in the browser, paths must lie inside the library folder or a folder the host was started with --allow-dir DIR`,
      },
    };
  }
  return null;
}
