/**
 * The one contract between the renderer (through the preload or the browser host), the CLI and
 * the service: every channel with the zod schema of its input and of its output. The service
 * validates every input against it; the typed clients are derived from it. Each capability
 * declares its channels in src/shared/channels/; adding a capability = one line here.
 */
import type { z } from 'zod';
import { catalogueChannels } from './channels/catalogue';
import { searchChannels } from './channels/search';
import { citeChannels } from './channels/cite';
import { settingsChannels } from './channels/settings';
import { exchangeChannels } from './channels/exchange';
import { documentsChannels } from './channels/documents';
import { libraryChannels } from './channels/library';

export { AuditEntry, ChangeEntry, LibraryInfo, RECORD_SORTS, type RecordSort } from './channels/catalogue';

export const contract = {
  ...catalogueChannels,
  ...searchChannels,
  ...citeChannels,
  ...settingsChannels,
  ...exchangeChannels,
  ...documentsChannels,
  ...libraryChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** Channels the app uses only in-process (the job runner, the fixity check): no door answers them. */
export type InternalChannel = { [C in Channel]: Contract[C]['internal'] extends true ? C : never }[Channel];
/** Channels the doors (IPC, the browser host, the CLI) answer, and the typed clients expose. */
export type PublicChannel = Exclude<Channel, InternalChannel>;

export function isInternal(channel: Channel): channel is InternalChannel {
  return contract[channel].internal;
}
export const PUBLIC_CHANNELS = CHANNELS.filter((c): c is PublicChannel => !isInternal(c));
export const INTERNAL_CHANNELS = CHANNELS.filter(isInternal);

/** A channel name a door may answer: known to the contract and not internal. */
export function isPublicChannel(name: string): name is PublicChannel {
  return isChannel(name) && !isInternal(name);
}

export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
