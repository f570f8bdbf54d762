/**
 * The citation styles a library can use: the five built in (CSL files in resources/csl/, named by
 * their ids in the CSL style repository) and any the user installed (kept in the library's
 * settings table, so they travel with its backups).
 */
import fs from 'node:fs';
import type { StyleInfo } from '../../shared/channels/cite';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { resourcePath } from '../locations';
import { readSetting, writeSetting } from '../settings/library-settings';
import { checkStyle, type StyleOutline } from './style-check';

export const BUILT_IN_STYLES = ['apa', 'harvard-cite-them-right', 'chicago-author-date', 'modern-language-association', 'vancouver'] as const;

const INSTALLED_PREFIX = 'cite.style.installed:';

export interface Style extends StyleOutline {
  key: string;
  xml: string;
  builtIn: boolean;
}

const builtInCache = new Map<string, Style>();

function builtIn(key: string): Style {
  let style = builtInCache.get(key);
  if (!style) {
    const xml = fs.readFileSync(resourcePath('csl', `${key}.csl`), 'utf8');
    style = { ...checkStyle(xml), key, xml, builtIn: true };
    builtInCache.set(key, style);
  }
  return style;
}

/** The short name a style is known by: the last part of its CSL id ("http://www.zotero.org/styles/apa" -> "apa"). */
export function styleKey(id: string): string {
  const last = id.replace(/\/+$/, '').split('/').pop() ?? id;
  return last.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

export function findStyle(ctx: Pick<CatalogueContext, 'db'>, key: string): Style | null {
  if ((BUILT_IN_STYLES as readonly string[]).includes(key)) return builtIn(key);
  const xml = readSetting(ctx, INSTALLED_PREFIX + key);
  return xml ? { ...checkStyle(xml), key, xml, builtIn: false } : null;
}

export function requireStyle(ctx: Pick<CatalogueContext, 'db'>, key: string): Style {
  const style = findStyle(ctx, key);
  if (!style) throw new ArchiveFailure('not_found', `there is no citation style "${key}" (see the list of styles)`, 'style');
  return style;
}

const info = (s: Style): StyleInfo => ({ id: s.key, title: s.title, builtIn: s.builtIn, citationClass: s.citationClass });

export function listStyles(ctx: Pick<CatalogueContext, 'db'>): StyleInfo[] {
  const installed = (
    ctx.db.prepare("SELECT key FROM settings WHERE key LIKE 'cite.style.installed:%' ORDER BY key").all() as { key: string }[]
  ).map((r) => r.key.slice(INSTALLED_PREFIX.length));
  return [...BUILT_IN_STYLES.map((k) => builtIn(k)), ...installed.map((k) => requireStyle(ctx, k))].map(info);
}

/**
 * Installs a style after checking its structure and running it once on a probe record, so a
 * style that would fail later is refused now, with the reason. Installing a style with the id of
 * an installed one replaces it; a built-in style cannot be replaced.
 */
export function installStyle(ctx: CatalogueContext, xml: string, probe: (style: Style) => void): StyleInfo {
  const outline = checkStyle(xml);
  const key = styleKey(outline.id);
  if ((BUILT_IN_STYLES as readonly string[]).includes(key)) {
    throw new ArchiveFailure('conflict', `"${key}" is a built-in style; give the style file another <id> to install it beside it`, 'xml');
  }
  const style: Style = { ...outline, key, xml, builtIn: false };
  try {
    probe(style);
  } catch (error) {
    if (error instanceof ArchiveFailure) throw error;
    throw new ArchiveFailure('invalid_input', `this CSL style fails when used: ${(error as Error).message}`, 'xml');
  }
  writeSetting(ctx, INSTALLED_PREFIX + key, xml);
  return info(style);
}

export function removeStyle(ctx: CatalogueContext, key: string): { style: string } {
  if ((BUILT_IN_STYLES as readonly string[]).includes(key)) throw new ArchiveFailure('invalid_input', `"${key}" is built in and cannot be removed`, 'style');
  if (!readSetting(ctx, INSTALLED_PREFIX + key)) throw new ArchiveFailure('not_found', `there is no installed style "${key}"`, 'style');
  writeSetting(ctx, INSTALLED_PREFIX + key, null);
  return { style: key };
}
