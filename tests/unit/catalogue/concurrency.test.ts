/**
 * Two processes on one library: the catalogue worker of a running host writing, and the CLI
 * reading and writing at the same time. WAL lets readers through; busy_timeout serialises the
 * two writers; nobody sees "database is locked".
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../src/main/service/service';
import { workerExecutor } from '../../../src/main/service/worker-executor';
import { tempDir } from '../../support/catalogue';
import { cliIn } from '../../support/cli';

let dir: string;
let service: Service;

beforeAll(async () => {
  dir = path.join(tempDir(), 'lib');
  service = createService(await workerExecutor(dir, 'host'));
  await service.call('loadSample', {});
});
afterAll(async () => {
  await service.close();
});

describe('the CLI beside a running host', () => {
  it('reads and writes while the host writes, without a locked database', async () => {
    let stop = false;
    let hostWrites = 0;
    const writer = (async () => {
      while (!stop) {
        const r = await service.call('createRecord', {
          type: 'report',
          title: `Host report ${hostWrites}`,
          description: 'written by the host',
        });
        expect(r.ok).toBe(true);
        hostWrites++;
        // A steady trickle for as long as the CLI runs, not as many writes as the machine allows.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const runs = [];
    for (let i = 0; i < 4; i++) {
      runs.push(await cliIn(dir, ['--json', 'list', '--limit', '5']));
      runs.push(await cliIn(dir, ['--json', 'search', 'Hangzhou']));
      runs.push(await cliIn(dir, ['--json', 'add', '--type', 'letter', '--title', `CLI letter ${i}`]));
    }
    stop = true;
    await writer;
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/locked|busy/i);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(hostWrites).toBeGreaterThan(0);
    const letters = await service.call('listRecords', { type: 'letter', limit: 1000 });
    expect(letters.ok && letters.value.items.map((r) => r.title).sort()).toEqual([
      'CLI letter 0',
      'CLI letter 1',
      'CLI letter 2',
      'CLI letter 3',
    ]);
    const reports = await service.call('listRecords', { type: 'report', limit: 1 });
    expect(reports.ok && reports.value.total).toBe(hostWrites);
    const changes = [];
    for (let since = 0; ;) {
      const page = await service.call('changesSince', { revision: since, limit: 10_000 });
      if (!page.ok) throw new Error(page.error.message);
      changes.push(...page.value.changes);
      if (!page.value.more) break;
      since = page.value.changes.at(-1)!.revision;
    }
    // Every write got its own revision, in one sequence, whoever made it.
    const revisions = changes.map((c) => c.revision);
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(changes.some((c) => c.actor.endsWith('(cli)'))).toBe(true);
    expect(changes.some((c) => c.actor.endsWith('(host)'))).toBe(true);
  });
});
