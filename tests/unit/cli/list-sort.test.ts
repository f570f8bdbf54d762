/**
 * `list --sort creator|collection|tags` through real child processes: the service's order (ties by
 * id, records without a value last in both directions), in text and as JSON; and `search --sort`
 * in the same orders.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../support/catalogue';
import { cliIn, jsonOf, makeTempDir, removeDir, type CliRun } from '../../support/cli';

let dir: string;
beforeEach(() => {
  dir = path.join(makeTempDir('civic-cli-list-sort-'), 'library');
});
afterEach(() => {
  removeDir(path.dirname(dir));
});

const cli = (...args: string[]) => cliIn(dir, args);

function ok(run: CliRun): string {
  expect(run.stderr, 'stderr of a successful run').toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

const titles = async (...args: string[]) =>
  jsonOf<{ title: string }[]>(await cli('list', '--json', ...args)).map((r) => r.title);

/** Written through the service in-process (quicker than one child process per record on a busy machine). */
async function seed(): Promise<void> {
  const lib = await openTestLibrary(dir);
  const council = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
  const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
  const fonds = await lib.ok('createCollection', { name: 'Partnerships', level: 'fonds' });
  const series = await lib.ok('createCollection', { name: 'Annual reports', level: 'series', parentId: fonds.id });
  const add = (title: string, more: Record<string, unknown>) =>
    lib.ok('createRecord', { type: 'report', title, ...more });
  await add('Report by the council', { links: [{ authorityId: council.id, role: 'author' }], tags: ['twinning'] });
  await add('Note by nobody', { tags: ['zebra', 'archive'] });
  await add('Letter by Blake', { links: [{ authorityId: blake.id, role: 'author' }], collectionId: fonds.id });
  await add('Second council report', { links: [{ authorityId: council.id, role: 'author' }], collectionId: series.id });
  await lib.close();
}

describe('list --sort', () => {
  it('sorts by creator, collection and tags, ascending with --asc, records without one last either way', async () => {
    await seed();
    expect(await titles('--sort', 'creator', '--asc')).toEqual([
      'Letter by Blake',
      'Report by the council',
      'Second council report',
      'Note by nobody',
    ]);
    expect(await titles('--sort', 'creator')).toEqual([
      'Second council report',
      'Report by the council',
      'Letter by Blake',
      'Note by nobody',
    ]);
    expect(await titles('--sort', 'tags', '--asc')).toEqual([
      'Note by nobody',
      'Report by the council',
      'Letter by Blake',
      'Second council report',
    ]);
    // The text listing follows the same order.
    const text = ok(await cli('list', '--sort', 'collection', '--asc', '--limit', '2'));
    expect(text.indexOf('Second council report')).toBeGreaterThan(-1);
    expect(text.indexOf('Second council report')).toBeLessThan(text.indexOf('Letter by Blake'));
    expect(text).not.toContain('Note by nobody');
    // Four child processes: slow on a loaded machine, so a generous allowance, as the other CLI tests have.
  }, 240_000);
});

describe('search --sort', () => {
  it("takes every order of the list, either way, and its hits come in the list's order", async () => {
    await seed();
    const searched = async (sort: string) =>
      jsonOf<{ title: string }[]>(await cli('--json', 'search', 'type:report', '--sort', sort)).map((r) => r.title);
    for (const order of ['creator', 'collection', 'tags', 'title', 'updated-at']) {
      for (const direction of ['asc', 'desc']) {
        // The oracle: the list's own order (another command, another code path), of the same records.
        const listed = await titles('--sort', order, ...(direction === 'asc' ? ['--asc'] : []));
        expect(await searched(`${order}-${direction}`), `${order}-${direction}`).toEqual(listed);
      }
    }
    const wrong = await cli('search', 'report', '--sort', 'creator');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--sort: "creator" is not one of .*creator-asc, creator-desc/);
  }, 240_000);
});
