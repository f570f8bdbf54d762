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
let firstPage: Answer<'listRecords'> | null = info.then((summary) =>
  summary.ok ? archive.listRecords(firstPageAsked) : summary,
);

/** The start-up summary, the first time it is asked for; null after. */
export function takeStartupInfo(): Answer<'libraryInfo'> | null {
  const answer = info;
  info = null;
  return answer;
}

/** The start-up first block, if `input` asks for exactly it and nobody took it yet; null otherwise. */
export function takeStartupFirstPage(input: InputOf<'listRecords'>): Answer<'listRecords'> | null {
  if (!firstPage || JSON.stringify(input) !== firstPageInput) return null;
  const answer = firstPage;
  firstPage = null;
  return answer;
}
