/** The catalogue's handlers: one function per channel of src/shared/channels/catalogue.ts. */
import type { catalogueChannels } from '../../shared/channels/catalogue';
import type { HandlersFor } from '../service/handler-types';
import * as authorities from './authorities';
import * as batch from './batch';
import * as changes from './changes';
import * as collections from './collections';
import { libraryInfo } from './info';
import * as recordList from './record-list';
import * as records from './records';
import * as library from './library';
import * as restore from './restore';
import * as undoHistory from './undo-history';
import { loadSample } from './sample';
import * as tags from './tags';
import * as unmerge from './unmerge';

export const catalogueHandlers: HandlersFor<typeof catalogueChannels> = {
  libraryInfo: (ctx) => libraryInfo(ctx),
  libraryRevision: (ctx) => ({ revision: changes.currentRevision(ctx) }),
  loadSample: (ctx) => loadSample(ctx),

  createRecord: (ctx, { newLinks, ...input }) => records.createRecord(ctx, input, newLinks),
  getRecord: (ctx, { id }) => records.requireRecord(ctx, id),
  updateRecord: (ctx, { id, patch, expectedRevision, newLinks, withAuthorities, restoreAuthorities }) =>
    withAuthorities?.length || restoreAuthorities?.length
      ? restore.updateRestorably(ctx, { id, patch, expectedRevision, newLinks, withAuthorities, restoreAuthorities })
      : records.updateRecord(ctx, id, patch, expectedRevision, newLinks),
  deleteRecord: (ctx, { id }) => records.deleteRecord(ctx, id),
  listRecords: (ctx, query) => recordList.listRecords(ctx, query),
  recordIds: (ctx, query) => recordList.recordIds(ctx, query),
  recordsPerYear: (ctx, filters) => recordList.recordsPerYear(ctx, filters),
  recordThumbnails: (ctx, { ids }) => recordList.recordThumbnails(ctx, ids),
  recentImports: (ctx, { limit }) => recordList.recentImports(ctx, limit),

  createAuthority: (ctx, input) => authorities.createAuthority(ctx, input),
  getAuthority: (ctx, { id }) => authorities.requireAuthority(ctx, id),
  updateAuthority: (ctx, { id, patch }) => authorities.updateAuthority(ctx, id, patch),
  deleteAuthority: (ctx, { id }) => authorities.deleteAuthority(ctx, id),
  listAuthorities: (ctx, query) => authorities.listAuthorities(ctx, query),
  similarAuthorities: (ctx, query) => authorities.similarAuthorities(ctx, query),
  authorityRecords: (ctx, { id }) => authorities.authorityRecords(ctx, id),
  mergeAuthorities: (ctx, { keepId, mergeId, nameFrom }) =>
    authorities.mergeAuthorities(ctx, keepId, mergeId, nameFrom),

  listTags: (ctx) => tags.listTags(ctx),
  renameTag: (ctx, { from, to }) => tags.renameTag(ctx, from, to),
  deleteTag: (ctx, { name }) => tags.deleteTag(ctx, name),

  createCollection: (ctx, input) => collections.createCollection(ctx, input),
  updateCollection: (ctx, { id, patch }) => collections.updateCollection(ctx, id, patch),
  deleteCollection: (ctx, { id }) => collections.deleteCollection(ctx, id),
  listCollections: (ctx) => collections.listCollections(ctx),
  collectionSummary: (ctx, { id }) => collections.collectionSummary(ctx, id),
  deleteCollectionRestorably: (ctx, { id }) => collections.deleteCollectionRestorably(ctx, id),
  restoreCollection: (ctx, { snapshot }) => collections.restoreCollection(ctx, snapshot),

  changesSince: (ctx, { revision, limit }) => changes.changesSince(ctx, revision, limit),
  auditTrail: (ctx, { entity, id }) => changes.auditTrail(ctx, entity, id),

  deleteRecordRestorably: (ctx, { id, expectedRevision, withAuthorities }) =>
    restore.deleteRestorably(ctx, id, expectedRevision, withAuthorities),
  restoreRecord: (ctx, { id, deletedRevision, snapshot }) => restore.restoreRecord(ctx, id, deletedRevision, snapshot),
  batchEdit: (ctx, input) => batch.batchEdit(ctx, input),
  patchRecords: (ctx, input) => batch.patchRecords(ctx, input),
  mergeAuthoritiesRestorably: (ctx, { keepId, mergeId, nameFrom }) =>
    unmerge.mergeRestorably(ctx, keepId, mergeId, nameFrom),
  unmergeAuthorities: (ctx, { snapshot }) => unmerge.unmerge(ctx, snapshot),
  getUndoHistory: (ctx, { libraryId }) =>
    libraryId === library.libraryId(ctx.db) ? undoHistory.getUndoHistory(ctx.paths) : { text: null },
  putUndoHistory: (ctx, { libraryId, text }) =>
    libraryId === library.libraryId(ctx.db) ? undoHistory.putUndoHistory(ctx.paths, text) : { kept: false },
};
