/**
 * Switching libraries: answered by the process that holds the library (the browser host), which
 * closes the current catalogue worker, job runner and snapshot keeper and opens the new folder's.
 * Doors that hold their library for their whole life (the CLI, the desktop app, whose File menu
 * opens another library) refuse it with a message saying how they open another.
 */
import { z } from 'zod';
import { AbsolutePath } from '../model';
import { LibraryInfo } from './catalogue';
import { channel } from './channel';

export const libraryChannels = {
  openLibrary: channel(
    z.strictObject({
      path: AbsolutePath,
      /** False: the folder must already hold a library. True: it may also be an empty or new folder, which becomes one. */
      create: z.boolean().default(false),
    }),
    LibraryInfo,
    true,
  ),
};
