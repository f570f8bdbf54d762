/**
 * Channels of library settings: the holding archive and the default style (citations, exchange),
 * and how many automatic backups of the catalogue are kept.
 */
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
  /** Automatic copies of the catalogue kept in backups/ (one a day at most, on open); 0: none are made. */
  backupsKept: z.number().int(),
});
export type LibrarySettings = z.output<typeof LibrarySettings>;

export const settingsChannels = {
  getSettings: channel(z.strictObject({}), LibrarySettings, false),
  updateSettings: channel(
    z.strictObject({
      archiveName: OptionalText(500),
      archivePlace: OptionalText(500),
      defaultStyle: z.string().trim().min(1, 'must not be empty').max(200).optional(),
      /** null: back to the default (7). */
      backupsKept: z
        .number()
        .int()
        .min(0, 'keep 0 or more copies (0: no automatic backups)')
        .max(365, 'keep at most 365 copies')
        .nullable()
        .optional(),
    }),
    LibrarySettings,
    true,
  ),
};
