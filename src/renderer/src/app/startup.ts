/**
 * The two answers the window cannot show rows without — the library's summary and the list's
 * first block — asked for as soon as the bundle runs, before React draws anything. Asked for by
 * the components that use them, the list waited for the summary, then for the whole workspace's
 * first render (a quarter of a second on a two-core machine), before even asking for its rows.
 *
 * The first block is asked for after the summary has answered, never beside it: its revision is
 * then the summary's or newer, and a newer one is caught by the revision poll (useLibraryInfo),
 * which reloads the list. Each answer is used once, by the first request that matches it exactly;
 * everything later asks the service as usual.
 */
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { archive } from '../archive';
import { INITIAL_QUERY, listPageInput } from '../library/query';

type Answer<C extends 'libraryInfo' | 'listRecords'> = Promise<Result<OutputOf<C>>>;

let info: Answer<'libraryInfo'> | null = archive.libraryInfo({});
const firstPageAsked = listPageInput(INITIAL_QUERY, 0);
const firstPageInput = JSON.stringify(firstPageAsked);
/** The summary's revision: the first block is that list (or newer), and only that list. */
let firstPageRevision: number | null = null;
let firstPage: Answer<'listRecords'> | null = info.then((summary) => {
  if (!summary.ok) return summary;
  firstPageRevision = summary.value.revision;
  return archive.listRecords(firstPageAsked);
});

/** The start-up summary, the first time it is asked for; null after. */
export function takeStartupInfo(): Answer<'libraryInfo'> | null {
  const answer = info;
  info = null;
  return answer;
}

/**
 * The start-up first block, if `input` asks for exactly it at the start-up summary's revision and
 * nobody took it yet; null otherwise (a list asked for after a write — the sample loaded into an
 * empty library, say — must not be given the rows from before it).
 */
export function takeStartupFirstPage(input: InputOf<'listRecords'>, revision: number): Answer<'listRecords'> | null {
  if (!firstPage || revision !== firstPageRevision || JSON.stringify(input) !== firstPageInput) return null;
  const answer = firstPage;
  firstPage = null;
  return answer;
}
