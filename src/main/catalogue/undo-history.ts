/**
 * The window's undo history, kept per library in its folder (undo-history.json beside the
 * catalogue): the browser host's port changes from start to start, and a page's localStorage
 * belongs to its origin, so history kept there was lost; the desktop app and the browser share
 * this one place. The catalogue does not read it: it is the window's own JSON, checked here only
 * for being JSON of a sane size, so a damaged file is ignored (and replaced by the next write),
 * never a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UNDO_HISTORY_MAX_CHARS } from '../../shared/channels/catalogue';
import { writeFileAtomically } from '../atomic-write';
import type { LibraryPaths } from './library';

const FILE = 'undo-history.json';

const undoHistoryFile = (paths: Pick<LibraryPaths, 'root'>): string => path.join(paths.root, FILE);

export function getUndoHistory(paths: Pick<LibraryPaths, 'root'>): { text: string | null } {
  let text: string;
  try {
    const file = undoHistoryFile(paths);
    // Three bytes a character at most: anything larger was not written by putUndoHistory.
    if (fs.statSync(file).size > UNDO_HISTORY_MAX_CHARS * 3) return { text: null };
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { text: null };
  }
  try {
    JSON.parse(text);
  } catch {
    return { text: null };
  }
  return { text };
}

/** Written to a temporary file, flushed, then renamed over the old one: a crash leaves one or the other. */
export function putUndoHistory(paths: Pick<LibraryPaths, 'root'>, text: string | null): { kept: boolean } {
  const file = undoHistoryFile(paths);
  if (text === null) {
    fs.rmSync(file, { force: true });
    return { kept: true };
  }
  writeFileAtomically(file, text);
  return { kept: true };
}
