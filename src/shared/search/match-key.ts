/**
 * One string per distinct place a hit matched, to list each once. Its own file because the
 * window's merge of the two engines' hits needs it without loading the record engine (MiniSearch
 * and the snapshot reader): the engine runs in the search worker, the merge also in the window.
 */
import type { MatchedIn } from '../channels/search';

export function matchKey(m: MatchedIn): string {
  if (m.field === 'role') return `role\u0000${m.role}`;
  if (m.field === 'page') return `page\u0000${m.page}\u0000${m.file}`;
  if (m.field === 'alias') return `alias\u0000${m.name}`;
  return m.field;
}
