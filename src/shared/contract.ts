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

export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
