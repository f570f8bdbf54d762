/**
 * Expands the paths of an import into the files it would bring in: folders recursively (hidden
 * entries and symbolic links to folders are skipped, so a link loop cannot hang an import). Under a
 * door's path rule, every folder read and every link followed is resolved and checked, so a link
 * inside an allowed folder that leads out is skipped with its reason; the file itself is checked
 * again when it is opened to be stored (store.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportSkip } from '../../shared/reports/import-report';
import { allows, ANY_PATH, realPath, type PathRule } from './path-rule';

interface Candidate {
  path: string;
  name: string;
  size: number;
}

export interface Walked {
  files: Candidate[];
  skipped: ImportSkip[];
}

const MAX_FILES = 100_000;
/** Entries looked at in one walk (files, folders, skipped ones): a walk of a whole disk stops here, saying so. */
const MAX_ENTRIES = 300_000;

/** `library` is never walked into: importing the library's own catalogue and storage would be nonsense. */
export function walkPaths(
  paths: readonly string[],
  maxBytes: number,
  library?: string,
  rule: PathRule = ANY_PATH,
): Walked {
  const files: Candidate[] = [];
  const skipped: ImportSkip[] = [];
  const seen = new Set<string>();
  const inLibrary = (p: string) =>
    library !== undefined && (path.resolve(p) === library || path.resolve(p).startsWith(library + path.sep));
  const door = 'any' in rule ? '' : rule.door;
  /** Whether the rule lets this path (resolved now: links and `..`) be read. */
  const allowed = (p: string) => 'any' in rule || allows(rule, realPath(p));
  let entries = 0;
  const visit = (p: string, top: boolean) => {
    if (top && path.parse(path.resolve(p)).root === path.resolve(p)) {
      skipped.push({ path: p, reason: 'filesystem_root' });
      return;
    }
    if (++entries > MAX_ENTRIES) {
      if (entries === MAX_ENTRIES + 1) skipped.push({ path: p, reason: 'walk_limit', limit: MAX_ENTRIES });
      return;
    }
    if (inLibrary(p)) {
      skipped.push({ path: p, reason: 'inside_library' });
      return;
    }
    if (files.length >= MAX_FILES) {
      skipped.push({ path: p, reason: 'too_many_files', limit: MAX_FILES });
      return;
    }
    if (top && !allowed(p)) {
      skipped.push({ path: p, reason: 'outside_allowed', door });
      return;
    }
    let stat: fs.Stats;
    try {
      stat = top ? fs.statSync(p) : fs.lstatSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push(
        code === 'ENOENT'
          ? { path: p, reason: 'missing' }
          : code === 'EACCES'
            ? { path: p, reason: 'permission' }
            : { path: p, reason: 'unreadable', detail: (error as Error).message },
      );
      return;
    }
    if (stat.isSymbolicLink()) {
      try {
        stat = fs.statSync(p);
      } catch {
        skipped.push({ path: p, reason: 'broken_link' });
        return;
      }
      if (stat.isDirectory()) {
        skipped.push({ path: p, reason: 'folder_link' });
        return;
      }
      if (!allowed(p)) {
        skipped.push({ path: p, reason: 'link_outside', door });
        return;
      }
    }
    if (stat.isDirectory()) {
      // Resolved again right before it is listed: only names inside the rule's folders are ever read.
      if (!allowed(p)) {
        skipped.push({ path: p, reason: 'outside_allowed', door });
        return;
      }
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort((a, b) => a.localeCompare(b));
      } catch (error) {
        skipped.push(
          (error as NodeJS.ErrnoException).code === 'EACCES'
            ? { path: p, reason: 'permission' }
            : { path: p, reason: 'unreadable', detail: (error as Error).message },
        );
        return;
      }
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        visit(path.join(p, entry), false);
      }
      return;
    }
    if (!stat.isFile()) {
      skipped.push({ path: p, reason: 'not_regular_file' });
      return;
    }
    const real = path.resolve(p);
    if (seen.has(real)) return;
    seen.add(real);
    if (stat.size === 0) {
      skipped.push({ path: p, reason: 'empty' });
      return;
    }
    if (stat.size > maxBytes) {
      skipped.push({ path: p, reason: 'too_large', size: stat.size, limit: maxBytes });
      return;
    }
    files.push({ path: real, name: path.basename(p), size: stat.size });
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}
