/**
 * `npx tsx tests/bench/processes.ts [--processes 20,40] [--rounds 3] [--time-limit 900]`
 *
 * Processes × writes held: for each count N, a new library is created by N CLI processes started
 * at once, then `rounds` more rounds of N processes at once (adds, imports of small files, files
 * attached to existing records, deletes, a setting, reads: the mix of the stress test,
 * tests/support/many-processes.ts). Prints, per N, the writes the processes acknowledged, how many
 * of them the catalogue holds afterwards (it must be all), the processes that failed, ids printed
 * twice, the automatic backups taken, and the wall time per round. A benchmark, not a test: the
 * times vary with the machine's load; the counts must not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { automaticBackups } from '../../src/main/catalogue/backups';
import { burst, checkRound, planRound, processRig, runBuiltCli, type Outcome } from '../support/many-processes';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '20,40' },
    rounds: { type: 'string', default: '3' },
    'time-limit': { type: 'string', default: '900' },
  },
});
const COUNTS = values.processes.split(',').map(Number);
const ROUNDS = Number(values.rounds);
/** Seconds a process may run before it is killed (and counted as failed): generous, a loaded machine is slow, not wrong. */
const TIME_LIMIT_MS = Number(values['time-limit']) * 1000;
const WRITES = new Set(['add', 'import', 'attach', 'delete', 'setting']);

const root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'civic-bench-procs-'));
const rig = await processRig();
const { cli, home } = rig;
const rows: string[] = [];
try {
  for (const n of COUNTS) {
    const lib = path.join(root, `library-${n}`);
    const sources = path.join(root, `sources-${n}`);
    fs.mkdirSync(sources, { recursive: true });
    const all: Outcome[] = [];
    const seconds: number[] = [];
    let backupsTaken = 0;
    let targets = { attach: [] as number[], delete: [] as number[], show: [] as number[] };
    for (let round = 0; round <= ROUNDS; round++) {
      const start = process.hrtime.bigint();
      const outcomes = await burst(cli, lib, planRound(round, n, sources, targets), home, TIME_LIMIT_MS);
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
      all.push(...outcomes);
      backupsTaken += automaticBackups(path.join(lib, 'backups')).length;
      // The next round finds a backup due again (one copy per round, however many processes open it).
      for (const b of automaticBackups(path.join(lib, 'backups'))) fs.rmSync(b.file);
      // Targets for the next round: records this one created.
      const made = outcomes.filter((o) => o.acknowledged && o.op.kind === 'add').map((o) => o.recordId!);
      targets = { attach: made.slice(0, 3), delete: made.slice(3, 3 + Math.ceil(n / 10)), show: made.slice(0, 1) };
    }
    const { facts, failed, lost, shared, leftovers } = checkRound(lib, all);
    const writes = all.filter((o) => WRITES.has(o.op.kind));
    const acknowledged = writes.filter((o) => o.acknowledged);
    const verify = await runBuiltCli(cli, lib, ['verify'], home);
    rows.push(
      [
        `${n} processes × ${ROUNDS + 1} rounds`,
        `writes acknowledged ${acknowledged.length}/${writes.length}`,
        `held ${acknowledged.length - lost.length}`,
        `processes killed at the time limit ${failed.filter((f) => f.run.code === null).length}`,
        `lost ${lost.length}`,
        `failed processes ${failed.length}`,
        `ids printed twice ${shared.length}`,
        `automatic backups ${backupsTaken} (one per round expected, the first round's may be 0 or 1)`,
        `backups/ leftovers ${leftovers.length}`,
        `integrity ${facts.integrity}`,
        `verify exit ${verify.code}${verify.code === 0 ? '' : ` (${verify.stdout.replace(/\s+/g, ' ').slice(0, 200)})`}`,
        `wall per round ${seconds.map((s) => `${s.toFixed(1)} s`).join(', ')}`,
      ].join('; '),
    );
    for (const f of failed.slice(0, 5)) rows.push(`  failed: ${f.op.kind}: ${f.problem}`);
    for (const l of lost.slice(0, 5)) rows.push(`  lost: ${l}`);
    console.log(rows.at(-1 - Math.min(failed.length, 5) - Math.min(lost.length, 5)));
  }
} finally {
  rig.remove();
  fs.rmSync(root, { recursive: true, force: true });
}
console.log('\nProcesses × writes held (nothing acknowledged may be lost):');
for (const r of rows) console.log(r);
