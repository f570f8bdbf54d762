/**
 * The CLI as a user runs it: a real child process (`node --import tsx src/main/cli/main.ts ...`)
 * in the repository root, with HOME and XDG_CONFIG_HOME pointed at a throwaway folder so that a
 * run without --library can never touch the real default library.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_ENTRY = 'src/main/cli/main.ts';

export interface CliRun {
  /** Exit status (null if the process was killed). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment; a value of undefined removes the variable. CIVIC_ARCHIVE_LIBRARY is unset unless given. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** A fresh empty temp folder (remove it with removeDir). */
export function makeTempDir(prefix = 'civic-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The environment of a CLI child: HOME and XDG_CONFIG_HOME inside `home`, CIVIC_ARCHIVE_LIBRARY unset. */
export function sandboxEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  delete env.CIVIC_ARCHIVE_LIBRARY;
  return env;
}

/**
 * Waits for a child spawned with piped stdout and stderr: its exit status and all it printed.
 * It is SIGKILLed after `timeoutMs` (then `code` is null); with no timeout it may run for ever.
 */
export function collectRun(child: ChildProcess, timeoutMs?: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `civic-archive ARGS...` as a child process and collects its exit status and output. */
export function runCliProcess(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const sandboxHome = makeTempDir('civic-cli-home-');
  const env = sandboxEnv(sandboxHome);
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectRun(child, options.timeoutMs ?? 30_000).finally(() => removeDir(sandboxHome));
}

/** Runs the CLI against one library folder (`--library DIR` first, then ARGS). */
export function cliIn(libraryDir: string, args: string[], options?: CliOptions): Promise<CliRun> {
  return runCliProcess(['--library', libraryDir, ...args], options);
}

/** Parses stdout as JSON, failing with the raw output when it is anything else. */
export function jsonOf<T = unknown>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not only JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}
