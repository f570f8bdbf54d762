/**
 * The English of the search wording (./words.ts): what a query was understood as, what the parser
 * fixed or ignored, where a hit matched. The CLI says it with englishSay; the renderer's English
 * catalogue (i18n/en/search.ts) takes these same tables, so the two never drift apart.
 */
import { fillTemplate } from '../template';
import type { Say } from './words';

export const SEARCH_WORDS_EN = {
  or: ' or ',
  query: {
    words: '“{{text}}”',
    phrase: 'the phrase “{{text}}”',
    scoped: '{{scope}} matching {{words}}',
    not: 'not {{what}}',
    year: 'in {{year}}',
    from: 'from {{value}}',
    to: 'to {{value}}',
    type: 'type {{type}}',
    scope: {
      title: 'title',
      person: 'a person',
      org: 'an organisation',
      place: 'a place',
      tag: 'a tag',
      ref: 'the reference code',
      partnership: 'a partnership',
    },
  },
  warning: {
    closingQuote: 'added the missing closing quote',
    loneOr: '“OR” needs words on both sides; it was ignored',
    tooLong: 'the query is longer than {{kept}} characters; only the first {{kept}} were searched',
    tooManyWords: 'the query has more than {{kept}} words; only the first {{kept}} were searched',
    noWords: 'the query has no words to search for (only punctuation or symbols)',
    badDate: '{{bound}}: needs a date like 2018 or 2018-09 (“{{value}}” ignored)',
    noDate: '{{bound}}: needs a date like 2018 or 2018-09 (nothing given)',
    badYear: 'year: needs four digits (“{{value}}” ignored)',
    badType: 'type: “{{value}}” is not a record type; ignored',
    unknownField: '“{{field}}:” is not a field; searched as words',
    datesSwapped: 'the dates run backwards (from {{from}} to {{to}}); swapped them',
  },
  where: {
    title: 'title',
    titleAlt: 'title (other language)',
    referenceCode: 'reference code',
    person: 'person',
    organisation: 'organisation',
    place: 'place',
    event: 'event',
    partnership: 'partnership',
    tag: 'tag',
    outlet: 'outlet',
    type: 'type',
    date: 'date',
    description: 'description',
    text: 'text',
    catalogue: 'catalogue fields',
    page: 'page {{page}} of {{file}}',
    alias: '“{{name}}”, another name of what you searched for',
  },
};

/** The CLI's `say`: a key of SEARCH_WORDS_EN in English. */
export const englishSay: Say = (key, params) => {
  let at: unknown = SEARCH_WORDS_EN;
  for (const part of key.split('.')) at = (at as Record<string, unknown>)[part];
  return typeof at === 'string' ? fillTemplate(at, params) : key;
};
