/**
 * Every door validates: malformed input to any channel gets one clear error naming what is wrong,
 * and the catalogue (every table's rows and the revision) is left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';
import { catalogueState, openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
let mouId: number;
let blakeId: number;

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
  const records = await lib.ok('listRecords', { type: 'agreement', limit: 100 });
  mouId = records.items.find((r) => /memorandum of understanding/i.test(r.title))!.id;
  blakeId = (await lib.ok('listAuthorities', { query: 'Judith Blake' })).items[0]!.id;
});
afterAll(async () => {
  await lib.close();
});

async function expectRefused(
  channel: string,
  input: unknown,
  expected: { code?: string; field?: string; message?: RegExp } = {},
) {
  const before = catalogueState(lib.dir);
  const result = await lib.service.invoke(channel, input);
  expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
  if (result.ok) return;
  expect(result.error.message.length).toBeGreaterThan(5);
  expect(result.error.message).not.toMatch(/\n/);
  if (expected.code) expect(result.error.code).toBe(expected.code);
  if (expected.field) expect(result.error.field).toBe(expected.field);
  if (expected.message) expect(result.error.message).toMatch(expected.message);
  expect(catalogueState(lib.dir)).toEqual(before);
}

describe('every channel refuses malformed input and changes nothing', () => {
  const garbage: unknown[] = [null, 42, 'text', [], { notAField: 1 }, { id: -1 }, { id: 'abc' }];
  for (const channel of CHANNELS) {
    it(channel, async () => {
      for (const input of garbage) await expectRefused(channel, input, { code: 'invalid_input' });
    });
  }

  it('an unknown channel', async () => {
    await expectRefused('dropTables', {}, { code: 'invalid_input', message: /unknown operation "dropTables"/ });
  });
});

describe('the bad inputs an archivist will type', () => {
  it('an impossible date', async () => {
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', date: '2018-13-40' },
      { field: 'date', message: /2018-13-40.*month 13/ },
    );
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', date: '2019-02-29' },
      { field: 'date', message: /day 29 does not exist/ },
    );
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', date: '14/09/2018' },
      { field: 'date', message: /YYYY-MM-DD/ },
    );
    await expectRefused('updateRecord', { id: mouId, patch: { date: '2018-13-40' } }, { field: 'patch.date' });
  });

  it('an end date before the start date', async () => {
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', date: '2019', dateEnd: '2018-12' },
      { field: 'dateEnd', message: /before the start/ },
    );
  });

  it('a duplicate reference code', async () => {
    await lib.ok('createRecord', { type: 'report', title: 'Holder', referenceCode: 'LCC/IP/1' });
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', referenceCode: 'LCC/IP/1' },
      { code: 'conflict', field: 'referenceCode', message: /already used by record #\d+ "Holder"/ },
    );
    await expectRefused(
      'updateRecord',
      { id: mouId, patch: { referenceCode: ' LCC/IP/1 ' } },
      { code: 'conflict', field: 'referenceCode' },
    );
  });

  it('an unknown record type', async () => {
    await expectRefused('createRecord', { type: 'podcast', title: 'R' }, { field: 'type', message: /press-release/ });
  });

  it('an empty title', async () => {
    await expectRefused(
      'createRecord',
      { type: 'report', title: '   ' },
      { field: 'title', message: /^title: must not be empty$/ },
    );
    await expectRefused('createRecord', { type: 'report' }, { field: 'title' });
    await expectRefused('updateRecord', { id: mouId, patch: { title: '' } }, { field: 'patch.title' });
  });

  it('deleting a person still linked to records', async () => {
    await expectRefused(
      'deleteAuthority',
      { id: blakeId },
      { code: 'in_use', message: /Judith Blake.*linked to \d+ records?/ },
    );
  });

  it('fields that do not belong to the type', async () => {
    await expectRefused('createRecord', { type: 'letter', title: 'R', medium: 'television' }, { field: 'medium' });
    await expectRefused(
      'createRecord',
      { type: 'letter', title: 'R', commitments: [{ text: 'x' }] },
      { field: 'commitments' },
    );
  });

  it('references to things that do not exist', async () => {
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', collectionId: 9999 },
      { code: 'not_found', field: 'collectionId' },
    );
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', links: [{ authorityId: 9999, role: 'author' }] },
      { code: 'not_found', field: 'links.0.authorityId' },
    );
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', links: [{ authorityId: blakeId, role: 'hero' }] },
      { field: 'links.0.role' },
    );
    await expectRefused('getRecord', { id: 9999 }, { code: 'not_found' });
    await expectRefused('updateRecord', { id: 9999, patch: { title: 'x' } }, { code: 'not_found' });
    await expectRefused('deleteRecord', { id: 9999 }, { code: 'not_found' });
    await expectRefused(
      'mergeAuthorities',
      { keepId: blakeId, mergeId: 9999 },
      { code: 'not_found', field: 'mergeId' },
    );
  });

  it('bad languages, URLs and oversized text', async () => {
    await expectRefused(
      'createRecord',
      { type: 'report', title: 'R', languages: ['not a language'] },
      { field: 'languages.0' },
    );
    await expectRefused('createRecord', { type: 'report', title: 'R', url: 'javascript:alert(1)' }, { field: 'url' });
    await expectRefused('createRecord', { type: 'report', title: 'x'.repeat(2001) }, { field: 'title' });
  });

  it('a refused record is not created at all', async () => {
    await expectRefused(
      'createRecord',
      {
        type: 'report',
        title: 'Half-written',
        links: [
          { authorityId: blakeId, role: 'author' },
          { authorityId: blakeId, role: 'author' },
        ],
      },
      { field: 'links.1' },
    );
    expect((await lib.ok('listRecords', { limit: 1000 })).items.some((r) => r.title === 'Half-written')).toBe(false);
  });
});
