/**
 * Every refusal reaches a door as a stable reason with the params its wording needs, and the
 * English `message` is that reason worded by the one table (src/shared/errors/en.ts): real
 * refusals, driven through the service against a real catalogue, each leaving it as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishFor } from '../../../src/shared/errors/en';
import { ERROR_REASONS, type ErrorReason, type ReasonParams } from '../../../src/shared/errors/reasons';
import type { ArchiveError } from '../../../src/shared/result';
import { openLibrary } from '../../../src/main/catalogue/library';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await openTestLibrary();
});
afterAll(async () => {
  await lib.close();
});

/** Calls a channel that must be refused; checks the catalogue is unchanged and the message is the reason worded. */
async function refusal(channel: string, input: unknown): Promise<ArchiveError> {
  const before = catalogueState(lib.dir);
  const result = await lib.service.invoke(channel, input);
  expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect(catalogueState(lib.dir)).toEqual(before);
  const { reason, params } = result.error;
  expect(reason && (ERROR_REASONS as readonly string[]).includes(reason)).toBe(true);
  expect(result.error.message).toBe(englishFor(reason!, params as ReasonParams[ErrorReason]));
  return result.error;
}

describe('refusals carry a reason and params', () => {
  it('a field the contract refuses: field_invalid with the field, zod issue code and limit', async () => {
    expect(await refusal('createRecord', { type: 'letter' })).toMatchObject({
      code: 'invalid_input',
      field: 'title',
      reason: 'field_invalid',
      params: { field: 'title', problem: 'invalid_type' },
      message: 'title: must be text',
    });
    expect(await refusal('createRecord', { type: 'letter', title: '  ' })).toMatchObject({
      params: { field: 'title', problem: 'empty', limit: 1, origin: 'string' },
    });
    const long = await refusal('createRecord', { type: 'letter', title: 'x'.repeat(5_000) });
    expect(long).toMatchObject({
      reason: 'field_invalid',
      params: { field: 'title', problem: 'too_big', origin: 'string' },
    });
    expect(typeof long.params!.limit).toBe('number');
    expect(await refusal('createRecord', { type: 'letter', title: 'A', date: '2018-02-30' })).toMatchObject({
      field: 'date',
      params: { field: 'date', problem: 'not_date', value: '2018-02-30' },
    });
  });

  it('the model’s cross-field checks name their problem, on create and on update', async () => {
    expect(await refusal('createRecord', { type: 'letter', title: 'A', date: '2019', dateEnd: '2018' })).toMatchObject({
      reason: 'field_invalid',
      params: { field: 'dateEnd', problem: 'end_before_start' },
    });
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Letter to Hangzhou' });
    expect(await refusal('updateRecord', { id: r.id, patch: { medium: 'radio' } })).toMatchObject({
      reason: 'field_invalid',
      params: { field: 'medium', problem: 'only_media_coverage' },
    });
  });

  it('something missing: not_found with its kind and id', async () => {
    expect(await refusal('getRecord', { id: 9_999 })).toMatchObject({
      code: 'not_found',
      reason: 'not_found',
      params: { kind: 'record', id: 9_999 },
      message: 'there is no record #9999',
    });
    expect(await refusal('getAuthority', { id: 8_888 })).toMatchObject({
      params: { kind: 'authority', id: 8_888 },
    });
    expect(await refusal('removeStyle', { style: 'no-such-style' })).toMatchObject({
      params: { kind: 'installedStyle', id: 'no-such-style' },
    });
  });

  it('a reference code already used names the code and the record holding it', async () => {
    const held = await lib.ok('createRecord', { type: 'report', title: 'Annual report', referenceCode: 'AR-1' });
    expect(await refusal('createRecord', { type: 'report', title: 'Other', referenceCode: 'AR-1' })).toMatchObject({
      code: 'conflict',
      reason: 'reference_code_used',
      params: { code: 'AR-1', id: held.id, title: 'Annual report' },
      field: 'referenceCode',
    });
  });

  it('an authority still linked: authority_in_use with its kind, name and count', async () => {
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    for (const title of ['One', 'Two']) {
      await lib.ok('createRecord', {
        type: 'letter',
        title,
        links: [{ authorityId: blake.id, role: 'author' }],
      });
    }
    expect(await refusal('deleteAuthority', { id: blake.id })).toMatchObject({
      code: 'in_use',
      reason: 'authority_in_use',
      params: { kind: 'person', name: 'Judith Blake', count: 2 },
      message: 'person "Judith Blake" is linked to 2 records; unlink it or merge it into another person first',
    });
  });

  it('one refused item of a batch: batch_item_refused carrying the item’s own reason and params', async () => {
    const r = await lib.ok('createRecord', { type: 'letter', title: 'Batch letter' });
    await lib.ok('updateRecord', { id: r.id, patch: { description: 'edited elsewhere' } });
    const error = await refusal('patchRecords', {
      items: [{ id: r.id, patch: { tags: ['mine'] }, expectedRevision: r.revision }],
    });
    expect(error).toMatchObject({
      code: 'conflict',
      reason: 'batch_item_refused',
      params: { batchId: r.id, batchTitle: 'Batch letter', cause: 'stale_revision', expected: r.revision },
    });
    expect(error.message).toMatch(
      /^nothing was changed: record #\d+ “Batch letter”: record #\d+ was changed elsewhere/,
    );
  });

  it('a file that is not UTF-8 or not readable as its format: not_utf8 and parse_failed', async () => {
    expect(await refusal('importMetadata', { content: 'title\nCaf\uFFFD\n', format: 'csv' })).toMatchObject({
      reason: 'not_utf8',
      params: { line: 2, source: 'csv' },
    });
    expect(
      await refusal('importMetadata', { content: '@article{key,\n  title = {Open\n', format: 'bibtex' }),
    ).toMatchObject({ reason: 'parse_failed', params: { format: 'bibtex' }, field: 'content' });
    expect(await refusal('importMetadata', { content: 'just some words' })).toMatchObject({
      reason: 'import_format_unknown',
    });
    expect(await refusal('importMetadata', { content: 'name,place\nA,B\n', format: 'csv' })).toMatchObject({
      reason: 'mapping_no_title',
      params: { columns: 'name, place' },
    });
  });

  it('an unknown operation is refused by name', async () => {
    expect(await refusal('noSuchChannel', {})).toMatchObject({
      reason: 'unknown_operation',
      params: { channel: 'noSuchChannel' },
    });
  });
});

describe('a library refused on opening', () => {
  it('one made by a newer version says library_newer with both versions', async () => {
    const dir = path.join(tempDir(), 'newer');
    (await openLibrary(dir)).close();
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(path.join(dir, 'catalogue.sqlite'));
    const refused = await openLibrary(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({
      code: 'library',
      reason: 'library_newer',
      params: { root: dir, version: 999 },
    });
    expect(fs.readFileSync(path.join(dir, 'catalogue.sqlite')).equals(before)).toBe(true);
  });

  it('another application’s database says library_not_ours', async () => {
    const dir = path.join(tempDir(), 'foreign');
    fs.mkdirSync(dir);
    const db = new Database(path.join(dir, 'catalogue.sqlite'));
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const refused = await openLibrary(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ reason: 'library_not_ours', params: { path: path.join(dir, 'catalogue.sqlite') } });
  });
});
