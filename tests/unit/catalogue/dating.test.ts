/**
 * An agreement's date signed dates it unless the archivist gives another date (issue 15): the
 * list's sort, the timeline, the year facet and `year:` all follow the date it is given.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { datingOf } from '../../../src/main/catalogue/dating';
import { buildRecordSearch } from '../../../src/shared/search/engine';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

const none = { date: null, dateEnd: null, dateSigned: null };

describe('the dating rule', () => {
  it('dates an undated agreement by its date signed, and nothing else', () => {
    expect(datingOf('agreement', { ...none, dateSigned: '2018-09-14' }, null)).toBe('2018-09-14');
    expect(datingOf('agreement', { ...none, date: '2018-09', dateSigned: '2018-09-14' }, null)).toBeUndefined();
    expect(datingOf('letter', { ...none }, null)).toBeUndefined();
    expect(datingOf('agreement', { ...none }, null)).toBeUndefined();
  });

  it('moves a date that followed the date signed, and keeps one the archivist gave', () => {
    const followed = { ...none, date: '2018-09-14', dateSigned: '2018-09-14' };
    expect(datingOf('agreement', { ...followed, dateSigned: '2018-09-15' }, followed)).toBe('2018-09-15');
    // Both changed together: the new date is the archivist's.
    expect(datingOf('agreement', { ...none, date: '2018-10', dateSigned: '2018-09-15' }, followed)).toBeUndefined();
    const given = { ...none, date: '2018-09', dateSigned: '2018-09-14' };
    expect(datingOf('agreement', { ...given, dateSigned: '2018-09-20' }, given)).toBeUndefined();
    // The date signed cleared: a followed date goes with it, unless an end date needs it.
    expect(datingOf('agreement', { ...followed, dateSigned: null }, followed)).toBeNull();
    const ranged = { ...followed, dateEnd: '2019' };
    expect(datingOf('agreement', { ...ranged, dateSigned: null }, ranged)).toBeUndefined();
  });
});

describe('an agreement dated only by its signing', () => {
  let lib: TestLibrary | undefined;
  afterEach(async () => {
    await lib?.close();
    lib = undefined;
  });

  it('is in the 2018 timeline bar, the year facet and year:2018, and sorts by its date', async () => {
    lib = await openTestLibrary();
    const before = await lib.ok('createRecord', { type: 'report', title: 'Annual report', date: '2018-03-01' });
    const after = await lib.ok('createRecord', { type: 'letter', title: 'Letter of thanks', date: '2018-12-01' });
    const later = await lib.ok('createRecord', { type: 'report', title: 'Later report', date: '2019-05-01' });
    const signed = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Memorandum of Understanding on Friendship',
      agreementKind: 'mou',
      dateSigned: '2018-09-14',
    });
    expect(signed.date).toBe('2018-09-14');
    expect(signed.dateSigned).toBe('2018-09-14');

    const perYear = await lib.ok('recordsPerYear', {});
    expect(perYear.undated).toBe(0);
    expect(perYear.years).toEqual([
      { year: 2018, count: 3 },
      { year: 2019, count: 1 },
    ]);
    expect(
      (await lib.ok('listRecords', { year: 2018, sort: 'date', direction: 'asc' })).items.map((r) => r.id),
    ).toEqual([before.id, signed.id, after.id]);
    const all = await lib.ok('listRecords', { sort: 'date', direction: 'desc' });
    expect(all.items.map((r) => r.id)).toEqual([later.id, after.id, signed.id, before.id]);

    const engine = buildRecordSearch((await lib.ok('searchDocuments', {})).upserts);
    const found = engine.search('year:2018', { sort: 'date-asc' });
    expect(found.hits.map((h) => h.id)).toEqual([before.id, signed.id, after.id]);
    expect(engine.search('memorandum').facets.year).toEqual([{ value: '2018', count: 1 }]);
  });

  it('follows its date signed when edited, until it is given a date of its own', async () => {
    lib = await openTestLibrary();
    const r = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Twinning agreement',
      dateSigned: '1988-06-01',
    });
    const moved = await lib.ok('updateRecord', { id: r.id, patch: { dateSigned: '1988-06-03' } });
    expect(moved.date).toBe('1988-06-03');
    // The editor sends the whole form: the unchanged date beside the new date signed still follows.
    const again = await lib.ok('updateRecord', { id: r.id, patch: { date: '1988-06-03', dateSigned: '1988-06-04' } });
    expect(again.date).toBe('1988-06-04');
    const own = await lib.ok('updateRecord', { id: r.id, patch: { date: '1988' } });
    expect(own.date).toBe('1988');
    const kept = await lib.ok('updateRecord', { id: r.id, patch: { dateSigned: '1988-07-01' } });
    expect(kept.date).toBe('1988');
    // Clearing the date hands the dating back to the date signed.
    const cleared = await lib.ok('updateRecord', { id: r.id, patch: { date: null } });
    expect(cleared.date).toBe('1988-07-01');
    const audit = await lib.ok('auditTrail', { entity: 'record', id: r.id });
    expect(audit.filter((a) => a.field === 'date').map((a) => a.newValue)).toEqual([
      '1988-06-01',
      '1988-06-03',
      '1988-06-04',
      '1988',
      '1988-07-01',
    ]);
  });
});
