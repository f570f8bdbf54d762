/**
 * A large BibTeX file, as Zotero exports it (thousands of entries, names in many scripts and with
 * diacritics, some written with LaTeX accents), imports, all in one transaction.
 * The time is printed, not asserted (a shared machine is noisy): npm run bench:exchange measures it.
 */
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../support/catalogue';

const GIVEN = ['Wěi', 'Jürgen', 'Zoë', 'Øyvind', 'Siân', 'Ólöf', 'José', 'Łukasz', 'Chloé', 'Jianting'];
const FAMILY = [
  'Zhāng',
  'Müller',
  'Brontë',
  'Ødegård',
  'Ó Briain',
  'Ólafsdóttir',
  'Núñez',
  'Wałęsa',
  'Lefèvre',
  'Zhang',
];
const TYPES = ['techreport', 'misc', 'article', 'book'];

export function largeBibtex(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = i % GIVEN.length;
    const b = (i * 7 + 3) % FAMILY.length;
    const type = TYPES[i % TYPES.length]!;
    const accent = i % 5 === 0 ? 'Fran{\\c c}ois M{\\"u}ller' : `${GIVEN[b]} ${FAMILY[a]}`;
    out.push(
      `@${type}{entry${i},`,
      `  author = {${FAMILY[a]}, ${GIVEN[a]} and ${accent} and {杭州市人民政府}},`,
      `  title = {Partnership record ${i}: {Leeds} and {Hangzhou} — trade, culture and éducation},`,
      `  year = {${1988 + (i % 37)}},`,
      `  month = {${['jan', 'feb', 'mar', 'sep', 'oct'][i % 5]}},`,
      type === 'article' ? `  journal = {Journal of Civic Partnerships},` : `  institution = {Leeds City Council},`,
      `  url = {https://example.org/records/${i}},`,
      `  abstract = {Entry ${i} of a large export, with non-ASCII text: 利兹与杭州, Zürich, São Paulo.},`,
      '}',
      '',
    );
  }
  return out.join('\n');
}

describe('a large BibTeX import', () => {
  it('imports 5,000 entries with non-ASCII names (the time printed; npm run bench:exchange measures it)', async () => {
    const lib = await openTestLibrary();
    try {
      const content = largeBibtex(5_000);
      const started = performance.now();
      const report = await lib.ok('importMetadata', { content, format: 'bibtex' });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `BibTeX import: 5,000 entries (${(content.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s; ${report.createdAuthorities.length} authorities created`,
      );
      expect(report.imported).toBe(5_000);
      expect(report.failed).toBe(0);
      // People from the name lists (with diacritics and LaTeX accents) and an organisation named in Chinese.
      const names = report.createdAuthorities.map((a) => a.name);
      expect(names).toContain('Wěi Zhāng');
      expect(names).toContain('François Müller');
      expect(report.createdAuthorities.find((a) => a.name === '杭州市人民政府')?.kind).toBe('organisation');
      const r = await lib.ok('getRecord', { id: 5_000 });
      expect(r.title).toBe('Partnership record 4999: Leeds and Hangzhou — trade, culture and éducation');
      expect(r.url).toBe('https://example.org/records/4999');
    } finally {
      await lib.close();
    }
  });
});
