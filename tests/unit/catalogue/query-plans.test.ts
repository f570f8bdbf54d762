/** The hot queries must use their indexes: at 100,000 records a full scan and sort per page shows. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/catalogue/library';
import { listQuery, perYearQuery } from '../../../src/main/catalogue/record-list';
import { RECORD_SORTS } from '../../../src/shared/contract';
import { tempDir } from '../../support/catalogue';

let lib: Library;
beforeAll(async () => {
  lib = await openLibrary(path.join(tempDir(), 'lib'));
});
afterAll(() => lib.close());

function plan(sql: string, params: unknown[]): string {
  return (lib.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

describe('query plans', () => {
  for (const sort of RECORD_SORTS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`the record list sorted by ${sort} ${direction} pages through an index, without a temp sort`, () => {
        const q = listQuery({ sort, direction });
        const p = plan(q.page, [...q.params, 100, 0]);
        expect(p).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/);
        expect(p).not.toMatch(/TEMP B-TREE/);
      });
    }
  }

  it('the records of an authority are found through the link index', () => {
    const q = listQuery({ sort: 'date', direction: 'desc', authorityId: 1 });
    expect(plan(q.page, [...q.params, 100, 0])).toMatch(/record_links_authority/);
  });

  it('a year of the timeline is a range of the date index', () => {
    const q = listQuery({ sort: 'date', direction: 'desc', year: 1988 });
    expect(plan(q.page, [...q.params, 100, 0])).toMatch(/records_date \(date>\? AND date<\?\)/);
  });

  it('records per year are counted from the date index alone, without reading the records', () => {
    const q = perYearQuery({});
    expect(plan(q.years, q.params)).toMatch(/COVERING INDEX records_date/);
    expect(plan(q.undated, q.params)).toMatch(/COVERING INDEX records_date/);
  });

  it('the ids of a range page through the same index as the list', () => {
    const q = listQuery({ sort: 'title', direction: 'asc' });
    expect(plan(q.ids, [...q.params, 100, 0])).toMatch(/records_title/);
  });

  it('the change feed reads by revision', () => {
    expect(plan('SELECT * FROM changes WHERE revision > ? ORDER BY revision LIMIT ?', [0, 10])).toMatch(
      /INTEGER PRIMARY KEY/,
    );
  });
});
