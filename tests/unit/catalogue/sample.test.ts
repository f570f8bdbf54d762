import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

const seed = fs.readFileSync(
  path.resolve(__dirname, '../../../resources/sample/leeds-hangzhou-2018-delegation.txt'),
  'utf8',
);

describe('the sample catalogue', () => {
  it('loads once, in one revision per item, and a second load adds nothing', async () => {
    const first = await lib.ok('loadSample', {});
    expect(first.skipped).toBe(false);
    expect(first.records).toBeGreaterThanOrEqual(5);
    const info = await lib.ok('libraryInfo', {});
    expect(info.counts.records).toBe(first.records);
    const again = await lib.ok('loadSample', {});
    expect(again).toMatchObject({ skipped: true, records: 0 });
    expect((await lib.ok('libraryInfo', {})).revision).toBe(info.revision);
  });

  it('holds the press release, the MoU with its signatory and commitments, the Qingdao agreements and the TV coverage', async () => {
    await lib.ok('loadSample', {});
    const all = (await lib.ok('listRecords', { limit: 100 })).items;
    const get = async (re: RegExp) => lib.ok('getRecord', { id: all.find((r) => re.test(r.title))!.id });

    const pr = await lib.ok('getRecord', { id: all.find((r) => r.type === 'press-release')!.id });
    expect(pr.date).toBe('2020-03-11');
    expect(pr.bodyText?.replace(/\s+/g, ' ').trim()).toBe(seed.replace(/\s+/g, ' ').trim());

    const mou = await get(/memorandum of understanding/i);
    expect(mou).toMatchObject({ type: 'agreement', agreementKind: 'mou' });
    expect(mou.date?.startsWith('2018')).toBe(true);
    expect(mou.links.filter((l) => l.role === 'signatory').map((l) => l.name)).toContain('Judith Blake');
    expect(mou.links.some((l) => l.kind === 'partnership' && /Leeds.*Hangzhou/.test(l.name))).toBe(true);
    expect(mou.commitments.length).toBeGreaterThanOrEqual(3);
    expect(mou.commitments.map((c) => c.text).join(' ')).toMatch(/library services/);

    expect((await get(/Qingdao/)).type).toBe('agreement');
    expect((await get(/China Britain Industry Innovation Park/)).type).toBe('agreement');
    const tv = await get(/Hangzhou TV/);
    expect(tv).toMatchObject({ type: 'media-coverage', medium: 'television', outlet: 'Hangzhou TV' });
  });

  it('states only what the text says: names in the sample occur in the seed press release', async () => {
    await lib.ok('loadSample', {});
    const authorities = (await lib.ok('listAuthorities', { limit: 1000 })).items;
    const people = authorities.filter((a) => a.kind === 'person');
    for (const p of people) expect(seed, p.name).toContain(p.name.split(' ').at(-1)!);
    const partnership = authorities.find((a) => a.kind === 'partnership')!;
    expect(partnership.date).toBe('1988');
    const events = authorities
      .filter((a) => a.kind === 'event')
      .map((a) => a.name)
      .join(' | ');
    expect(events).toMatch(/Phoenix Dance Theatre/);
    expect(events).toMatch(/Hong Kong/);
    // No reference codes or URLs were invented.
    for (const r of (await lib.ok('listRecords', { limit: 100 })).items) expect(r.referenceCode).toBeNull();
  });
});
