/**
 * `collection add|rename|move|delete|list` through real child processes on a real library: the
 * tree printed and as JSON, records moved up (never deleted) with their collection, and each kind
 * of bad input refused with one line, a non-zero exit and the catalogue exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState } from '../../support/catalogue';
import { cliIn, jsonOf, makeTempDir, removeDir, type CliRun } from '../../support/cli';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('civic-cli-collections-');
});
afterEach(() => {
  removeDir(dir);
});

const cli = (...args: string[]) => cliIn(dir, args);

function ok(run: CliRun): string {
  expect(run.stderr, 'stderr of a successful run').toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

interface Listed {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
  recordCount: number;
  depth: number;
}

describe('collection', () => {
  it('adds, renames, moves, lists the tree and deletes, moving what a collection held up to its parent', async () => {
    expect(
      ok(await cli('collection', 'add', 'International partnerships', '--level', 'fonds', '--ref', 'LCC/IP')),
    ).toBe('Created fonds #1: International partnerships\n');
    ok(await cli('collection', 'add', 'Hangzhou', '--level', 'series', '--parent', '1'));
    ok(await cli('collection', 'add', 'Visit', '--level', 'file', '--parent', '2', '--description', 'The 2018 visit'));
    ok(await cli('collection', 'add', 'Signed copy', '--level', 'item', '--parent', '3'));
    ok(await cli('collection', 'rename', '3', '2018 delegation visit'));
    ok(await cli('add', '--type', 'letter', '--title', 'Invitation', '--collection-id', '2'));
    ok(await cli('collection', 'add', 'Leeds side', '--level', 'sub-fonds'));
    expect(ok(await cli('collection', 'move', '5', '1'))).toBe('Moved collection #5 Leeds side into #1\n');

    expect(ok(await cli('collection', 'list'))).toBe(
      [
        '#1 International partnerships [fonds] LCC/IP — 0 records',
        '  #2 Hangzhou [series] — 1 record',
        '    #3 2018 delegation visit [file] — 0 records',
        '      #4 Signed copy [item] — 0 records',
        '  #5 Leeds side [sub-fonds] — 0 records',
        '',
      ].join('\n'),
    );
    const tree = jsonOf<Listed[]>(await cli('collection', 'list', '--json'));
    expect(tree.map((c) => [c.id, c.parentId, c.level, c.depth])).toEqual([
      [1, null, 'fonds', 0],
      [2, 1, 'series', 1],
      [3, 2, 'file', 2],
      [4, 3, 'item', 3],
      [5, 1, 'sub-fonds', 1],
    ]);

    expect(ok(await cli('collection', 'delete', '2'))).toMatch(
      /^Deleted collection #2 Hangzhou \(revision \d+\); no record was deleted: its 1 record moved up to #1 International partnerships; its 1 sub-collection moved up to #1 International partnerships\.\n$/,
    );
    const record = jsonOf<{ collection: { id: number } | null }>(await cli('show', '1', '--json'));
    expect(record.collection?.id).toBe(1);
    expect(ok(await cli('collection', 'move', '3', 'top'))).toBe(
      'Moved collection #3 2018 delegation visit to the top\n',
    );
    const deleted = jsonOf<{ movedTo: unknown; snapshot: { children: number[] } }>(
      await cli('collection', 'delete', '3', '--json'),
    );
    expect(deleted).toMatchObject({ movedTo: null, snapshot: { children: [4] } });
    expect(jsonOf<Listed[]>(await cli('collection', 'list', '--json')).map((c) => [c.id, c.parentId])).toEqual([
      [1, null],
      [5, 1],
      [4, null],
    ]);
  }, 300_000);

  it('refuses an unknown id, a cycle, a level out of order, an unknown level and an empty name with one line, changing nothing', async () => {
    ok(await cli('collection', 'add', 'Fonds', '--level', 'fonds'));
    ok(await cli('collection', 'add', 'Series', '--level', 'series', '--parent', '1'));
    const before = catalogueState(dir);
    const cases: [string[], RegExp][] = [
      [['collection', 'rename', '9', 'Other'], /no collection #9/],
      [['collection', 'move', '1', '2'], /cannot be placed inside itself or its own sub-collections/],
      [['collection', 'move', '1', '1'], /cannot be placed inside itself/],
      [
        ['collection', 'add', 'Leeds', '--level', 'fonds', '--parent', '2'],
        /the level "fonds" is above the series "Series" it would be inside/,
      ],
      [['collection', 'level', '1', 'file'], /the level "file" is below the series "Series" it holds/],
      [['collection', 'level', '1', 'box'], /"box" is not an archival level/],
      [['collection', 'add', 'Box', '--level', 'box'], /"box" is not an archival level \(one of fonds, sub-fonds/],
      [['collection', 'add', 'Box'], /needs --level/],
      [['collection', 'add', '  ', '--level', 'series'], /needs a name that is not empty/],
      [['collection', 'rename', '1', ''], /needs a name that is not empty/],
      [['collection', 'add', 'Lost', '--level', 'file', '--parent', '42'], /no collection #42/],
      [['collection', 'delete', 'two'], /"two" is not a collection ID/],
      [['collection', 'tidy'], /needs one of add, rename, level, move, delete, list \(not "tidy"\)/],
      [['collection', 'list', '--level', 'fonds'], /unknown option --level for collection list/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^civic-archive: /);
      expect(lines[0]).toMatch(message);
    }
    expect(catalogueState(dir)).toEqual(before);
    // A level that fits is taken.
    expect(ok(await cli('collection', 'level', '2', 'sub-fonds'))).toBe('Collection #2 Series is now a sub-fonds\n');
  }, 300_000);
});
