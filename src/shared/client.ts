/**
 * The typed client every caller of the service uses: `window.archive` in the desktop app (over
 * IPC) and the same object over `fetch` in the browser host. Built from the contract's public
 * channels (their names, kept equal to the contract by the compiler: public-channels.ts), so a new
 * channel appears everywhere at once — and an internal one (the job runner's) nowhere.
 */
import type { InputOf, OutputOf, PublicChannel } from './contract';
import { PUBLIC_CHANNEL_NAMES } from './public-channels';
import type { Result } from './result';

export type ArchiveApi = {
  [C in PublicChannel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};

export type Transport = (channel: PublicChannel, input: unknown) => Promise<Result<unknown>>;

export function createClient(transport: Transport): ArchiveApi {
  const api: Record<string, unknown> = {};
  for (const name of PUBLIC_CHANNEL_NAMES) {
    api[name] = (input: unknown) => transport(name, input ?? {});
  }
  return api as ArchiveApi;
}
