/** The shared search wording (src/shared/search/words.ts) said in the interface language, through i18next. */
import type { TFunction } from 'i18next';
import type { Say } from '../../../shared/search/words';

export function sayWith(t: TFunction<'search'>): Say {
  // i18next types its keys from the catalogue; the shared wording names keys of that same catalogue as plain strings.
  const say = t as unknown as (key: string, params?: Readonly<Record<string, string | number>>) => string;
  return (key, params) => say(key, params);
}
