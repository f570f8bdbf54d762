/**
 * The built browser host as a child process, for scripts that drive Chromium outside the
 * Playwright test runner (the workspace benchmark, the screenshots): started on a library, its URL
 * and token read from its first line, stopped with SIGTERM. (The browser tests' own fixture,
 * tests/e2e/fixtures.ts, also cleans up its temporary library and times the start.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface HostProcess {
  /** The printed URL, with `?token=`: opening it sets the session cookie. */
  url: string;
  base: string;
  token: string;
  stop: () => Promise<void>;
}

/**
 * The app folder a built script takes as its own (the nearest package.json above it, as
 * src/main/locations.ts finds it): another checkout's build, compared by bench:ui, names its
 * build folder relative to that checkout, not to this one.
 */
function appFolderOf(script: string): string {
  let dir = path.dirname(path.resolve(script));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** `outDir` is the build folder (out/, or CIVIC_ARCHIVE_OUT's). */
export async function startHostProcess(library: string, outDir: string): Promise<HostProcess> {
  const script = path.join(outDir, 'main/host.js');
  if (!fs.existsSync(script)) throw new Error(`${path.relative(ROOT, script)} is missing: build first (npm run build)`);
  const child = spawn(process.execPath, [script, '--library', library, '--port', '0'], {
    cwd: ROOT,
    // The host serves the renderer of its own build, not out/'s, when several sit side by side.
    env: { ...process.env, CIVIC_ARCHIVE_LIBRARY: '', CIVIC_ARCHIVE_OUT: path.relative(appFolderOf(script), outDir) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (l) => {
      lines.close();
      child.stdout.resume();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}):\n${stderr}`)));
  });
  const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(line);
  if (!m) throw new Error(`unexpected first line from the browser host: ${line}`);
  return {
    url: `${m[1]}/?token=${m[2]}`,
    base: m[1]!,
    token: m[2]!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
