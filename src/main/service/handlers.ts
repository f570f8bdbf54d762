/**
 * The handler table: one function per contract channel, each given validated input. These run
 * where the catalogue lives (the catalogue worker thread in the app and the host; in-process in
 * the CLI and tests) and contain no Electron.
 */
import type { Channel, OutputOf, ParsedInputOf } from '../../shared/contract';
import * as authorities from '../catalogue/authorities';
import * as changes from '../catalogue/changes';
import * as collections from '../catalogue/collections';
import type { CatalogueContext } from '../catalogue/context';
import { libraryInfo } from '../catalogue/info';
import * as records from '../catalogue/records';
import { loadSample } from '../catalogue/sample';
import { searchDocumentsSince } from '../catalogue/search-documents';
import * as tags from '../catalogue/tags';

export type Handlers = {
  [C in Channel]: (ctx: CatalogueContext, input: ParsedInputOf<C>) => OutputOf<C>;
};

export const handlers: Handlers = {
  libraryInfo: (ctx) => libraryInfo(ctx),
  loadSample: (ctx) => loadSample(ctx),

  createRecord: (ctx, input) => records.createRecord(ctx, input),
  getRecord: (ctx, { id }) => records.requireRecord(ctx, id),
  updateRecord: (ctx, { id, patch, expectedRevision }) => records.updateRecord(ctx, id, patch, expectedRevision),
  deleteRecord: (ctx, { id }) => records.deleteRecord(ctx, id),
  listRecords: (ctx, query) => records.listRecords(ctx, query),

  createAuthority: (ctx, input) => authorities.createAuthority(ctx, input),
  getAuthority: (ctx, { id }) => authorities.requireAuthority(ctx, id),
  updateAuthority: (ctx, { id, patch }) => authorities.updateAuthority(ctx, id, patch),
  deleteAuthority: (ctx, { id }) => authorities.deleteAuthority(ctx, id),
  listAuthorities: (ctx, query) => authorities.listAuthorities(ctx, query),
  authorityRecords: (ctx, { id }) => authorities.authorityRecords(ctx, id),
  mergeAuthorities: (ctx, { keepId, mergeId, nameFrom }) => authorities.mergeAuthorities(ctx, keepId, mergeId, nameFrom),

  listTags: (ctx) => tags.listTags(ctx),
  renameTag: (ctx, { from, to }) => tags.renameTag(ctx, from, to),
  deleteTag: (ctx, { name }) => tags.deleteTag(ctx, name),

  createCollection: (ctx, input) => collections.createCollection(ctx, input),
  updateCollection: (ctx, { id, patch }) => collections.updateCollection(ctx, id, patch),
  deleteCollection: (ctx, { id }) => collections.deleteCollection(ctx, id),
  listCollections: (ctx) => collections.listCollections(ctx),

  changesSince: (ctx, { revision, limit }) => changes.changesSince(ctx, revision, limit),
  auditTrail: (ctx, { entity, id }) => changes.auditTrail(ctx, entity, id),
  searchDocuments: (ctx, { sinceRevision }) => searchDocumentsSince(ctx, sinceRevision),
};
