/**
 * Names across languages: an authority (a place, person, organisation…) has a name and other
 * names (杭州 and Hangzhou). A query word that is one of its names also finds the records that
 * mention it by another — `杭州` finds every record that says Hangzhou, linked to the place or
 * not. Both engines use this: the record-level one with the names of the authorities its records
 * link, FTS5 with every authority of the catalogue. What is found only so ranks below what the
 * query found as typed, and says why (`{ field: 'alias', name }`).
 */
import type { ParsedQuery } from './query';
import { tokenize } from './tokenizer';

/** Each name of an authority (as its terms) → the authority's other names, as written. */
export type NameIndex = Map<string, string[]>;

const key = (name: string) => tokenize(name).join(' ');

/** Adds one authority's names (the first is its main name); a name already known keeps its first authority. */
export function addNames(index: NameIndex, names: string[]): void {
  if (names.length < 2) return;
  const keys = names.map(key);
  keys.forEach((k) => {
    if (!k || index.has(k)) return;
    const others = names.filter((_, j) => keys[j] !== k && keys[j] !== '');
    if (others.length) index.set(k, others);
  });
}

/** At most this many other names are searched for one query (an authority with dozens of names stays cheap). */
const MAX_ALIASES = 4;

/**
 * The queries that search another name instead of a word of the query that names an authority:
 * the clause replaced by the other name, as a phrase, anywhere (a scope would not find the records
 * that only mention it).
 */
export function aliasQueries(q: ParsedQuery, index: NameIndex): { query: ParsedQuery; name: string }[] {
  if (index.size === 0) return [];
  const out: { query: ParsedQuery; name: string }[] = [];
  q.groups.forEach((group, g) =>
    group.forEach((clause, c) => {
      // A scoped clause (place:杭州) already searches every name of the linked authorities.
      const others = clause.scope ? undefined : index.get(key(clause.text));
      if (!others) return;
      for (const name of others) {
        if (out.length >= MAX_ALIASES) return;
        const groups = q.groups.map((gr, i) =>
          i !== g ? gr : gr.map((cl, j) => (j !== c ? cl : { text: name, phrase: true, scope: null, negated: false })),
        );
        out.push({ query: { ...q, groups }, name });
      }
    }),
  );
  return out;
}
