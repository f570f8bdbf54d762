/**
 * The handler-table answer to openLibrary: the catalogue cannot swap itself out from inside its
 * own worker. A door that can switch (the browser host, through LibrarySwitch) answers the channel
 * before it reaches here; every other door says how it opens another library.
 */
import type { libraryChannels } from '../../shared/channels/library';
import { ArchiveFailure } from '../../shared/result';
import type { HandlersFor } from './handler-types';

export const libraryHandlers: HandlersFor<typeof libraryChannels> = {
  openLibrary: () => {
    throw new ArchiveFailure(
      'library',
      'this door keeps the library it was started with: the desktop app opens another with File → Open Library…, the CLI and the browser host with --library DIR',
    );
  },
};
