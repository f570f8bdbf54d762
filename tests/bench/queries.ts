/** The fixed, mixed query set of the search benchmark. */
export interface BenchQuery {
  kind: string;
  query: string;
}

const typed = (word: string, kind: string): BenchQuery[] =>
  Array.from({ length: word.length - 1 }, (_, i) => ({ kind, query: word.slice(0, i + 2) }));

export const QUERIES: BenchQuery[] = [
  { kind: 'common term', query: 'partnership' },
  { kind: 'common term', query: 'city' },
  { kind: 'rare term', query: 'kamiden' },
  { kind: 'rare term', query: 'zheulbar' },
  { kind: 'two terms', query: 'trade delegation' },
  { kind: 'two terms', query: 'library services' },
  ...typed('hangzhou', 'prefix as typed'),
  ...typed('memorandum', 'prefix as typed'),
  { kind: 'fuzzy', query: 'Hangzou' },
  { kind: 'fuzzy', query: 'memorandun' },
  { kind: 'fuzzy', query: 'Hisnse' },
  { kind: 'field-scoped', query: 'person:blake' },
  { kind: 'field-scoped', query: 'org:hisense culture' },
  { kind: 'Chinese', query: '杭州' },
  { kind: 'Chinese', query: '友好城市' },
  { kind: 'Chinese', query: '谅解备忘录' },
  { kind: 'with a facet', query: 'type:agreement partnership' },
  { kind: 'with a facet', query: 'festival year:2018' },
];
