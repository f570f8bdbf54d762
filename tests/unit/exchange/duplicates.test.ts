/**
 * What a duplicate is on import (issue 11): the same reference code, or the same content — never
 * the same title and date alone. A metadata row that describes another record (another
 * description, another type) is imported, not skipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});

describe('duplicates in a metadata import', () => {
  it('the same title and date with a differing field, or another type, is another record', async () => {
    lib = await openTestLibrary();
    const first = await lib.ok('createRecord', {
      type: 'report',
      title: 'Trade mission report',
      date: '2018-09',
      description: 'The Leeds mission to Hangzhou.',
    });
    const items = [
      {
        id: 'same',
        type: 'report',
        title: 'Trade mission report',
        issued: { 'date-parts': [[2018, 9]] },
        abstract: 'The Leeds mission to Hangzhou.',
      },
      {
        id: 'other-text',
        type: 'report',
        title: 'Trade mission report',
        issued: { 'date-parts': [[2018, 9]] },
        abstract: 'The Hangzhou mission to Leeds.',
      },
      {
        id: 'other-type',
        type: 'personal_communication',
        title: 'Trade mission report',
        issued: { 'date-parts': [[2018, 9]] },
      },
    ];
    const report = await lib.ok('importMetadata', { content: JSON.stringify(items) });
    expect(report.rows.map((r) => [r.status, r.reason ?? ''])).toEqual([
      ['skipped', `duplicate: the same title, date and type as record #${first.id}, and no field that differs`],
      ['imported', ''],
      ['imported', ''],
    ]);
    expect((await lib.ok('listRecords', {})).total).toBe(3);
  });
});
