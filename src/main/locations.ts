/**
 * Where things are on disk: the app's own folder (renderer build, resources) and the default
 * library. Plain Node, so the CLI and the browser host agree with the desktop app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchiveFailure } from '../shared/result';

const APP_NAME = 'Civic Archive';
export const LIBRARY_ENV = 'CIVIC_ARCHIVE_LIBRARY';

/** The folder holding package.json: found by walking up, so it works from src/ (tsx) and from out/ (built). */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the app folder (no package.json above this file)');
    dir = up;
  }
}

/**
 * The build folder: out/, or another one named by CIVIC_ARCHIVE_OUT (relative to the app folder),
 * so several builds can sit side by side (`electron-vite build --outDir out-x`) without one
 * overwriting the renderer another's browser tests are using.
 */
function buildDir(): string {
  return path.join(appRoot(), process.env.CIVIC_ARCHIVE_OUT || 'out');
}

export function rendererDir(): string {
  return path.join(buildDir(), 'renderer');
}

export function resourcePath(...parts: string[]): string {
  return path.join(appRoot(), 'resources', ...parts);
}

/** The OS user-data folder Electron uses for this app (app.getPath('userData')). */
function userDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}

/** --library wins, then CIVIC_ARCHIVE_LIBRARY, then the default library in the user-data folder. */
export function chooseLibrary(flag: string | undefined, userData = userDataDir()): string {
  // An empty --library is a script's unset variable, not a wish for the default library.
  if (flag !== undefined && flag.trim() === '')
    throw new ArchiveFailure('invalid_input', 'cli', { detail: '--library is empty: give a folder' });
  const chosen = flag ?? process.env[LIBRARY_ENV];
  return path.resolve(chosen && chosen.length > 0 ? chosen : path.join(userData, 'Library'));
}
