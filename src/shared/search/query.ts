/**
 * The query language, parsed once and used by both engines (MiniSearch for record descriptions,
 * FTS5 for document text):
 *   words are ANDed · `OR` between two clauses · `-word` excludes · `"exact phrase"`
 *   field scopes title: person: org: place: tag: type: ref: partnership:
 *   dates year:2018 · from:2018-09 to:2019-06
 * Nothing is ever a syntax error: a malformed query is searched as sensibly as possible, and
 * `understood` / `warnings` say what was made of it, as data: each door words them (the
 * renderer in its language, src/shared/search/words.ts through i18next; the CLI in English,
 * src/main/cli/format.ts).
 */
import { RECORD_TYPE_LABELS, RECORD_TYPES, type RecordType } from '../model';
import { earliestDay, latestDay, partialDateProblem } from '../partial-date';
import { tokenize } from './tokenizer';

export const SCOPES = ['title', 'person', 'org', 'place', 'tag', 'ref', 'partnership'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Clause {
  /** The words as typed (a phrase keeps its words together). */
  text: string;
  phrase: boolean;
  scope: Scope | null;
  negated: boolean;
}

export interface QueryFilters {
  types: RecordType[];
  /** Inclusive day bounds (YYYY-MM-DD) a record's date range must overlap. */
  from: string | null;
  to: string | null;
}

export interface ParsedQuery {
  /** An AND of OR-groups: every group must match; within a group, any clause. */
  groups: Clause[][];
  /** Clauses a record must not match. */
  excluded: Clause[];
  filters: QueryFilters;
  /** What was understood, one part per filter or group of words, for the UI ("a person matching “blake”"). */
  understood: Understood[];
  /** What was fixed or ignored ("added the missing closing quote"). */
  warnings: QueryWarning[];
}

/**
 * One part of what a query was understood as: words (any of these clauses: `a OR b`), an
 * excluded clause (`-word`, a clause with `negated`), a year, a date bound, a record type.
 */
export type Understood =
  | { kind: 'words'; any: Clause[] }
  | { kind: 'year'; year: string }
  | { kind: 'from' | 'to'; value: string }
  | { kind: 'type'; type: RecordType };

/** What the parser fixed or ignored; `value` is what was typed ("" when nothing was). */
export type QueryWarning =
  | { kind: 'closingQuote' }
  | { kind: 'loneOr' }
  | { kind: 'badDate'; bound: 'from' | 'to'; value: string }
  | { kind: 'badYear'; value: string }
  | { kind: 'badType'; value: string }
  | { kind: 'unknownField'; field: string }
  | { kind: 'datesSwapped'; from: string; to: string }
  /** The query was longer than MAX_QUERY_CHARS: the rest was not searched. */
  | { kind: 'tooLong'; kept: number }
  /** More than MAX_CLAUSES words or phrases: the rest were not searched. */
  | { kind: 'tooManyWords'; kept: number }
  /** Nothing in it is a word (only punctuation, symbols or emoji). */
  | { kind: 'noWords' };

/**
 * Bounds that keep any query within the time of an ordinary one: a pasted page of text or a
 * thousand ORs is cut, and the cut reported (a warning), never an error or a stall.
 */
export const MAX_QUERY_CHARS = 1_000;
export const MAX_CLAUSES = 32;

const SCOPE_ALIASES: Record<string, Scope> = {
  title: 'title',
  person: 'person',
  people: 'person',
  org: 'org',
  organisation: 'org',
  organization: 'org',
  place: 'place',
  tag: 'tag',
  ref: 'ref',
  partnership: 'partnership',
};

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: string | null;
}

/** Splits a query into tokens, honouring quotes (an unclosed quote runs to the end). */
function lex(input: string, warnings: QueryWarning[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = input;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    // `word:` followed by nothing is a field with an empty value (reported), not the word itself.
    const fieldMatch = /^([a-zA-Z]+):(?=\S|$)/.exec(s.slice(i));
    if (fieldMatch) {
      field = fieldMatch[1]!.toLowerCase();
      i += fieldMatch[0].length;
    }
    if (s[i] === '"' || s[i] === '“') {
      const close = s.slice(i + 1).search(/["”]/);
      if (close < 0) {
        warnings.push({ kind: 'closingQuote' });
        tokens.push({ text: s.slice(i + 1).trim(), quoted: true, negated, field });
        break;
      }
      tokens.push({ text: s.slice(i + 1, i + 1 + close).trim(), quoted: true, negated, field });
      i += close + 2;
      continue;
    }
    const start = i;
    while (i < s.length && !/\s/.test(s[i]!)) i++;
    tokens.push({ text: s.slice(start, i), quoted: false, negated, field });
  }
  return tokens;
}

function typeFromText(text: string): RecordType | null {
  const key = text.toLowerCase().replace(/[\s_]+/g, '-');
  if ((RECORD_TYPES as readonly string[]).includes(key)) return key as RecordType;
  const byLabel = RECORD_TYPES.find((t) => RECORD_TYPE_LABELS[t].toLowerCase().replace(/\s+/g, '-') === key);
  if (byLabel) return byLabel;
  const synonyms: Record<string, RecordType> = {
    mou: 'agreement',
    memorandum: 'agreement',
    tv: 'media-coverage',
    media: 'media-coverage',
    press: 'press-release',
    photo: 'photograph',
    programme: 'event-programme',
  };
  return synonyms[key] ?? null;
}

export function parseQuery(input: string): ParsedQuery {
  const warnings: QueryWarning[] = [];
  let typed = input.normalize('NFC');
  if (typed.length > MAX_QUERY_CHARS) {
    // Cut at a space where there is one, so no word is cut in half.
    const space = typed.lastIndexOf(' ', MAX_QUERY_CHARS);
    typed = typed.slice(0, space > MAX_QUERY_CHARS / 2 ? space : MAX_QUERY_CHARS);
    warnings.push({ kind: 'tooLong', kept: MAX_QUERY_CHARS });
  }
  const tokens = lex(typed, warnings);
  const groups: Clause[][] = [];
  const excluded: Clause[] = [];
  const filters: QueryFilters = { types: [], from: null, to: null };
  const understood: Understood[] = [];
  /** The words part the last group of clauses was reported as, for an OR to join the next clause to. */
  let lastWords: Extract<Understood, { kind: 'words' }> | null = null;
  let joinNext = false;

  const addDateBound = (which: 'from' | 'to', value: string) => {
    const problem = value ? partialDateProblem(value) : 'no date given';
    if (problem) {
      warnings.push({ kind: 'badDate', bound: which, value });
      return;
    }
    filters[which] = which === 'from' ? earliestDay(value) : latestDay(value);
    understood.push({ kind: which, value });
  };

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (!token.quoted && !token.field && !token.negated && token.text === 'OR') {
      if (groups.length === 0 || t === tokens.length - 1) warnings.push({ kind: 'loneOr' });
      else joinNext = true;
      continue;
    }
    const field = token.field;
    if (field === 'year') {
      if (/^\d{4}$/.test(token.text)) {
        filters.from = earliestDay(token.text);
        filters.to = latestDay(token.text);
        understood.push({ kind: 'year', year: token.text });
      } else warnings.push({ kind: 'badYear', value: token.text });
      continue;
    }
    if (field === 'from' || field === 'to') {
      addDateBound(field, token.text);
      continue;
    }
    if (field === 'type') {
      const type = typeFromText(token.text);
      if (type && !token.negated) {
        filters.types.push(type);
        understood.push({ kind: 'type', type });
      } else warnings.push({ kind: 'badType', value: token.text });
      continue;
    }
    let scope: Scope | null = null;
    let text = token.text;
    if (field) {
      scope = SCOPE_ALIASES[field] ?? null;
      // An unknown field ("11:30", "note:x") is searched as the words it is made of.
      if (!scope) {
        text = `${field} ${token.text}`;
        warnings.push({ kind: 'unknownField', field });
      }
    }
    if (tokenize(text).length === 0) continue;
    if (groups.flat().length + excluded.length >= MAX_CLAUSES) {
      if (!warnings.some((w) => w.kind === 'tooManyWords')) warnings.push({ kind: 'tooManyWords', kept: MAX_CLAUSES });
      continue;
    }
    const clause: Clause = {
      text,
      phrase: token.quoted || (scope !== null && tokenize(text).length > 1),
      scope,
      negated: token.negated,
    };
    if (clause.negated) {
      understood.push({ kind: 'words', any: [clause] });
      excluded.push(clause);
      joinNext = false;
      continue;
    }
    if (joinNext && groups.length > 0 && lastWords) {
      groups[groups.length - 1]!.push(clause);
      lastWords.any.push(clause);
    } else {
      groups.push([clause]);
      understood.push((lastWords = { kind: 'words', any: [clause] }));
    }
    joinNext = false;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    warnings.push({ kind: 'datesSwapped', from: filters.from, to: filters.to });
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  filters.types = [...new Set(filters.types)];
  const nothing = groups.length === 0 && excluded.length === 0 && understood.length === 0;
  if (nothing && typed.trim() && tokenize(typed).length === 0) warnings.push({ kind: 'noWords' });
  return { groups, excluded, filters, understood, warnings };
}

/** Does a record's (partial) date range overlap the filter's days? Undated records never match a date filter. */
export function dateMatches(date: string, dateEnd: string, filters: QueryFilters): boolean {
  if (!filters.from && !filters.to) return true;
  if (!date) return false;
  const start = earliestDay(date);
  const end = latestDay(dateEnd || date);
  if (filters.from && end < filters.from) return false;
  if (filters.to && start > filters.to) return false;
  return true;
}
