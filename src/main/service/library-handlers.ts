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
    throw new ArchiveFailure('library', 'library_fixed', {});
  },
};
