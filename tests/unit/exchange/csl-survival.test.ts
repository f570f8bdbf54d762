/**
 * The bibliographic record survives exchange: the oracle's CSL-JSON items (tests/unit/cite/
 * oracle-items.ts: every item type, 1 to 25 authors, particles, suffixes, CJK and Cyrillic names,
 * editors, translators, ranges, seasons, circa, archive fields) are imported into a library and
 * exported again as CSL-JSON, then compared item by item and variable by variable: every value must
 * come back as it went in. The library names a holding archive, as a real one does, so items that
 * name none or another must keep theirs. Then the official styles (../shared/csl-oracle) render the
 * exported items exactly as they render the originals, in the five built-in styles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../src/main/cite/csl-item';
import { BUILT_IN_STYLES } from '../../../src/main/cite/styles';
import { ORACLE_ITEMS } from '../cite/oracle-items';
import { oracleStyle, renderWithOracle } from '../cite/oracle';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
let exported: CslItem[];

/** The bibliographic values the issue counted (journal, volume, issue, pages, DOI, editor, edition, place, number). */
const BIBLIOGRAPHIC = [
  'container-title',
  'volume',
  'issue',
  'page',
  'DOI',
  'editor',
  'edition',
  'publisher-place',
  'number',
];

/** The values of an item: each variable but its id (a record's id is its own). */
const variables = (item: CslItem) => Object.keys(item).filter((k) => k !== 'id');

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds' });
  const report = await lib.ok('importMetadata', { content: JSON.stringify(ORACLE_ITEMS), format: 'csl-json' });
  expect(report.failed, JSON.stringify(report.rows.filter((r) => r.status === 'error'))).toBe(0);
  expect(report.imported).toBe(ORACLE_ITEMS.length);
  const ids = report.rows.map((r) => r.recordId!);
  const out = await lib.ok('exportCitations', { ids, format: 'csl-json' });
  // Each exported item under its original's id, so the two sets are cited alike.
  exported = (JSON.parse(out.content) as CslItem[]).map((item, i) => ({ ...item, id: ORACLE_ITEMS[i]!.id }));
});

afterAll(async () => {
  await lib.close();
});

describe('CSL-JSON import → export', () => {
  it('gives back every variable of every item, in the form it had', () => {
    let total = 0;
    let survived = 0;
    let bibliographic = 0;
    let bibliographicSurvived = 0;
    const lost: string[] = [];
    ORACLE_ITEMS.forEach((original, i) => {
      const back = exported[i]!;
      for (const key of variables(original)) {
        total++;
        const same = JSON.stringify(back[key]) === JSON.stringify(original[key]);
        if (BIBLIOGRAPHIC.includes(key)) {
          bibliographic++;
          if (same) bibliographicSurvived++;
        }
        if (same) survived++;
        else lost.push(`${original.id}.${key}: ${JSON.stringify(original[key])} → ${JSON.stringify(back[key])}`);
      }
      for (const key of variables(back))
        if (!(key in original)) lost.push(`${original.id}.${key}: added ${JSON.stringify(back[key])}`);
    });
    console.log(
      `CSL-JSON import → export: ${survived} of ${total} values survive in ${ORACLE_ITEMS.length} items ` +
        `(bibliographic values: ${bibliographicSurvived} of ${bibliographic})` +
        (lost.length ? `; lost or changed: ${lost.join('; ')}` : ''),
    );
    expect(lost).toEqual([]);
    expect(survived).toBe(total);
  });

  for (const style of BUILT_IN_STYLES) {
    it(`renders the exported items as the originals in the official ${style}`, () => {
      const xml = oracleStyle(style);
      // All the items cited together: every entry, their order and the in-text citation, as text and HTML.
      expect(renderWithOracle(xml, exported)).toEqual(renderWithOracle(xml, ORACLE_ITEMS));
    });
  }
});
