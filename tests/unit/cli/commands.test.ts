/**
 * The CLI door, through real child processes on real library folders: the contract of issue 2
 * (commands, --json output, exit codes, one-line errors) and that a refused write changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState, folderFingerprint } from '../../support/catalogue';
import { cliIn, jsonOf, makeTempDir, removeDir, runCliProcess, type CliRun } from '../../support/cli';

interface RecordJson {
  id: number;
  type: string;
  title: string;
  date: string | null;
  [key: string]: unknown;
}
interface LinkJson {
  authorityId: number;
  kind: string;
  name: string;
  role: string;
  note: string | null;
}
interface HitJson {
  id: number;
  type: string;
  title: string;
  date: string;
  score: number;
  matchedIn: string[];
}

const MOU_TITLE = 'Memorandum of understanding between Leeds and Hangzhou (2018)';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('civic-cli-');
});
afterEach(() => {
  removeDir(dir);
});

const cli = (...args: string[]) => cliIn(dir, args);

/** Exit 0, nothing on stderr. */
function expectSuccess(run: CliRun): void {
  expect(run.stderr, `stderr of a successful run`).toBe('');
  expect(run.code).toBe(0);
}

/** Exit 1 with exactly one line on stderr that names what is wrong, and nothing on stdout. */
function expectUserError(run: CliRun, ...mentions: string[]): string {
  expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, `stderr should be one line: ${run.stderr}`).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^civic-archive: \S/);
  for (const m of mentions) expect(line).toContain(m);
  return line;
}

async function listJson(): Promise<RecordJson[]> {
  const run = await cli('list', '--json', '--limit', '1000');
  expectSuccess(run);
  return jsonOf<RecordJson[]>(run);
}

async function loadSample(): Promise<void> {
  expectSuccess(await cli('sample'));
}

async function mouId(): Promise<number> {
  const mou = (await listJson()).find((r) => r.title === MOU_TITLE);
  expect(mou, 'the sample MoU').toBeDefined();
  return mou!.id;
}

describe('init', () => {
  it('creates a library in an empty folder and reports it', async () => {
    const run = await cli('init');
    expectSuccess(run);
    expect(run.stdout).toContain(dir);
    expect(fs.statSync(path.join(dir, 'catalogue.sqlite')).isFile()).toBe(true);

    const again = await cli('init', '--json');
    expectSuccess(again);
    const info = jsonOf<{ path: string; schemaVersion: number; revision: number; counts: { records: number } }>(again);
    expect(info.path).toBe(path.resolve(dir));
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.revision).toBe(0);
    expect(info.counts.records).toBe(0);
  });

  it('creates a folder that does not exist yet', async () => {
    const nested = path.join(dir, 'new', 'library');
    const run = await cliIn(nested, ['init']);
    expectSuccess(run);
    expect(fs.existsSync(path.join(nested, 'catalogue.sqlite'))).toBe(true);
  });
});

describe('sample', () => {
  it('loads the sample catalogue once; a second run adds nothing', async () => {
    const first = await cli('sample', '--json');
    expectSuccess(first);
    expect(jsonOf(first)).toMatchObject({ records: 5, authorities: 35, skipped: false });
    const after = catalogueState(dir);
    expect(after.records).toBe(5);
    expect(after.authorities).toBe(35);

    const second = await cli('sample', '--json');
    expectSuccess(second);
    expect(jsonOf(second)).toMatchObject({ records: 0, authorities: 0, skipped: true });
    expect(catalogueState(dir)).toEqual(after);

    const human = await cli('sample');
    expectSuccess(human);
    expect(human.stdout).toMatch(/already/);
    expect(await listJson()).toHaveLength(5);
  });
});

describe('add', () => {
  it('creates a record from options, and --json prints only the record as JSON', async () => {
    const run = await cli(
      'add',
      '--type',
      'press-release',
      '--title',
      'Leeds delegation returns from Hangzhou',
      '--date',
      '2018-09-14',
      '--ref',
      'LCC/PR/2018/77',
      '--language',
      'en',
      '--tag',
      't1',
      '--tag',
      'twinning',
      '--physical-location',
      'Civic Hall, box 12',
      '--access-status',
      'restricted',
      '--date-approximate',
      '--json',
    );
    expectSuccess(run);
    const record = jsonOf<RecordJson>(run);
    expect(record).toMatchObject({
      type: 'press-release',
      title: 'Leeds delegation returns from Hangzhou',
      date: '2018-09-14',
      dateApproximate: true,
      referenceCode: 'LCC/PR/2018/77',
      languages: ['en'],
      tags: ['t1', 'twinning'],
      physicalLocation: 'Civic Hall, box 12',
      accessStatus: 'restricted',
    });
    expect(Number.isInteger(record.id) && record.id > 0).toBe(true);

    // It is really in the catalogue, as the same record.
    const shown = await cli('show', String(record.id), '--json');
    expectSuccess(shown);
    expect(jsonOf<RecordJson>(shown)).toMatchObject({
      id: record.id,
      referenceCode: 'LCC/PR/2018/77',
      physicalLocation: 'Civic Hall, box 12',
    });
    expect(catalogueState(dir).records).toBe(1);
  });

  it('prints one human line without --json', async () => {
    const run = await cli('add', '--type', 'letter', '--title', 'Letter to the Mayor of Hangzhou');
    expectSuccess(run);
    expect(run.stdout.trim()).toMatch(/^Created record #\d+: Letter to the Mayor of Hangzhou$/);
  });
});

describe('show', () => {
  it('shows the sample MoU with its links as JSON', async () => {
    await loadSample();
    const id = await mouId();
    const run = await cli('show', String(id), '--json');
    expectSuccess(run);
    const mou = jsonOf<RecordJson & { links: LinkJson[]; commitments: unknown[] }>(run);
    expect(mou).toMatchObject({ id, type: 'agreement', title: MOU_TITLE, date: '2018-09' });
    expect(mou.links.length).toBeGreaterThan(0);
    expect(mou.links).toContainEqual(
      expect.objectContaining({ name: 'Judith Blake', kind: 'person', role: 'signatory' }),
    );
    expect(mou.links).toContainEqual(expect.objectContaining({ name: 'Hangzhou', kind: 'place', role: 'party' }));
    expect(mou.commitments.length).toBe(4);
  });

  it('shows a record as text without --json', async () => {
    await loadSample();
    const run = await cli('show', String(await mouId()));
    expectSuccess(run);
    expect(run.stdout).toContain(MOU_TITLE);
    expect(run.stdout).toContain('signatory: Judith Blake');
    expect(() => JSON.parse(run.stdout)).toThrow();
  });
});

describe('list', () => {
  it('prints an array of records with --json, and filters by type and limit', async () => {
    await loadSample();
    const all = await cli('list', '--json');
    expectSuccess(all);
    const records = jsonOf<RecordJson[]>(all);
    expect(Array.isArray(records)).toBe(true);
    expect(records).toHaveLength(5);
    for (const r of records) {
      expect(r).toEqual(
        expect.objectContaining({ id: expect.any(Number), type: expect.any(String), title: expect.any(String) }),
      );
      expect('date' in r).toBe(true);
    }
    expect(records.filter((r) => r.type === 'agreement')).toHaveLength(3);

    const two = await cli('list', '--type', 'agreement', '--limit', '2', '--json');
    expectSuccess(two);
    const agreements = jsonOf<RecordJson[]>(two);
    expect(agreements).toHaveLength(2);
    expect(agreements.every((r) => r.type === 'agreement')).toBe(true);

    const human = await cli('list', '--type', 'agreement', '--limit', '2');
    expectSuccess(human);
    expect(human.stdout).toContain('2 of 3 records');
  });

  it('prints an empty array for an empty library', async () => {
    const run = await cli('list', '--json');
    expectSuccess(run);
    expect(jsonOf(run)).toEqual([]);
  });

  it('pages on past the 1,000 the service gives at once with --offset and --limit, and streams every record with --all', async () => {
    expectSuccess(await cli('init'));
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    const insert = db.prepare(
      "INSERT INTO records (type, title, date, created_at, updated_at) VALUES ('report', ?, ?, '2020-01-01', '2020-01-01')",
    );
    db.transaction(() => {
      for (let i = 1; i <= 2345; i++) insert.run(`Report ${i}`, `20${String(10 + (i % 10))}-01-01`);
    })();
    db.close();
    const every = jsonOf<RecordJson[]>(await cli('list', '--all', '--json'));
    expect(every).toHaveLength(2345);
    expect(new Set(every.map((r) => r.id)).size).toBe(2345);
    // Pages of a long list join up to the whole list, in its order.
    const first = jsonOf<RecordJson[]>(await cli('list', '--limit', '1200', '--json'));
    const rest = jsonOf<RecordJson[]>(await cli('list', '--offset', '1200', '--limit', '5000', '--json'));
    expect([...first, ...rest].map((r) => r.id)).toEqual(every.map((r) => r.id));
    const text = await cli('list', '--offset', '2300');
    expectSuccess(text);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(46);
    expect(text.stdout).toContain('45 of 2345 records');
    const more = await cli('list', '--limit', '3');
    expect(more.stdout).toContain('3 of 2345 records; the next with --offset 3, or all with --all');
    expectUserError(await cli('list', '--all', '--limit', '5'), '--all');
  });
});

describe('search', () => {
  it('finds sample records despite a typo, each hit with a score', async () => {
    await loadSample();
    const run = await cli('search', 'Hangzou', '--json');
    expectSuccess(run);
    const hits = jsonOf<HitJson[]>(run);
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit).toEqual(
        expect.objectContaining({
          id: expect.any(Number),
          type: expect.any(String),
          title: expect.any(String),
          date: expect.any(String),
        }),
      );
      expect(typeof hit.score).toBe('number');
      expect(hit.score).toBeGreaterThan(0);
    }
    expect(hits.map((h) => h.title)).toContain(MOU_TITLE);
    const known = new Set((await listJson()).map((r) => r.id));
    expect(hits.every((h) => known.has(h.id))).toBe(true);
  });

  it('finds records through the Chinese alternate names of their authorities', async () => {
    await loadSample();
    const run = await cli('search', '杭州', '--json');
    expectSuccess(run);
    const hits = jsonOf<HitJson[]>(run);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.title)).toContain(MOU_TITLE);
    // The MoU's own text has no Chinese: the hit can only come from the linked place's alternate name.
    const mou = await cli('show', String(await mouId()), '--json');
    expect(mou.stdout).not.toContain('杭州');
  });

  it('finds nothing for a word in no record, and says so', async () => {
    await loadSample();
    const json = await cli('search', 'zzyzxquux', '--json');
    expectSuccess(json);
    expect(jsonOf(json)).toEqual([]);
    const human = await cli('search', 'zzyzxquux');
    expectSuccess(human);
    expect(human.stdout).toContain('Nothing matches');
  });
});

describe('delete', () => {
  it('deletes a record; showing it afterwards is a user error', async () => {
    await loadSample();
    const id = await mouId();
    const run = await cli('delete', String(id));
    expectSuccess(run);
    expect(run.stdout).toContain(`#${id}`);
    expect((await listJson()).map((r) => r.id)).not.toContain(id);
    expectUserError(await cli('show', String(id)), `#${id}`);
    // Deleting it again is refused and changes nothing.
    const before = catalogueState(dir);
    expectUserError(await cli('delete', String(id)), `#${id}`);
    expect(catalogueState(dir)).toEqual(before);
  });
});

describe('user errors: exit 1, one line on stderr, catalogue unchanged', () => {
  /** A sampled library plus one record with a reference code, to collide with. */
  async function seeded(): Promise<Record<string, number>> {
    await loadSample();
    expectSuccess(await cli('add', '--type', 'report', '--title', 'Annual twinning report', '--ref', 'LCC/REP/1'));
    return catalogueState(dir);
  }

  it('refuses an impossible date, naming it', async () => {
    const before = await seeded();
    expectUserError(await cli('add', '--type', 'agreement', '--title', 'X', '--date', '2018-13-40'), '2018-13-40');
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses an impossible day in a real month', async () => {
    const before = await seeded();
    expectUserError(await cli('add', '--type', 'agreement', '--title', 'X', '--date', '2018-02-30'), '2018-02-30');
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses an unknown record type, naming it', async () => {
    const before = await seeded();
    expectUserError(await cli('add', '--type', 'treaty', '--title', 'X'), 'treaty');
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses an empty title', async () => {
    const before = await seeded();
    expectUserError(await cli('add', '--type', 'agreement', '--title', ''), 'title');
    expectUserError(await cli('add', '--type', 'agreement', '--title', '   '), 'title');
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses a duplicate reference code, naming it', async () => {
    const before = await seeded();
    expectUserError(await cli('add', '--type', 'letter', '--title', 'Another', '--ref', 'LCC/REP/1'), 'LCC/REP/1');
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses an unknown command, before touching the library folder', async () => {
    const fresh = path.join(dir, 'not-yet');
    expectUserError(await cliIn(fresh, ['frobnicate']), 'frobnicate');
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('refuses an unknown option on every command', async () => {
    const before = await seeded();
    for (const command of [
      ['add', '--type', 'letter', '--title', 'X'],
      ['list'],
      ['init'],
      ['sample'],
      ['search', 'Leeds'],
      ['show', '1'],
      ['delete', '1'],
    ]) {
      expectUserError(await cli(...command, '--colour', 'red'), '--colour');
    }
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses a record ID that is not a positive whole number', async () => {
    const before = await seeded();
    expectUserError(await cli('delete', 'abc'), 'abc');
    expectUserError(await cli('delete', '0'), '"0"');
    expectUserError(await cli('show'), 'show');
    expect(catalogueState(dir)).toEqual(before);
  });

  it('refuses a --library that is a regular file, leaving the file alone', async () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'not a library\n');
    expectUserError(await cliIn(file, ['init']), file);
    expectUserError(await cliIn(file, ['add', '--type', 'letter', '--title', 'X']), file);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a library\n');
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses a library made by a newer version, leaving its bytes unchanged', async () => {
    await seeded();
    const file = path.join(dir, 'catalogue.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = folderFingerprint(dir);
    expect(before['catalogue.sqlite']).toBeDefined();

    expectUserError(await cli('list', '--json'), 'newer version');
    expectUserError(await cli('add', '--type', 'letter', '--title', 'X'), 'newer version');
    expectUserError(await cli('init'), 'newer version');
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses a corrupt catalogue.sqlite, leaving it unchanged', async () => {
    fs.writeFileSync(path.join(dir, 'catalogue.sqlite'), 'this is not SQLite at all');
    const before = folderFingerprint(dir);
    expectUserError(await cli('list'), 'corrupt');
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses a folder that is not a library (other files, no catalogue)', async () => {
    fs.writeFileSync(path.join(dir, 'thesis.docx'), 'mine');
    const before = folderFingerprint(dir);
    expectUserError(await cli('init'), 'not a Civic Archive library');
    expect(folderFingerprint(dir)).toEqual(before);
  });
});

describe('CIVIC_ARCHIVE_LIBRARY', () => {
  it('is the library when --library is absent', async () => {
    const env = { CIVIC_ARCHIVE_LIBRARY: dir };
    const init = await runCliProcess(['init', '--json'], { env });
    expectSuccess(init);
    expect(jsonOf<{ path: string }>(init).path).toBe(path.resolve(dir));

    const added = await runCliProcess(['add', '--type', 'photograph', '--title', 'Delegation at West Lake', '--json'], {
      env,
    });
    expectSuccess(added);
    const id = jsonOf<RecordJson>(added).id;
    // The record went into that folder: --library on the same folder sees it.
    expect((await listJson()).map((r) => r.id)).toEqual([id]);
  });

  it('gives way to --library', async () => {
    const other = makeTempDir('civic-cli-');
    try {
      const run = await runCliProcess(['--library', dir, 'add', '--type', 'letter', '--title', 'To the flag library'], {
        env: { CIVIC_ARCHIVE_LIBRARY: other },
      });
      expectSuccess(run);
      expect(catalogueState(dir).records).toBe(1);
      expect(fs.readdirSync(other)).toEqual([]);
    } finally {
      removeDir(other);
    }
  });
});

describe('calls refused before the library is touched', () => {
  it('no command: one line on stderr, exit 1', async () => {
    expectUserError(await runCliProcess(['--library', path.join(dir, 'lib')]), 'no command');
  });

  it('an empty --library is refused rather than falling back to the default library', async () => {
    expectUserError(await runCliProcess(['--library', '', 'init']), '--library is empty');
  });

  it('a wrong call does not create a library in a missing folder', async () => {
    const lib = path.join(dir, 'not-yet');
    expectUserError(await runCliProcess(['--library', lib, 'add', '--type', 'bogus', '--title', 'x']), 'bogus');
    expectUserError(await runCliProcess(['--library', lib, 'init', '--colour', 'red']), '--colour');
    expectUserError(await runCliProcess(['--library', lib, 'show', '1', '2']), '"2"');
    expectUserError(await runCliProcess(['--library', lib, 'add', '--type', 'report']), '--title');
    expect(fs.existsSync(lib)).toBe(false);
  });
});
