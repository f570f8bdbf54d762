/**
 * Many real processes on one library at once, and the check that nothing they acknowledged was
 * lost: the stress test (tests/unit/catalogue/many-processes.test.ts) and the benchmark
 * (tests/bench/processes.ts) share it.
 *
 * The CLI runs from a build of the current sources (`electron-vite build --outDir out-…`, a
 * folder .gitignore leaves out) with plain node: thirty tsx processes at once would each compile
 * the sources again, which on two cores is most of a minute per round.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { collectRun, REPO_ROOT, sandboxEnv, type CliRun } from './cli';

/** Builds the app from the current sources into a fresh out-… folder of the repository; returns the CLI script. */
export async function buildCli(): Promise<{ cli: string; outDir: string; remove(): void }> {
  const outDir = path.join(REPO_ROOT, `out-procs-${process.pid}-${randomBytes(3).toString('hex')}`);
  const bin = path.join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const run = await collectRun(
    spawn(process.execPath, [bin, 'build', '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const cli = path.join(outDir, 'main', 'cli.js');
  if (run.code !== 0 || !fs.existsSync(cli))
    throw new Error(`the build failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return { cli, outDir, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

/** Runs the built CLI once (`node cli.js --library DIR --json ARGS…`). */
export function runBuiltCli(
  cli: string,
  library: string,
  args: string[],
  home: string,
  timeoutMs = 170_000,
): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, '--library', library, '--json', ...args], {
    cwd: REPO_ROOT,
    env: sandboxEnv(home),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectRun(child, timeoutMs);
}

/** What one process was asked to do, and what it said it did (exit 0 and its JSON). */
export type Op =
  | { kind: 'add'; title: string; description: string }
  | { kind: 'import'; file: string; content: string; wait: boolean }
  | { kind: 'attach'; recordId: number; file: string; content: string }
  | { kind: 'delete'; recordId: number }
  | { kind: 'setting'; archiveName: string }
  | { kind: 'list' }
  | { kind: 'search'; word: string }
  | { kind: 'show'; recordId: number };

export interface Outcome {
  op: Op;
  run: CliRun;
  /** Exit 0 with the JSON expected of it: the process acknowledged the write (or the read answered). */
  acknowledged: boolean;
  /** The record a create acknowledged (add, import). */
  recordId?: number;
  sha256?: string;
  problem?: string;
}

function argsOf(op: Op): string[] {
  switch (op.kind) {
    case 'add':
      return ['add', '--type', 'letter', '--title', op.title, '--description', op.description];
    case 'import':
      return ['import', ...(op.wait ? ['--no-ocr'] : ['--no-wait']), op.file];
    case 'attach':
      return ['import', '--no-wait', '--record', String(op.recordId), op.file];
    case 'delete':
      return ['delete', String(op.recordId)];
    case 'setting':
      return ['settings', '--archive-name', op.archiveName];
    case 'list':
      return ['list', '--limit', '5'];
    case 'search':
      return ['search', op.word, '--limit', '5'];
    case 'show':
      return ['show', String(op.recordId)];
  }
}

/** Reads what a process printed: the id it created, or why its answer does not count as an acknowledgement. */
function outcomeOf(op: Op, run: CliRun): Outcome {
  if (run.code === null) return { op, run, acknowledged: false, problem: 'killed: still running at the time limit' };
  if (run.code !== 0)
    return { op, run, acknowledged: false, problem: `exit ${run.code}: ${run.stderr.trim().split('\n')[0] ?? ''}` };
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    return { op, run, acknowledged: false, problem: `exit 0 but stdout is not JSON: ${run.stdout.slice(0, 200)}` };
  }
  if (op.kind === 'add') {
    const r = json as { id?: unknown; title?: unknown };
    if (typeof r.id !== 'number' || r.title !== op.title)
      return { op, run, acknowledged: false, problem: `add answered ${run.stdout.slice(0, 200)}` };
    return { op, run, acknowledged: true, recordId: r.id };
  }
  if (op.kind === 'import' || op.kind === 'attach') {
    const r = json as {
      imported?: number;
      files?: { status: string; recordId: number | null; sha256: string | null }[];
    };
    const f = r.files?.[0];
    if (r.imported !== 1 || !f || f.status !== 'done' || f.recordId === null || !f.sha256)
      return { op, run, acknowledged: false, problem: `import answered ${run.stdout.slice(0, 300)}` };
    if (op.kind === 'attach' && f.recordId !== op.recordId)
      return { op, run, acknowledged: false, problem: `attached to #${f.recordId}, not #${op.recordId}` };
    return { op, run, acknowledged: true, recordId: f.recordId, sha256: f.sha256 };
  }
  return { op, run, acknowledged: true };
}

/** Starts every op as its own process, all at once, and waits for them all. */
export async function burst(
  cli: string,
  library: string,
  ops: Op[],
  home: string,
  timeoutMs?: number,
): Promise<Outcome[]> {
  return Promise.all(
    ops.map(async (op) => outcomeOf(op, await runBuiltCli(cli, library, argsOf(op), home, timeoutMs))),
  );
}

/** A small file of its own content to import, under `dir`. */
export function smallFile(dir: string, name: string): { file: string; content: string } {
  const content = `Stress file ${name} ${randomBytes(12).toString('hex')}\nA few words so that the text reader has a page to read.\n`;
  const file = path.join(dir, `${name}.txt`);
  fs.writeFileSync(file, content);
  return { file, content };
}

/**
 * The ops of one round: `n` processes, mostly writers. `targets` are existing records the round
 * may change: attach files to `targets.attach`, delete `targets.delete` (each at most once).
 */
export function planRound(
  round: number,
  n: number,
  sources: string,
  targets: { attach: number[]; delete: number[]; show: number[] },
): Op[] {
  const ops: Op[] = [];
  const toDelete = [...targets.delete];
  for (let i = 0; i < n; i++) {
    const name = `r${round}-p${i}`;
    const slot = i % 10;
    if (slot <= 3)
      ops.push({
        kind: 'add',
        title: `Stress ${name} ${randomBytes(4).toString('hex')}`,
        description: `Written by process ${i} of round ${round}`,
      });
    // One import per round also reads its file's text (a worker thread per process: the costliest op); the others only store.
    else if (slot <= 5) ops.push({ kind: 'import', ...smallFile(sources, name), wait: i === 4 });
    else if (slot === 6 && targets.attach.length > 0)
      ops.push({ kind: 'attach', recordId: targets.attach[i % targets.attach.length]!, ...smallFile(sources, name) });
    else if (slot === 7 && toDelete.length > 0) ops.push({ kind: 'delete', recordId: toDelete.shift()! });
    else if (slot === 8 && targets.show.length > 0)
      ops.push(
        i % 20 === 8
          ? { kind: 'setting', archiveName: `Archive ${name}` }
          : { kind: 'show', recordId: targets.show[0]! },
      );
    else ops.push(i % 2 === 0 ? { kind: 'list' } : { kind: 'search', word: 'Stress' });
  }
  return ops;
}

export interface LibraryFacts {
  records: Map<number, { title: string; description: string | null }>;
  /** sha256s attached to each record. */
  files: Map<number, Set<string>>;
  archiveName: string | null;
  integrity: string;
  foreignKeyProblems: number;
}

/** Reads the catalogue directly (read-only), as evidence independent of the service. */
export function libraryFacts(library: string): LibraryFacts {
  const db = new Database(path.join(library, 'catalogue.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const records = new Map<number, { title: string; description: string | null }>();
    for (const r of db.prepare('SELECT id, title, description FROM records').all() as {
      id: number;
      title: string;
      description: string | null;
    }[]) {
      records.set(r.id, { title: r.title, description: r.description });
    }
    const files = new Map<number, Set<string>>();
    for (const r of db
      .prepare('SELECT rf.record_id AS id, f.sha256 FROM record_files rf JOIN files f ON f.id = rf.file_id')
      .all() as { id: number; sha256: string }[]) {
      if (!files.has(r.id)) files.set(r.id, new Set());
      files.get(r.id)!.add(r.sha256);
    }
    const name = db.prepare("SELECT value FROM settings WHERE key = 'cite.archive.name'").get() as
      { value: string } | undefined;
    return {
      records,
      files,
      archiveName: name?.value ?? null,
      integrity: String(db.pragma('integrity_check', { simple: true })),
      foreignKeyProblems: (db.pragma('foreign_key_check') as unknown[]).length,
    };
  } finally {
    db.close();
  }
}

/** Every acknowledged write that the catalogue does not hold, as sentences (empty: nothing lost). */
export function lostWrites(outcomes: Outcome[], facts: LibraryFacts): string[] {
  const lost: string[] = [];
  // A record an acknowledged delete removed later (a benchmark round deletes what the one before made) is rightly gone.
  const deleted = new Set(outcomes.flatMap((o) => (o.acknowledged && o.op.kind === 'delete' ? [o.op.recordId] : [])));
  for (const o of outcomes) {
    if (!o.acknowledged) continue;
    const op = o.op;
    if (op.kind !== 'delete' && o.recordId !== undefined && deleted.has(o.recordId)) continue;
    if (op.kind === 'add') {
      const r = facts.records.get(o.recordId!);
      if (!r) lost.push(`add "${op.title}" printed #${o.recordId}, which is not in the catalogue`);
      else if (r.title !== op.title || r.description !== op.description)
        lost.push(`#${o.recordId} holds "${r.title}", not the acknowledged "${op.title}"`);
    } else if (op.kind === 'import' || op.kind === 'attach') {
      if (!facts.records.has(o.recordId!))
        lost.push(`import of ${path.basename(op.file)} printed #${o.recordId}, which is not in the catalogue`);
      else if (!facts.files.get(o.recordId!)?.has(o.sha256!))
        lost.push(`#${o.recordId} does not hold the acknowledged file ${path.basename(op.file)} (${o.sha256})`);
    } else if (op.kind === 'delete') {
      if (facts.records.has(op.recordId))
        lost.push(`delete #${op.recordId} was acknowledged, but the record is still there`);
    }
  }
  return lost;
}

/** Acknowledged creates that share an id (two processes told they made the same record). */
export function sharedIds(outcomes: Outcome[]): number[] {
  const ids = outcomes
    .filter((o) => o.acknowledged && (o.op.kind === 'add' || o.op.kind === 'import'))
    .map((o) => o.recordId!);
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Files in backups/ that must never be left there: SQLite sidecars and copies in progress. */
export function backupLeftovers(library: string): string[] {
  const dir = path.join(library, 'backups');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => /-(wal|shm|journal)$|\.incoming/.test(n));
}

/** A throwaway HOME for the processes, so that none of them can touch the real default library. */
export function sandboxHome(): string {
  return fs.mkdtempSync(path.join(process.env.CIVIC_TEST_TMP ?? os.tmpdir(), 'civic-procs-home-'));
}

/** The CLI built from the current sources and a throwaway HOME for its processes; `remove` deletes both. */
export async function processRig(): Promise<{ cli: string; home: string; remove(): void }> {
  const built = await buildCli();
  const home = sandboxHome();
  return {
    cli: built.cli,
    home,
    remove: () => {
      built.remove();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** What processes left in a library: the checks the stress test asserts and the benchmark counts. */
export interface RoundCheck {
  facts: LibraryFacts;
  /** Processes that did not acknowledge their operation. */
  failed: Outcome[];
  /** Acknowledged writes the catalogue does not hold. */
  lost: string[];
  /** Ids printed by more than one process. */
  shared: number[];
  /** SQLite sidecars or copies in progress left in backups/. */
  leftovers: string[];
}

export function checkRound(library: string, outcomes: Outcome[]): RoundCheck {
  const facts = libraryFacts(library);
  return {
    facts,
    failed: outcomes.filter((o) => !o.acknowledged),
    lost: lostWrites(outcomes, facts),
    shared: sharedIds(outcomes),
    leftovers: backupLeftovers(library),
  };
}
