/**
 * Helpers for the reliability tests: a seeded random (so a failing kill schedule can be replayed
 * with RELIABILITY_SEED=N), the CLI as a child process that can be SIGKILLed after a delay, and the
 * catalogue and file-store checks every interrupted run must pass.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI_ENTRY, REPO_ROOT, makeTempDir, removeDir, sandboxEnv, type CliRun } from './cli';

/** mulberry32: a small deterministic PRNG; the seed comes from RELIABILITY_SEED or the clock, and is printed. */
export function seededRandom(label: string): {
  seed: number;
  next: () => number;
  between: (lo: number, hi: number) => number;
} {
  const seed = process.env.RELIABILITY_SEED ? Number(process.env.RELIABILITY_SEED) : Date.now() % 2 ** 31;
  console.log(`${label}: seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, between: (lo, hi) => Math.round(lo + next() * (hi - lo)) };
}

export interface KilledRun extends CliRun {
  /** True when our SIGKILL ended the process (false: it finished before the delay ran out). */
  killed: boolean;
}

/**
 * Runs the CLI (`--library DIR ARGS...`) and SIGKILLs it `killAfterMs` after spawning (never, when
 * undefined). HOME points at a throwaway folder as in runCliProcess.
 */
export function cliKilledAfter(
  libraryDir: string,
  args: string[],
  killAfterMs: number | undefined,
  timeoutMs = 60_000,
): Promise<KilledRun> {
  const sandboxHome = makeTempDir('civic-cli-home-');
  const env = sandboxEnv(sandboxHome);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, '--library', libraryDir, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const killer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      removeDir(sandboxHome);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('close', (code, signal) => {
      done();
      resolve({ code, stdout, stderr, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** `PRAGMA integrity_check` and `foreign_key_check` of a library's catalogue (opened as the app would, WAL recovered). */
export function catalogueHealth(libraryDir: string): { integrity: string[]; foreignKeys: unknown[] } {
  const db = new Database(path.join(libraryDir, 'catalogue.sqlite'));
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    return { integrity, foreignKeys };
  } finally {
    db.close();
  }
}

/** Runs a query on a library's catalogue (read-only). */
export function query<T>(libraryDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(libraryDir, 'catalogue.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface StoreState {
  /** files rows whose stored copy is absent, or whose bytes do not have the row's hash or size. */
  broken: string[];
  /** record_files rows pointing at no files row (foreign keys should make this impossible). */
  danglingLinks: number;
  /** Content-addressed files (files/xx/<sha256>) known to no files row. */
  orphans: string[];
  /** Anything else in files/ (the store's temp copies are named `.incoming-…`). */
  strays: string[];
}

/** Compares the catalogue's files and record_files with what is on disk under files/. */
export function storeState(libraryDir: string): StoreState {
  const filesDir = path.join(libraryDir, 'files');
  const rows = query<{ sha256: string; size: number }>(libraryDir, 'SELECT sha256, size FROM files');
  const known = new Set(rows.map((r) => r.sha256));
  const broken: string[] = [];
  for (const r of rows) {
    const p = path.join(filesDir, r.sha256.slice(0, 2), r.sha256);
    if (!fs.existsSync(p)) broken.push(`${r.sha256}: missing`);
    else if (fs.statSync(p).size !== r.size || sha256Of(p) !== r.sha256) broken.push(`${r.sha256}: altered`);
  }
  const danglingLinks = query<{ n: number }>(
    libraryDir,
    'SELECT count(*) AS n FROM record_files WHERE file_id NOT IN (SELECT id FROM files)',
  )[0]!.n;
  const orphans: string[] = [];
  const strays: string[] = [];
  if (fs.existsSync(filesDir)) {
    for (const entry of fs.readdirSync(filesDir, { withFileTypes: true })) {
      const p = path.join(filesDir, entry.name);
      if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) {
        strays.push(entry.name);
        continue;
      }
      for (const inner of fs.readdirSync(p)) {
        if (/^[0-9a-f]{64}$/.test(inner) && inner.startsWith(entry.name)) {
          if (!known.has(inner)) orphans.push(inner);
        } else strays.push(path.join(entry.name, inner));
      }
    }
  }
  return { broken, danglingLinks, orphans, strays };
}

/**
 * Damages the catalogue as a bad disk would: the middle leaf page of the records table keeps its
 * first 8 bytes (type and counts) and the rest is garbled, a plausible-looking leaf whose cells
 * point at nonsense. It opens the file read-write first, whose close checkpoints and removes the
 * -wal and -shm files, so the damage is in the one file. Returns how many leaf pages there were.
 */
export function garbleRecordsPage(file: string): { leaves: number } {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = (
    db.prepare("SELECT pageno FROM dbstat WHERE name = 'records' AND pagetype = 'leaf' ORDER BY pageno").all() as {
      pageno: number;
    }[]
  ).map((r) => r.pageno);
  db.close();
  const victim = leaves[Math.floor(leaves.length / 2)]!;
  const garbage = Buffer.alloc(pageSize - 8, 0xa5);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage, 0, garbage.length, (victim - 1) * pageSize + 8);
  fs.closeSync(fd);
  return { leaves: leaves.length };
}
