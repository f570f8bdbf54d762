/**
 * Names as the styles expect them, through the real pipeline: an authority record and a record that
 * links it, turned into a CSL item by the app and cited in each built-in style. The item must be the
 * hand-written one with the right name parts, and what the app prints must be what the official
 * style prints for that hand-written item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CslItem, CslName } from '../../../src/main/cite/csl-item';
import { BUILT_IN_STYLES } from '../../../src/main/cite/styles';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { expectedCitation } from './oracle';

const ARCHIVE = { archive: 'West Yorkshire Archive Service', 'archive-place': 'Leeds' };

interface Case {
  name: string;
  kind?: 'person' | 'organisation';
  parts: CslName;
  title?: string;
  language?: string;
}

const CASES: Case[] = [
  { name: 'Cllr J. Blake', parts: { family: 'Blake', given: 'J.' } },
  { name: 'Lord Mayor Judith Blake', parts: { family: 'Blake', given: 'Judith' } },
  { name: 'The Rt Hon Sir John Smith MP', parts: { family: 'Smith', given: 'John' } },
  { name: 'Dr Ada Harrison OBE', parts: { family: 'Harrison', given: 'Ada' } },
  { name: 'Prof. Dame Mary Beard', parts: { family: 'Beard', given: 'Mary' } },
  { name: 'Arnold van Gennep', parts: { 'non-dropping-particle': 'van', family: 'Gennep', given: 'Arnold' } },
  {
    name: 'de la Fontaine, Jean',
    parts: { 'non-dropping-particle': 'de la', family: 'Fontaine', given: 'Jean' },
    title: 'Fables choisies',
    language: 'fr',
  },
  {
    name: 'Jean de la Fontaine',
    parts: { 'non-dropping-particle': 'de la', family: 'Fontaine', given: 'Jean' },
    title: 'Contes et nouvelles en vers',
    language: 'fr',
  },
  { name: 'Martin Luther King Jr.', parts: { family: 'King', given: 'Martin Luther', suffix: 'Jr.' } },
  { name: 'Fairbairn, William, III', parts: { family: 'Fairbairn', given: 'William', suffix: 'III' } },
  { name: 'Leeds City Council', kind: 'organisation', parts: { literal: 'Leeds City Council' } },
  {
    name: 'International Council on Archives',
    kind: 'organisation',
    parts: { literal: 'International Council on Archives' },
  },
  { name: '周峰', parts: { family: '周', given: '峰' }, title: '杭州城市史', language: 'zh-Hans' },
  { name: '欧阳修', parts: { family: '欧阳', given: '修' }, title: '新五代史', language: 'zh-Hans' },
  { name: '村上 春樹', parts: { family: '村上', given: '春樹' }, title: '都市の記録', language: 'ja' },
  { name: '김민수', parts: { family: '김', given: '민수' }, title: '자매도시 교류의 역사', language: 'ko' },
  {
    name: 'Лев Николаевич Толстой',
    parts: { family: 'Толстой', given: 'Лев Николаевич' },
    title: 'Война и мир',
    language: 'ru',
  },
  { name: 'Толстой Л.Н.', parts: { family: 'Толстой', given: 'Л.Н.' }, title: 'Анна Каренина', language: 'ru' },
];

let lib: TestLibrary;
beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('updateSettings', { archiveName: ARCHIVE.archive, archivePlace: ARCHIVE['archive-place'] });
});
afterAll(() => lib.close());

describe('names through the real pipeline, against the official styles', () => {
  CASES.forEach((c, n) => {
    it(`${c.name} → ${JSON.stringify(c.parts)}`, async () => {
      const authority = await lib.ok('createAuthority', { kind: c.kind ?? 'person', name: c.name });
      const title = c.title ?? 'a report on the twinning of Leeds and Dortmund';
      const record = await lib.ok('createRecord', {
        type: 'report',
        title,
        date: '1999-05-04',
        referenceCode: `NAMES/${n + 1}`,
        ...(c.language ? { languages: [c.language] } : {}),
        links: [{ authorityId: authority.id, role: 'author' }],
      });
      const handWritten: CslItem = {
        id: `record-${record.id}`,
        type: 'report',
        title,
        author: [c.parts],
        issued: { 'date-parts': [[1999, 5, 4]] },
        ...(c.language ? { language: c.language } : {}),
        ...ARCHIVE,
        archive_location: `NAMES/${n + 1}`,
      };
      const exported = JSON.parse(
        (await lib.ok('exportCitations', { ids: [record.id], format: 'csl-json' })).content,
      ) as CslItem[];
      expect(exported).toEqual([handWritten]);
      for (const style of BUILT_IN_STYLES) {
        const app = await lib.ok('citeRecords', { ids: [record.id], style });
        const want = expectedCitation(style, [handWritten]);
        expect(
          app.entries.map((e) => ({ text: e.text, html: e.html })),
          style,
        ).toEqual(want.entries.map((e) => ({ text: e.text, html: e.html })));
        expect(app.inText, style).toEqual(want.inText);
      }
    });
  });

  it('the cases the issue names: "Cllr J. Blake" is Blake, J.; CJK family first without a comma; particles kept', async () => {
    const cite = async (name: string, style: (typeof BUILT_IN_STYLES)[number], languages?: string[]) => {
      const a = await lib.ok('createAuthority', { kind: 'person', name });
      const r = await lib.ok('createRecord', {
        type: 'report',
        title: 'Minutes',
        date: '2001',
        ...(languages ? { languages } : {}),
        links: [{ authorityId: a.id, role: 'author' }],
      });
      return (await lib.ok('citeRecords', { ids: [r.id], style })).text;
    };
    expect(await cite('Cllr J. Blake', 'apa')).toMatch(/^Blake, J\. \(2001\)/);
    expect(await cite('周峰', 'apa', ['zh-Hans'])).toMatch(/^周峰\. \(2001\)/);
    expect(await cite('Jean de la Fontaine', 'harvard-cite-them-right')).toMatch(/^de la Fontaine, J\. \(2001\)/);
  });
});
