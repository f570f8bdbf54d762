import type { ReactNode } from 'react';
import type { ArchiveError } from '../../../shared/result';
import { currentLanguage, useT } from '../i18n/i18n';
import { errorWords } from './errorWords';

/** Markup a refusal names (`<style>`, `</layout>`, `xmlns="…"`): code, shown as code in any language. */
const MARKUP = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?>|xmlns="[^"]*"/g;

function withCode(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKUP)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(<code key={`${key}${m.index}`}>{m[0]}</code>);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * The words of a refusal with what is not in the interface language marked as such: a parser's or
 * the system's own words (`detail`, English the app does not own) as English, so a screen reader
 * reads them as English and a translator leaves them be; markup names as code.
 */
function marked(error: ArchiveError | string): ReactNode[] {
  const words = errorWords(error);
  const detail = typeof error === 'string' ? undefined : error.params?.detail;
  const at = typeof detail === 'string' && detail && currentLanguage() !== 'en' ? words.indexOf(detail) : -1;
  if (at < 0) return withCode(words, '');
  return [
    ...withCode(words.slice(0, at), 'a'),
    <span key="detail" lang="en" translate="no">
      {detail as string}
    </span>,
    ...withCode(words.slice(at + (detail as string).length), 'b'),
  ];
}

/** A failure shown as text in the interface language (errorWords.ts), announced to assistive technology. */
export function ErrorText({ error, prefix }: { error: ArchiveError | string | null | undefined; prefix?: string }) {
  // Subscribes to the language: a switch re-words the error shown.
  useT('errors');
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {prefix ? `${prefix}: ` : ''}
      {marked(error)}
    </p>
  );
}
