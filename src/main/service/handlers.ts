/**
 * The handler table: one function per contract channel, each given validated input. These run
 * where the catalogue lives (the catalogue worker thread in the app and the host; in-process in
 * the CLI and tests) and contain no Electron. Each capability keeps its handlers beside its code.
 */
import type { Contract } from '../../shared/contract';
import { catalogueHandlers } from '../catalogue/handlers';
import { searchHandlers } from '../search/handlers';
import { citeHandlers } from '../cite/handlers';
import { settingsHandlers } from '../settings/handlers';
import { exchangeHandlers } from '../exchange/handlers';
import { documentsHandlers } from '../documents/handlers';
import { libraryHandlers } from './library-handlers';
import type { HandlersFor } from './handler-types';

export type Handlers = HandlersFor<Contract>;

export const handlers: Handlers = {
  ...catalogueHandlers,
  ...searchHandlers,
  ...citeHandlers,
  ...settingsHandlers,
  ...exchangeHandlers,
  ...documentsHandlers,
  ...libraryHandlers,
};
