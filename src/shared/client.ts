/**
 * The typed client every caller of the service uses: `window.archive` in the desktop app (over
 * IPC) and the same object over `fetch` in the browser host. Built from the contract's public
 * channels, so a new channel appears everywhere at once — and an internal one (the job runner's)
 * nowhere.
 */
import { PUBLIC_CHANNELS, type InputOf, type OutputOf, type PublicChannel } from './contract';
import type { Result } from './result';

export type ArchiveApi = {
  [C in PublicChannel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};

export type Transport = (channel: PublicChannel, input: unknown) => Promise<Result<unknown>>;

export function createClient(transport: Transport): ArchiveApi {
  const api: Record<string, unknown> = {};
  for (const name of PUBLIC_CHANNELS) {
    api[name] = (input: unknown) => transport(name, input ?? {});
  }
  return api as ArchiveApi;
}
