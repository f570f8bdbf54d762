/** Every CLI command, by name. A capability adds its commands here with one line. */
import type { Command } from '../command';
import { catalogueCommands } from './catalogue';
import { collectionCommands } from './collections';
import { searchCommands } from './search';
import { documentsCommands } from './documents';
import { citeCommands } from './cite';
import { exchangeCommands } from './exchange';
import { settingsCommands } from './settings';

export const commands: Record<string, Command> = {
  ...catalogueCommands,
  ...collectionCommands,
  ...searchCommands,
  ...documentsCommands,
  ...citeCommands,
  ...exchangeCommands,
  ...settingsCommands,
};
