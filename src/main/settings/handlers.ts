/** The handlers of library settings: one function per channel of channels/settings.ts. */
import type { settingsChannels } from '../../shared/channels/settings';
import { findStyle } from '../cite/styles';
import type { HandlersFor } from '../service/handler-types';
import { getSettings, updateSettings } from './library-settings';

export const settingsHandlers: HandlersFor<typeof settingsChannels> = {
  getSettings: (ctx) => getSettings(ctx),
  updateSettings: (ctx, patch) => updateSettings(ctx, patch, (id) => findStyle(ctx, id) !== null),
};
