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
import { oracleStyle, renderWithOracle } from './oracle';

const FORMS = ['entry text', 'entry HTML', 'in-text text', 'in-text HTML'] as const;
const equal = new Map<BuiltInStyle, number>(BUILT_IN_STYLES.map((s) => [s, 0]));
let additions = 0;

/** What the app adds to a Cite Them Right entry: the reference, then "Place: Archive". */
function citeThemRightAddition(item: CslItem): string {
  const str = (k: string) => (typeof item[k] === 'string' ? item[k] : null);
  const where = [str('archive-place'), str('archive')].filter(Boolean).join(': ');
  return [str('archive_location'), where]
    .filter(Boolean)
    .map((s) => ` ${s}.`)
    .join('');
}
const escape = (s: string) => s.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');

function compare(style: BuiltInStyle, items: CslItem[]): void {
  const indexOf = new Map(items.map((item, i) => [item.id, i]));
  const app = renderCitation(builtInStyle(style), items, (id) => indexOf.get(id)!);
  const official = renderWithOracle(oracleStyle(style), items);
  expect(app.inText.text, `${FORMS[2]} of ${items.length === 1 ? items[0]!.id : 'all items'}`).toBe(official.inText.text);
  expect(app.inText.html, FORMS[3]).toBe(official.inText.html);
  equal.set(style, equal.get(style)! + 2);
  // The same entries in the same order (APA cites a personal communication in the text only: no entry).
  expect(app.entries.map((e) => items[e.recordId]!.id)).toEqual(official.entries.map((e) => e.id));
  app.entries.forEach((entry, i) => {
    const want = official.entries[i]!;
    const item = items[entry.recordId]!;
    const added = style === 'harvard-cite-them-right' ? citeThemRightAddition(item) : '';
    if (added) additions++;
    expect(entry.text, `${FORMS[0]} of ${item.id}`).toBe(want.text + added);
    expect(entry.html, `${FORMS[1]} of ${item.id}`).toBe(want.html.replace(/<\/div>$/, `${escape(added)}</div>`));
    equal.set(style, equal.get(style)! + 2);
  });
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
  for (const t of ['book', 'chapter', 'article-journal', 'article-newspaper', 'article-magazine', 'webpage', 'report', 'thesis', 'paper-conference', 'broadcast', 'interview', 'legal_case', 'treaty', 'manuscript', 'personal_communication', 'dataset', 'document', 'graphic', 'pamphlet']) {
    expect(types, t).toContain(t);
  }
  const authors = new Set(ORACLE_ITEMS.map((i) => (Array.isArray(i.author) ? i.author.length : 0)));
  for (const n of [1, 2, 3, 7, 8, 25]) expect(authors, `${n} authors`).toContain(n);
  expect(ORACLE_ITEMS.some((i) => !i.issued)).toBe(true);
  expect(ORACLE_ITEMS.some((i) => (i.issued as { circa?: boolean } | undefined)?.circa)).toBe(true);
  expect(ORACLE_ITEMS.some((i) => ((i.issued as { 'date-parts'?: unknown[] } | undefined)?.['date-parts']?.length ?? 0) > 1)).toBe(true);
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
