/**
 * Killed imports resume (issue 11): a CLI import is SIGKILLed while it reads the text of its files
 * (a real process, killed as soon as it reports the first file read). The files it stored are
 * there with their text still pending; the next CLI import, or `jobs --run`, finishes every one of
 * them: no file stays "pending" until the app happens to open the library, and verify is clean.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/catalogue';
import { CLI_ENTRY, REPO_ROOT, cliIn, jsonOf, makeTempDir, removeDir } from '../../support/cli';
import { catalogueHealth, query } from '../../support/reliability';
import { makePdf } from '../../fixtures/documents/generate';

/** Runs the CLI and SIGKILLs it as soon as its stderr matches `when`; resolves with whether the kill happened. */
function cliKilledWhen(
  libraryDir: string,
  args: string[],
  when: RegExp,
): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  const home = makeTempDir('civic-cli-home-');
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  delete env.CIVIC_ARCHIVE_LIBRARY;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, '--library', libraryDir, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      if (!killed && when.test(stderr)) killed = child.kill('SIGKILL');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      removeDir(home);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      removeDir(home);
      resolve({ killed: killed && signal === 'SIGKILL', code, stderr });
    });
  });
}

function folderOf(name: string, count: number): string {
  const dir = path.join(tempDir(), name);
  fs.mkdirSync(dir);
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(
      path.join(dir, `${name}-${i}.pdf`),
      makePdf([
        { lines: [`${name} document ${i}`, 'Minutes of the partnership committee, Leeds and Hangzhou.'] },
        { lines: [`Page two of ${name} ${i}.`] },
      ]),
    );
  }
  return dir;
}

const textStates = (lib: string) =>
  Object.fromEntries(
    query<{ s: string; n: number }>(lib, 'SELECT text_status AS s, count(*) AS n FROM files GROUP BY text_status').map(
      (r) => [r.s, r.n],
    ),
  );
const openJobs = (lib: string) =>
  query<{ n: number }>(lib, "SELECT count(*) AS n FROM jobs WHERE status IN ('pending', 'running')")[0]!.n;

describe('a CLI import killed while reading text', () => {
  it('is finished by the next import, or by jobs --run, and verify is clean', async () => {
    const lib = path.join(tempDir(), 'library');
    expect((await cliIn(lib, ['init'])).code).toBe(0);
    const FILES = 12;

    // 1. Killed once the first file's text is read; the next `import` finishes the rest.
    const first = folderOf('minutes', FILES);
    const killed = await cliKilledWhen(lib, ['import', first, '--no-ocr'], /reading file 1: .* — /);
    expect(killed.killed, killed.stderr).toBe(true);
    expect(catalogueHealth(lib)).toEqual({ integrity: ['ok'], foreignKeys: [] });
    const left = textStates(lib);
    expect(left.pending ?? 0, JSON.stringify(left)).toBeGreaterThan(0);
    const again = await cliIn(lib, ['--json', 'import', first, '--no-ocr'], { timeoutMs: 180_000 });
    expect(again.code, again.stderr).toBe(0);
    const report = jsonOf<{ imported: number; earlierJobs: number }>(again);
    expect(report.earlierJobs).toBeGreaterThan(0);
    expect(textStates(lib)).toEqual({ done: FILES });
    expect(openJobs(lib)).toBe(0);

    // 2. Killed again on another folder; this time `jobs --run` finishes what it left.
    const second = folderOf('letters', FILES);
    const killedAgain = await cliKilledWhen(lib, ['import', second, '--no-ocr'], /reading file 1: .* — /);
    expect(killedAgain.killed, killedAgain.stderr).toBe(true);
    expect(textStates(lib).pending ?? 0).toBeGreaterThan(0);
    const run = await cliIn(lib, ['jobs', '--run', '--no-ocr'], { timeoutMs: 180_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(textStates(lib)).toEqual({ done: 2 * FILES });
    expect(openJobs(lib)).toBe(0);

    // Every file's text is searchable, and verify finds nothing missing, altered or orphaned.
    const pages = query<{ n: number }>(lib, 'SELECT count(*) AS n FROM pages')[0]!.n;
    expect(pages).toBe(2 * 2 * FILES);
    const verify = await cliIn(lib, ['--json', 'verify'], { timeoutMs: 120_000 });
    expect(verify.code, verify.stderr).toBe(0);
    expect(jsonOf(verify)).toMatchObject({ checked: 2 * FILES, ok: 2 * FILES, missing: [], altered: [], orphaned: [] });
  }, 600_000);
});
