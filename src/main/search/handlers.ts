/** Search's handlers: one function per channel of src/shared/channels/search.ts. */
import type { searchChannels } from '../../shared/channels/search';
import type { HandlersFor } from '../service/handler-types';
import { searchDocumentsSince } from './documents';

export const searchHandlers: HandlersFor<typeof searchChannels> = {
  searchDocuments: (ctx, { sinceRevision }) => searchDocumentsSince(ctx, sinceRevision),
};
