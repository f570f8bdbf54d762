/**
 * The path rule of a request: which files and folders on this machine the service may read or
 * write for it. The CLI (the user's own shell) may use any path; the browser host only its library
 * and its --allow-dir folders; the desktop app its library and what the user picked in the system
 * dialog (shell/grants.ts). The rule travels with the request from the door through the service and
 * the executor into the handler's context (ctx.pathRule), and with an import job into the job
 * runner (its params), because the file is opened there, later.
 *
 * A path is checked where it is used, not only where it is given: a folder walked, a bag's payload
 * and every file opened to be stored are resolved (symbolic links and `..` included). A file is
 * checked after it is opened, on what the open descriptor actually is (its real path, from
 * /proc/self/fd on Linux or realpath elsewhere, confirmed by comparing device and inode with the
 * descriptor's own), so a link swapped in between a check and the open cannot lead out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ArchiveFailure } from '../../shared/result';

export type PathRule =
  | { any: true }
  | {
      /** Real paths (symbolic links resolved when the rule was made) of the folders and files allowed. */
      within: string[];
      /** Who is held to the rule, for messages: "the browser host", "this window". */
      door: string;
      /** What the user can do about a refusal. */
      hint: string;
    };

export const ANY_PATH: PathRule = { any: true };

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

function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A rule holding paths to `roots` (each resolved now, so a root that is itself a link counts as its target). */
export function pathRuleWithin(roots: readonly string[], door: string, hint: string): PathRule {
  return { within: [...new Set(roots.map(realPath))], door, hint };
}

/** Whether a real (already resolved) path is allowed by the rule. */
export function allows(rule: PathRule, real: string): boolean {
  return 'any' in rule || rule.within.some((root) => isInside(real, root));
}

export function outsideFailure(
  rule: Extract<PathRule, { within: string[] }>,
  shown: string,
  field: string,
  how = 'is',
): ArchiveFailure {
  const roots = rule.within.length ? rule.within.join(', ') : '(none)';
  return new ArchiveFailure(
    'invalid_input',
    'path_outside',
    { path: shown, how, door: rule.door, roots, hint: rule.hint },
    field,
  );
}

/**
 * Checks a path given by a door (or reached in a walk) and returns its real path; refuses one that
 * is, or leads through a link, outside the rule's folders. Under `any` the path comes back as given.
 */
function checkPath(rule: PathRule, p: string, field: string): string {
  if ('any' in rule) return p;
  const real = realPath(p);
  if (allows(rule, real)) return real;
  throw outsideFailure(rule, p, field, allows(rule, path.resolve(p)) ? 'leads through a symbolic link' : 'is');
}

/**
 * Where a door's output (a bag folder, a backup file) is written: its real path, checked. The
 * handler writes there (and beside it: a temp name, then a rename), so a link met later in the
 * given path is not followed again.
 */
export function checkOutput(rule: PathRule, target: string, field: string): string {
  return 'any' in rule ? target : checkPath(rule, target, field);
}

/** Most entries looked at in one tree check: a bag of a whole disk stops here, saying so. */
const MAX_TREE_ENTRIES = 300_000;

/**
 * Checks a folder and everything in it (a bag being imported): no entry, followed through links,
 * leads outside the rule's folders. Returns the folder as given.
 */
export function checkTree(rule: PathRule, dir: string, field: string): string {
  if ('any' in rule) return dir;
  const top = checkPath(rule, dir, field);
  const seen = new Set<string>();
  let entries = 0;
  const visit = (real: string, shown: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(real);
    } catch {
      return; // not a folder, or unreadable: the reader that opens it says so
    }
    for (const name of names) {
      if (++entries > MAX_TREE_ENTRIES)
        throw new ArchiveFailure('invalid_input', 'folder_too_big', { dir, max: MAX_TREE_ENTRIES }, field);
      const entry = path.join(real, name);
      const entryShown = path.join(shown, name);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(entry);
      } catch {
        continue; // gone meanwhile
      }
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync.native(entry);
        } catch {
          continue; // a broken link leads nowhere: reading it fails on its own
        }
        if (!allows(rule, target)) throw outsideFailure(rule, entryShown, field, 'leads through a symbolic link');
        visit(target, entryShown);
      } else if (stat.isDirectory()) {
        visit(entry, entryShown);
      }
    }
  };
  visit(top, dir);
  return dir;
}

/**
 * The real path of an open descriptor, confirmed to be the very file that is open (same device and
 * inode), or null when it cannot be told (the file was renamed or replaced meanwhile).
 */
async function realPathOfOpen(fd: number, file: string, opened: fs.Stats): Promise<string | null> {
  let candidate: string | null = null;
  if (process.platform === 'linux') {
    candidate = await fs.promises.readlink(`/proc/self/fd/${fd}`).catch(() => null);
  }
  if (!candidate || !path.isAbsolute(candidate)) candidate = await fs.promises.realpath(file).catch(() => null);
  if (!candidate) return null;
  const now = await fs.promises.stat(candidate).catch(() => null);
  if (!now || now.dev !== opened.dev || now.ino !== opened.ino) return null;
  return candidate;
}

/**
 * Checks what an open descriptor is (opened from `file`, `stat` its fstat) against the rule: the
 * name it was opened by may since lead elsewhere, and the name may have led elsewhere when opened.
 */
export async function checkOpened(
  rule: PathRule,
  fd: number,
  file: string,
  stat: fs.Stats,
  field: string,
): Promise<void> {
  if ('any' in rule) return;
  const real = await realPathOfOpen(fd, file, stat);
  if (real === null) throw new ArchiveFailure('invalid_input', 'file_changed', { path: file }, field);
  if (!allows(rule, real)) throw outsideFailure(rule, file, field, 'leads through a symbolic link');
}

export interface OpenedFile {
  handle: fs.promises.FileHandle;
  stat: fs.Stats;
}

/**
 * Opens a file for reading under the rule. The path is checked first (so a refused path reveals
 * nothing of what lies outside, not even whether it exists), then opened (without blocking, so a
 * named pipe cannot hang the reader), then the open file itself is checked. Errors of the open
 * (ENOENT, EACCES...) are thrown as they are, for the caller to word.
 */
export async function openForReading(rule: PathRule, file: string, field: string): Promise<OpenedFile> {
  if (!('any' in rule)) checkPath(rule, file, field);
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    await checkOpened(rule, handle.fd, file, stat, field);
    return { handle, stat };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/**
 * The rule an import job was queued under, from its stored params. A job queued before rules were
 * kept has none (any path, as then); anything malformed allows nothing.
 */
export function pathRuleOf(value: unknown): PathRule {
  if (value === undefined) return ANY_PATH;
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (v.any === true) return ANY_PATH;
    if (Array.isArray(v.within) && v.within.every((r) => typeof r === 'string')) {
      return {
        within: v.within,
        door: typeof v.door === 'string' ? v.door : 'this door',
        hint: typeof v.hint === 'string' ? v.hint : '',
      };
    }
  }
  return { within: [], door: 'this door', hint: 'the import job was queued without a readable path rule' };
}
