/**
 * Kill test (issue 7, "Crashes and faults"): a 20,000-record CSV import through the CLI, SIGKILLed
 * at random points. The import is one transaction, so after every kill the catalogue must be intact
 * and hold either none of the records or all of them, each with its link, tag and change; re-running
 * the import completes it, and running it once more adds nothing (the rows are duplicates by
 * reference code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/catalogue';
import { catalogueHealth, cliKilledAfter, query, seededRandom } from '../../support/reliability';

const N = 20_000;
const AUTHORS = 97;

function writeCsv(file: string): void {
  const rows = ['Title,Date,Type,Ref,Author,Tags'];
  for (let i = 0; i < N; i++)
    rows.push(
      `Kill test record ${i},${1990 + (i % 30)}-0${1 + (i % 9)},Report,KILL/${i},Kill Person ${i % AUTHORS},killtag${i % 13}`,
    );
  fs.writeFileSync(file, rows.join('\n') + '\n');
}

/** The imported records and how many of them are complete (link, tag, create change). */
function importedState(lib: string): {
  records: number;
  distinctRefs: number;
  links: number;
  tags: number;
  creates: number;
  authors: number;
} {
  const [r] = query<{ records: number; distinctRefs: number }>(
    lib,
    "SELECT count(*) AS records, count(DISTINCT reference_code) AS distinctRefs FROM records WHERE reference_code LIKE 'KILL/%'",
  );
  const [l] = query<{ n: number }>(
    lib,
    "SELECT count(*) AS n FROM record_links l JOIN records r ON r.id = l.record_id JOIN authorities a ON a.id = l.authority_id WHERE r.reference_code LIKE 'KILL/%' AND l.role = 'author' AND a.name LIKE 'Kill Person %'",
  );
  const [t] = query<{ n: number }>(
    lib,
    "SELECT count(*) AS n FROM record_tags rt JOIN records r ON r.id = rt.record_id WHERE r.reference_code LIKE 'KILL/%'",
  );
  const [c] = query<{ n: number }>(
    lib,
    "SELECT count(*) AS n FROM changes c JOIN records r ON r.id = c.entity_id WHERE c.entity = 'record' AND c.action = 'create' AND r.reference_code LIKE 'KILL/%'",
  );
  const [a] = query<{ n: number }>(lib, "SELECT count(*) AS n FROM authorities WHERE name LIKE 'Kill Person %'");
  return { records: r!.records, distinctRefs: r!.distinctRefs, links: l!.n, tags: t!.n, creates: c!.n, authors: a!.n };
}

const NONE = { records: 0, distinctRefs: 0, links: 0, tags: 0, creates: 0, authors: 0 };
const ALL = { records: N, distinctRefs: N, links: N, tags: N, creates: N, authors: AUTHORS };

describe('SIGKILL during a 20,000-record metadata import', () => {
  it('leaves the catalogue intact with all or none of the records, and a re-run completes it without duplicates', async () => {
    const rnd = seededRandom('kill-metadata');
    const pristine = path.join(tempDir(), 'library');
    const csv = path.join(tempDir(), 'records.csv');
    writeCsv(csv);
    // The library exists first (init), so a kill never lands in the creation of the catalogue itself.
    const init = await cliKilledAfter(pristine, ['init'], undefined);
    expect(init.code, init.stderr).toBe(0);

    // Each kill hits a fresh copy of the empty library, so every one lands in a real import (not in a
    // re-run that only finds duplicates); the last killed copy is then re-run to completion.
    const outcomes: string[] = [];
    let lib = pristine;
    for (let k = 0; k < 4; k++) {
      lib = path.join(tempDir(), 'library');
      fs.cpSync(pristine, lib, { recursive: true });
      const delay = rnd.between(400, 9_000);
      const run = await cliKilledAfter(lib, ['import-metadata', csv, '--format', 'csv'], delay);
      const health = catalogueHealth(lib);
      const state = importedState(lib);
      outcomes.push(
        `kill ${k + 1} after ${delay} ms: ${run.killed ? 'killed' : `finished (exit ${run.code})`}, ${state.records} records`,
      );
      console.log(outcomes.at(-1));
      expect(health.integrity, outcomes.join('\n')).toEqual(['ok']);
      expect(health.foreignKeys, outcomes.join('\n')).toEqual([]);
      if (!run.killed) expect(run.code, run.stderr).toBe(0);
      expect([NONE, ALL], outcomes.join('\n')).toContainEqual(state);
    }

    // Re-run to completion, then once more: the second run finds every row already there.
    for (const pass of ['complete', 'again']) {
      const run = await cliKilledAfter(lib, ['--json', 'import-metadata', csv, '--format', 'csv'], undefined);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { imported: number; skipped: number };
      if (pass === 'again') expect(report).toMatchObject({ imported: 0, skipped: N });
      else expect(report.imported + report.skipped).toBe(N);
      expect(catalogueHealth(lib)).toEqual({ integrity: ['ok'], foreignKeys: [] });
      expect(importedState(lib)).toEqual(ALL);
    }
  }, 120_000);
});
