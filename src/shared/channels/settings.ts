/** Channels of library settings that citations and exchange need: the holding archive and the default style. */
import { z } from 'zod';
import { OptionalText } from '../model';
import { channel } from './channel';

export const LibrarySettings = z.object({
  /** The archive holding the records, printed as `archive` in every citation. */
  archiveName: z.string().nullable(),
  /** Where that archive is (a town or city), printed as `archive-place`. */
  archivePlace: z.string().nullable(),
  /** The style the cite dialog opens with. */
  defaultStyle: z.string(),
});
export type LibrarySettings = z.output<typeof LibrarySettings>;

export const settingsChannels = {
  getSettings: channel(z.strictObject({}), LibrarySettings, false),
  updateSettings: channel(
    z.strictObject({
      archiveName: OptionalText(500),
      archivePlace: OptionalText(500),
      defaultStyle: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    }),
    LibrarySettings,
    true,
  ),
};
