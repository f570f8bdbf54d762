/**
 * CSL locales for citeproc-js: the official ones of the CSL project, as the packages ship them
 * (official-styles.ts). A language tag without a region takes the locale of that language
 * ("de" -> de-DE, "zh" -> zh-CN); a language the packages do not have falls back to en-US, as
 * citeproc-js itself does.
 */
import { officialLocale, officialLocaleTags, type CslNode } from './official-styles';

const cache = new Map<string, string | CslNode>();

function resolveTag(lang: string): string {
  const tag = lang.replace('_', '-');
  const tags = officialLocaleTags();
  if (tags.includes(tag)) return tag;
  const language = tag.split('-')[0]!.toLowerCase();
  return tags.find((t) => t.toLowerCase() === language || t.toLowerCase().startsWith(`${language}-`)) ?? 'en-US';
}

/** The locale for a language tag (XML text or citeproc-js's element tree). */
export function retrieveLocale(lang: string): string | CslNode {
  const tag = resolveTag(lang);
  let locale = cache.get(tag);
  if (!locale) {
    locale = officialLocale(tag) ?? officialLocale('en-US')!;
    cache.set(tag, locale);
  }
  return locale;
}
