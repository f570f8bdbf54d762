/**
 * Any number of processes on one library, nothing acknowledged lost. Rounds of 20–25 real CLI
 * processes started at once (adds, imports of small files, files attached to existing records,
 * deletes, a setting, reads) while the app's catalogue worker thread writes too; the first round
 * creates the library, all of them at once. After each round every write a process acknowledged
 * (exit 0 and the id it printed) is in the catalogue with its content, no two processes were given
 * the same id, no process failed (a writer that finds the catalogue busy waits its turn), backups/
 * holds no -wal/-shm/journal or temp copy and at most one automatic copy per revision; at the end
 * integrity_check, foreign_key_check and the CLI's `verify` are clean.
 *
 * (Before the fix: of twenty `add`s at once, 13 failed "busy", two printed the same id, records
 * printed as created were missing, and seven identical backups were taken.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automaticBackups } from '../../../src/main/catalogue/backups';
import { createService } from '../../../src/main/service/service';
import { workerExecutor } from '../../../src/main/service/worker-executor';
import { tempDir } from '../../support/catalogue';
import {
  burst,
  checkRound,
  libraryFacts,
  planRound,
  processRig,
  runBuiltCli,
  type Outcome,
} from '../../support/many-processes';

let rig: Awaited<ReturnType<typeof processRig>> | null = null;

beforeAll(async () => {
  rig = await processRig();
}, 240_000);
afterAll(() => {
  rig?.remove();
});

/** What a round must leave, whatever the interleaving. */
function expectNothingLost(lib: string, outcomes: Outcome[], round: number): void {
  const check = checkRound(lib, outcomes);
  const failed = check.failed.map((o) => `${o.op.kind}: ${o.problem}`);
  expect(failed, `round ${round}: every process succeeds (busy writers wait)`).toEqual([]);
  expect(check.lost, `round ${round}: acknowledged writes missing`).toEqual([]);
  expect(check.shared, `round ${round}: ids printed twice`).toEqual([]);
  expect(check.facts.integrity).toBe('ok');
  expect(check.facts.foreignKeyProblems).toBe(0);
  expect(check.leftovers, `round ${round}: backups/ holds only backups`).toEqual([]);
  const revisions = automaticBackups(path.join(lib, 'backups')).map((b) => b.revision);
  expect(new Set(revisions).size, `round ${round}: one automatic copy per revision (${revisions.join(', ')})`).toBe(
    revisions.length,
  );
  expect(
    fs.readdirSync(path.join(lib, 'files')).filter((n) => n.startsWith('.incoming')),
    'temp copies left in files/',
  ).toEqual([]);
}

describe('any number of processes on one library', () => {
  it('keeps every write acknowledged by processes started at once, round after round', async () => {
    const lib = path.join(tempDir('civic-procs-'), 'library');
    const sources = tempDir('civic-procs-src-');
    const { cli, home } = rig!;

    // Round 0: the library does not exist yet; every process creates (or finds) it at once.
    const first = await burst(cli, lib, planRound(0, 20, sources, { attach: [], delete: [], show: [] }), home);
    expectNothingLost(lib, first, 0);
    expect(
      automaticBackups(path.join(lib, 'backups')).length,
      'round 0: the first process to find changes backs them up',
    ).toBeLessThanOrEqual(1);
    const all = [...first];

    // From now on the app's catalogue worker thread has the library open and writes as well.
    const app = createService(await workerExecutor(lib, 'app'));
    const appTitles = new Map<number, string>();
    const appCreated: { id: number; title: string }[] = [];
    const appCall = async <T>(
      p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
    ): Promise<T> => {
      const r = await p;
      if (!r.ok) throw new Error(`the app's write failed: ${r.error.message}`);
      return r.value;
    };
    try {
      for (const round of [1, 2]) {
        // Records this round changes: files attached to some (while the app renames them), others deleted.
        const attach: number[] = [];
        const remove: number[] = [];
        for (let i = 0; i < 3; i++) {
          attach.push(
            (await appCall(app.call('createRecord', { type: 'report', title: `Attach target ${round}.${i}` }))).id,
          );
          remove.push(
            (await appCall(app.call('createRecord', { type: 'report', title: `Delete target ${round}.${i}` }))).id,
          );
        }
        // Every process of the round then finds an automatic backup due: they must take one copy, not one each.
        for (const b of automaticBackups(path.join(lib, 'backups'))) fs.rmSync(b.file);

        let stop = false;
        // Its failure is awaited below, after the burst (caught here so that it is not an unhandled rejection meanwhile).
        const appWriter = (async () => {
          for (let n = 0; !stop; n++) {
            const id = attach[n % attach.length]!;
            const title = `Renamed by the app ${round}.${n}`;
            await appCall(app.call('updateRecord', { id, patch: { title } }));
            appTitles.set(id, title);
            const made = await appCall(app.call('createRecord', { type: 'other', title: `App note ${round}.${n}` }));
            appCreated.push({ id: made.id, title: made.title });
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })().then(
          () => null,
          (error: unknown) => error,
        );
        const outcomes = await burst(
          cli,
          lib,
          planRound(round, 25, sources, { attach, delete: remove, show: attach }),
          home,
        ).finally(() => {
          stop = true;
        });
        const appFailure = await appWriter;
        expect(appFailure, `round ${round}: the app's writes`).toBeNull();
        expectNothingLost(lib, outcomes, round);
        expect(automaticBackups(path.join(lib, 'backups')).length, `round ${round}: one automatic copy`).toBe(1);
        all.push(...outcomes);
      }

      // Across rounds too: ids never given twice, every acknowledged write still there.
      const { facts, lost, shared } = checkRound(lib, all);
      expect(lost).toEqual([]);
      expect(shared).toEqual([]);
      for (const [id, title] of appTitles)
        expect(facts.records.get(id)?.title, `the app's last rename of #${id}`).toBe(title);
      for (const made of appCreated) expect(facts.records.get(made.id)?.title).toBe(made.title);
      const cliIds = all
        .filter((o) => o.acknowledged && o.recordId !== undefined && (o.op.kind === 'add' || o.op.kind === 'import'))
        .map((o) => o.recordId!);
      expect(
        cliIds.filter((id) => appCreated.some((a) => a.id === id)),
        'an id given both to the app and to a process',
      ).toEqual([]);
      const names = all.flatMap((o) => (o.acknowledged && o.op.kind === 'setting' ? [o.op.archiveName] : []));
      expect(names.length).toBeGreaterThan(0);
      expect(names).toContain(facts.archiveName);
    } finally {
      await app.close();
    }

    // Everyone has closed: SQLite removed the catalogue's -wal/-shm itself, and the files check out.
    expect(fs.readdirSync(lib).filter((n) => n.startsWith('catalogue.sqlite-'))).toEqual([]);
    const verify = await runBuiltCli(cli, lib, ['verify'], home);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ problems: 0, missing: [], altered: [], orphaned: [] });
    expect(libraryFacts(lib).integrity).toBe('ok');
  }, 600_000);
});
