/**
 * Jobs know the runner that claimed them ("host:pid:runner"), so that taking over the work of a
 * killed run never takes a job from a runner that is still working on it (issue 11, killed imports).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { query } from '../../support/reliability';

let lib: TestLibrary | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});

/** A process that has started and ended: its pid names no running process. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('resumeJobs({ abandoned: true })', () => {
  it('resets the jobs of a runner that is gone, keeps those of live runners, and takes released ones', async () => {
    lib = await openTestLibrary();
    const src = tempDir('job-owners-');
    for (const n of ['a', 'b', 'c', 'd']) fs.writeFileSync(path.join(src, `${n}.txt`), `file ${n}\n`);
    await lib.ok('importFiles', { paths: [src] });
    const host = os.hostname();
    const gone = `${host}:${await deadPid()}:dead`;
    const live = `${host}:${process.pid}:this-process`;
    // Another machine's runner cannot be checked: it is left alone until it has been silent for long.
    const elsewhere = `some-other-host.example:${process.pid}:far`;
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const otherLive = `${host}:${sleeper.pid}:other`;
      const claimed: Record<string, number> = {};
      for (const owner of [gone, live, elsewhere, otherLive])
        claimed[owner] = (await lib.ok('claimJob', { owner }))!.id;
      const status = () =>
        Object.fromEntries(
          query<{ id: number; status: string }>(lib!.dir, 'SELECT id, status FROM jobs').map((j) => [j.id, j.status]),
        );

      expect(await lib.ok('resumeJobs', { abandoned: true })).toEqual({ resumed: 1 });
      expect(status()).toEqual({
        [claimed[gone]!]: 'pending',
        [claimed[live]!]: 'running',
        [claimed[elsewhere]!]: 'running',
        [claimed[otherLive]!]: 'running',
      });

      // A runner that stops releases what it leaves running; the next one takes it.
      expect(await lib.ok('resumeJobs', { release: live })).toEqual({ resumed: 1 });
      expect(status()[claimed[live]!]).toBe('running');
      expect(await lib.ok('resumeJobs', { abandoned: true })).toEqual({ resumed: 1 });
      expect(status()[claimed[live]!]).toBe('pending');

      // Without `abandoned`, every running job is reset (what a single app did at start).
      expect(await lib.ok('resumeJobs', {})).toEqual({ resumed: 2 });
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});
