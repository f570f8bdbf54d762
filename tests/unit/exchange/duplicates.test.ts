/**
 * What a duplicate is on import (issue 11): the same reference code, or the same content — never
 * the same title and date alone. A metadata row that describes another record (another
 * description, another type) is imported, not skipped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { englishRowNote } from '../../../src/shared/reports/row-note';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});

describe('duplicates in a metadata import', () => {
  it('the same title and date, even with every field alike, is only a possible duplicate', async () => {
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
    expect(report.rows.map((r) => [r.status, englishRowNote(r)])).toEqual([
      ['imported', `possible duplicate: the same title and date as record #${first.id}`],
      ['imported', `possible duplicate: the same title and date as record #${first.id}`],
      ['imported', `possible duplicate: the same title and date as record #${first.id}`],
    ]);
    // Imported, but flagged in the report (the preview) with the record it may repeat, for the user to decide.
    expect(report.rows.map((r) => r.possibleDuplicateOf)).toEqual([first.id, first.id, first.id]);
    expect((await lib.ok('listRecords', {})).total).toBe(4);
  });

  it('the user can skip the possible duplicates instead; five Springfields are otherwise five records', async () => {
    lib = await openTestLibrary();
    const first = await lib.ok('createRecord', {
      type: 'other',
      title: 'Springfield',
      date: '1990',
      description: 'Springfield, Oregon',
    });
    const town = (state: string) => ({
      id: state,
      type: 'document',
      title: 'Springfield',
      issued: { 'date-parts': [[1990]] },
      abstract: `Springfield, ${state}`,
    });
    const other = { id: 'other', type: 'document', title: 'Shelbyville', issued: { 'date-parts': [[1990]] } };
    const content = JSON.stringify([town('Illinois'), town('Massachusetts'), other]);
    const skipped = await lib.ok('previewMetadataImport', { content, possibleDuplicates: 'skip' });
    expect(skipped.rows.map((r) => [r.status, r.possibleDuplicateOf])).toEqual([
      ['skipped', first.id],
      ['skipped', first.id],
      ['imported', undefined],
    ]);
    const kept = await lib.ok('importMetadata', { content });
    expect(kept).toMatchObject({ imported: 3, skipped: 0 });
    expect((await lib.ok('listRecords', {})).total).toBe(4);
  });
});
