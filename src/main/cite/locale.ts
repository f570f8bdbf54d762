/**
 * CSL locales. citation-js's CSL plugin ships en-US (and a few others) but no en-GB, which the
 * British styles need (day-month dates, single quotation marks, punctuation outside quotes).
 * en-GB is derived here from the shipped en-US, changing exactly what CSL's own en-GB locale
 * changes for the terms our styles print.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

let cache: Map<string, string> | null = null;

function enGB(enUS: string): string {
  return enUS
    .replace('xml:lang="en-US"', 'xml:lang="en-GB"')
    .replace(/punctuation-in-quote="true"/, 'punctuation-in-quote="false"')
    .replace(
      /<date form="text">[\s\S]*?<\/date>/,
      '<date form="text"><date-part name="day" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>',
    )
    .replace(
      /<date form="numeric">[\s\S]*?<\/date>/,
      '<date form="numeric"><date-part name="day" form="numeric-leading-zeros" suffix="/"/><date-part name="month" form="numeric-leading-zeros" suffix="/"/><date-part name="year"/></date>',
    )
    .replace(/<term name="open-quote">[^<]*<\/term>/, '<term name="open-quote">‘</term>')
    .replace(/<term name="close-quote">[^<]*<\/term>/, '<term name="close-quote">’</term>')
    .replace(/<term name="open-inner-quote">[^<]*<\/term>/, '<term name="open-inner-quote">“</term>')
    .replace(/<term name="close-inner-quote">[^<]*<\/term>/, '<term name="close-inner-quote">”</term>')
    .replace(/<term name="month-09" form="short">[^<]*<\/term>/, '<term name="month-09" form="short">Sept.</term>');
}

function locales(): Map<string, string> {
  if (!cache) {
    const registry = plugins.config.get('@csl').locales;
    const enUS = registry.get('en-US');
    cache = new Map([
      ['en-US', enUS],
      ['en-GB', enGB(enUS)],
    ]);
  }
  return cache;
}

/** The locale XML for a language tag: en-GB and en-US exactly, anything else falls back to en-US. */
export function retrieveLocale(lang: string): string {
  const all = locales();
  return all.get(lang) ?? all.get(lang.replace('_', '-')) ?? all.get('en-US')!;
}
