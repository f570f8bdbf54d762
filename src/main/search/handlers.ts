/** Search's handlers: one function per channel of src/shared/channels/search.ts. */
import type { searchChannels } from '../../shared/channels/search';
import type { HandlersFor } from '../service/handler-types';
import { searchDocumentsSince } from './documents';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved';
import { loadSnapshot, snapshotInfo } from './snapshot';
import { rebuildTextIndex, searchText } from './text-search';

export const searchHandlers: HandlersFor<typeof searchChannels> = {
  searchDocuments: (ctx, { sinceRevision }) => searchDocumentsSince(ctx, sinceRevision),
  searchText: (ctx, { query, limit }) => searchText(ctx, query, limit),
  rebuildTextIndex: (ctx) => rebuildTextIndex(ctx),
  listSavedSearches: (ctx) => listSavedSearches(ctx),
  saveSearch: (ctx, input) => saveSearch(ctx, input),
  deleteSavedSearch: (ctx, { id }) => deleteSavedSearch(ctx, id),
  loadSearchSnapshot: (ctx) => loadSnapshot(ctx.paths, ctx.db),
  searchSnapshotInfo: (ctx) => snapshotInfo(ctx.paths, ctx.db),
};
