/**
 * Refusals carry a stable reason and its parameters besides the English message: undo recognises
 * a record that moved on by `reason`, never by matching the words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('refusals carry a reason', () => {
  it('a stale update and a stale delete say stale_revision, with the revisions, and change nothing', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter to Hangzhou' });
    const edited = await lib.ok('updateRecord', { id: r.id, patch: { description: 'edited by a colleague' } });
    await lib.close();
    const state = catalogueState(lib.dir);
    lib = await openTestLibrary(lib.dir);

    const update = await lib.service.call('updateRecord', {
      id: r.id,
      patch: { title: 'Mine' },
      expectedRevision: r.revision,
    });
    expect(update.ok || update.error).toEqual({
      code: 'conflict',
      message: expect.stringMatching(/changed elsewhere/) as unknown,
      field: 'expectedRevision',
      reason: 'stale_revision',
      params: { id: r.id, expected: r.revision, current: edited.revision, action: 'edit' },
    });
    const remove = await lib.service.call('deleteRecordRestorably', { id: r.id, expectedRevision: r.revision });
    expect(remove.ok || remove.error).toMatchObject({
      code: 'conflict',
      reason: 'stale_revision',
      params: { id: r.id, expected: r.revision, current: edited.revision, action: 'delete' },
    });
    await lib.close();
    expect(catalogueState(lib.dir)).toEqual(state);
    lib = await openTestLibrary(lib.dir);
  });

  it('restoring a record that is there says record_exists; one that never was says not_found', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter to Hangzhou' });
    const deleted = await lib.ok('deleteRecordRestorably', { id: r.id });
    const input = { id: r.id, deletedRevision: deleted.revision, snapshot: deleted.snapshot };
    await lib.ok('restoreRecord', input);
    const again = await lib.service.call('restoreRecord', input);
    expect(again.ok || again.error).toMatchObject({ code: 'conflict', reason: 'record_exists', params: { id: r.id } });
    const never = await lib.service.call('restoreRecord', { ...input, id: 9999 });
    expect(never.ok || never.error).toMatchObject({
      code: 'not_found',
      reason: 'not_found',
      params: { kind: 'deletedRecord', id: 9999 },
      message: 'there was never a record #9999',
    });
  });
});
