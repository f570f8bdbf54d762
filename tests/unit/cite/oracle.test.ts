/**
 * The five built-in styles against the official CSL files of the same edition (../shared/csl-oracle),
 * on CSL-JSON items written for this test (oracle-items.ts): every bibliography entry and in-text
 * citation, as text and as HTML, must be the string the official style renders with citeproc-js
 * and the official locale. Cite Them Right's official style prints no archival location; the app
 * adds it after the official entry, so there everything before the addition must be the official
 * output, and the addition is "Reference. Place: Archive." (Cite Them Right's archive material).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import { renderCitation } from '../../../src/main/cite/render';
import { builtInStyle, BUILT_IN_STYLES, type BuiltInStyle } from '../../../src/main/cite/styles';
import { ORACLE_ITEMS } from './oracle-items';
import { expectedCitation } from './oracle';

const equal = new Map<BuiltInStyle, number>(BUILT_IN_STYLES.map((s) => [s, 0]));
let additions = 0;

function compare(style: BuiltInStyle, items: CslItem[]): void {
  const indexOf = new Map(items.map((item, i) => [item.id, i]));
  const app = renderCitation(builtInStyle(style), items, (id) => indexOf.get(id)!);
  const want = expectedCitation(style, items);
  const what = items.length === 1 ? items[0]!.id : 'all the items';
  expect(app.inText.text, `in-text citation of ${what}, text`).toBe(want.inText.text);
  expect(app.inText.html, `in-text citation of ${what}, HTML`).toBe(want.inText.html);
  // The same entries in the same order (APA cites a personal communication in the text only: no entry).
  expect(app.entries.map((e) => items[e.recordId]!.id)).toEqual(want.entries.map((e) => e.id));
  app.entries.forEach((entry, i) => {
    expect(entry.text, `entry of ${want.entries[i]!.id}, text`).toBe(want.entries[i]!.text);
    expect(entry.html, `entry of ${want.entries[i]!.id}, HTML`).toBe(want.entries[i]!.html);
  });
  equal.set(style, equal.get(style)! + 2 + 2 * app.entries.length);
  additions += want.added;
}

afterAll(() => {
  const total = [...equal.values()].reduce((a, b) => a + b, 0);
  console.log(
    `oracle: ${ORACLE_ITEMS.length} items × ${BUILT_IN_STYLES.length} styles, one at a time and all together: ${total} strings equal ` +
      `(${[...equal].map(([s, n]) => `${s} ${n}`).join(', ')}); ${additions} Cite Them Right entries with the archival location added`,
  );
});

it('has at least 60 items, of every type the app cites, with the name and date forms the styles treat differently', () => {
  expect(ORACLE_ITEMS.length).toBeGreaterThanOrEqual(60);
  const types = new Set(ORACLE_ITEMS.map((i) => i.type));
  for (const t of [
    'book',
    'chapter',
    'article-journal',
    'article-newspaper',
    'article-magazine',
    'webpage',
    'report',
    'thesis',
    'paper-conference',
    'broadcast',
    'interview',
    'legal_case',
    'treaty',
    'manuscript',
    'personal_communication',
    'dataset',
    'document',
    'graphic',
    'pamphlet',
  ]) {
    expect(types, t).toContain(t);
  }
  const authors = new Set(ORACLE_ITEMS.map((i) => (Array.isArray(i.author) ? i.author.length : 0)));
  for (const n of [1, 2, 3, 7, 8, 25]) expect(authors, `${n} authors`).toContain(n);
  expect(ORACLE_ITEMS.some((i) => !i.issued)).toBe(true);
  expect(ORACLE_ITEMS.some((i) => (i.issued as { circa?: boolean } | undefined)?.circa)).toBe(true);
  expect(
    ORACLE_ITEMS.some((i) => ((i.issued as { 'date-parts'?: unknown[] } | undefined)?.['date-parts']?.length ?? 0) > 1),
  ).toBe(true);
  expect(ORACLE_ITEMS.filter((i) => i.archive_location && i.archive && i['archive-place']).length).toBeGreaterThan(10);
});

for (const style of BUILT_IN_STYLES) {
  describe(style, () => {
    for (const item of ORACLE_ITEMS) {
      it(`${item.id} (${item.type})`, () => compare(style, [item]));
    }
    it('all the items cited together: the same order, entries and citation', () => compare(style, ORACLE_ITEMS));
  });
}
