/**
 * What a query was understood as, what the parser fixed or ignored, and where a hit matched, put
 * into words: the parser and the engine report them as data (./query.ts, MatchedIn), and each door
 * words them through its own `say` — the renderer through i18next in the interface language, the
 * CLI through the English table (./words-en.ts), which is also the renderer's English. One logic,
 * one English wording.
 */
import type { MatchedIn } from '../channels/search';
import type { LinkRole, RecordType } from '../model';
import type { Clause, QueryWarning, Understood } from './query';

/** Words for a key of the search wording table (`query.year`, `warning.badDate`, `where.page`…), filled with params. */
export type Say = (key: string, params?: Readonly<Record<string, string | number>>) => string;

function clauseText(c: Clause, say: Say): string {
  const words = say(c.phrase ? 'query.phrase' : 'query.words', { text: c.text });
  const where = c.scope ? say('query.scoped', { scope: say(`query.scope.${c.scope}`), words }) : words;
  return c.negated ? say('query.not', { what: where }) : where;
}

export function understoodText(u: Understood, say: Say, types: Readonly<Record<RecordType, string>>): string {
  switch (u.kind) {
    case 'words':
      return u.any.map((c) => clauseText(c, say)).join(say('or'));
    case 'year':
      return say('query.year', { year: u.year });
    case 'from':
    case 'to':
      return say(`query.${u.kind}`, { value: u.value });
    case 'type':
      return say('query.type', { type: types[u.type] });
  }
}

export function warningText(w: QueryWarning, say: Say): string {
  switch (w.kind) {
    case 'closingQuote':
    case 'loneOr':
    case 'noWords':
      return say(`warning.${w.kind}`);
    case 'badDate':
      return say(w.value ? 'warning.badDate' : 'warning.noDate', { bound: w.bound, value: w.value ?? '' });
    case 'badYear':
    case 'badType':
      return say(`warning.${w.kind}`, { value: w.value });
    case 'unknownField':
      return say('warning.unknownField', { field: w.field });
    case 'datesSwapped':
      return say('warning.datesSwapped', { from: w.from, to: w.to });
    case 'tooLong':
    case 'tooManyWords':
      return say(`warning.${w.kind}`, { kept: w.kept });
  }
}

export function whereMatched(where: MatchedIn, say: Say, roles: Readonly<Record<LinkRole, string>>): string {
  if (where.field === 'role') return roles[where.role].toLocaleLowerCase();
  if (where.field === 'page') return say('where.page', { page: where.page, file: where.file });
  if (where.field === 'alias') return say('where.alias', { name: where.name });
  return say(`where.${where.field}`);
}
