/** Channels of the catalogue: records, authority records, tags, collections, the library, the change log. */
import { z } from 'zod';
import {
  ACCESS_STATUSES,
  AUTHORITY_KINDS,
  AuthorityCreate,
  AuthorityPatch,
  AuthorityView,
  CollectionCreate,
  CollectionPatch,
  CollectionSummary,
  CollectionView,
  Id,
  NewLinks,
  RECORD_TYPES,
  RecordCreateWithLinks,
  RecordPatch,
  RecordRow,
  RecordSummary,
  RecordView,
  Tag,
  TagView,
} from '../model';

export const RECORD_SORTS = [
  'date',
  'title',
  'type',
  'referenceCode',
  'updatedAt',
  'createdAt',
  /** The first creator's sort name (family name first when its parts are known). */
  'creator',
  /** The collection's name, then its level (fonds before series before file). */
  'collection',
  /** The first tag alphabetically. */
  'tags',
] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

const ById = z.strictObject({ id: Id });

/** What a list of records can be narrowed to; every filter given must hold. */
const RecordFilters = {
  type: z.enum(RECORD_TYPES).optional(),
  tag: Tag.optional(),
  collectionId: Id.optional(),
  /** With collectionId: also the records of its series and files, all the way down. */
  subcollections: z.boolean().optional(),
  authorityId: Id.optional(),
  accessStatus: z.enum(ACCESS_STATUSES).optional(),
  ids: z.array(Id).max(1_000).optional(),
  /** Records whose (start) date falls in this year. */
  year: z.number().int().min(0).max(9_999).optional(),
  /** Records holding a file brought in by this import batch (listJobs names the batches). */
  importBatch: z.string().min(1).max(100).optional(),
};

const RecordOrder = {
  sort: z.enum(RECORD_SORTS).default('date'),
  direction: z.enum(['asc', 'desc']).default('desc'),
};
const Deleted = z.object({ id: z.number(), revision: z.number() });
const Page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1_000).default(100),
};

export const LibraryInfo = z.object({
  path: z.string(),
  /** The library's own identity (kept inside it): another library later made in the same folder has another. */
  id: z.string(),
  schemaVersion: z.number(),
  revision: z.number(),
  counts: z.object({
    records: z.number(),
    byType: z.record(z.string(), z.number()),
    authorities: z.record(z.string(), z.number()),
    tags: z.number(),
    collections: z.number(),
  }),
});

export const ChangeEntry = z.object({
  revision: z.number(),
  at: z.string(),
  actor: z.string(),
  entity: z.enum(['record', 'authority', 'collection', 'tag']),
  entityId: z.number(),
  action: z.enum(['create', 'update', 'delete']),
});
export type ChangeEntry = z.output<typeof ChangeEntry>;

export const AuditEntry = z.object({
  revision: z.number(),
  at: z.string(),
  actor: z.string(),
  entity: ChangeEntry.shape.entity,
  entityId: z.number(),
  action: ChangeEntry.shape.action,
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type AuditEntry = z.output<typeof AuditEntry>;

import { channel } from './channel';
import { BatchEditInput, BatchEditOutput, PatchRecordsInput, PatchRecordsOutput } from '../batch';
import {
  CollectionSnapshot,
  DeletedCollection,
  DeletedRecord,
  CreatedAuthority,
  MergedAuthorities,
  MergeSnapshot,
  RestoreRecordInput,
  UnmergeOutput,
} from '../restore';

/** The most ids recordIds gives at once: a whole list order is read in pages of this many. */
export const RECORD_IDS_MOST = 10_000;

/** The most characters of undo history a library keeps (the oldest steps go first beyond it). */
export const UNDO_HISTORY_MAX_CHARS = 1_000_000;

export const catalogueChannels = {
  libraryInfo: channel(z.strictObject({}), LibraryInfo, false),
  /** Just the catalogue's revision: cheap enough for a window to poll, to notice writes made elsewhere (CLI, background jobs). */
  libraryRevision: channel(z.strictObject({}), z.object({ revision: z.number() }), false),
  loadSample: channel(
    z.strictObject({}),
    z.object({ records: z.number(), authorities: z.number(), skipped: z.boolean(), revision: z.number() }),
    true,
  ),

  /** `newLinks`: authorities named in the form and created with the record, all or nothing. */
  createRecord: channel(RecordCreateWithLinks, RecordView, true),
  getRecord: channel(ById, RecordView, false),
  updateRecord: channel(
    z.strictObject({
      id: Id,
      patch: RecordPatch,
      /** Refuse the edit if the record changed since this revision (another window, the CLI). */
      expectedRevision: z.number().int().min(0).optional(),
      /** Authorities created with the edit and linked after the record's links, all or nothing. */
      newLinks: NewLinks,
      /**
       * Undoing an edit that created authorities: these (which the record linked before this edit)
       * are deleted after it when nothing refers to them any more and nobody edited them since.
       */
      withAuthorities: z.array(Id).max(100).optional(),
      /** Redoing such an edit: these authorities are put back under their ids first (kept if still there). */
      restoreAuthorities: z.array(CreatedAuthority).max(100).optional(),
    }),
    RecordView,
    true,
  ),
  deleteRecord: channel(ById, Deleted, true),
  listRecords: channel(
    z.strictObject({ ...RecordFilters, ...RecordOrder, ...Page }),
    z.object({ total: z.number(), items: z.array(RecordRow) }),
    false,
  ),
  /**
   * Just the ids of a list, in its order: what a selection of a range or of everything matching
   * needs without loading the rows (at most 10,000 at once, the batch-edit limit).
   */
  recordIds: channel(
    z.strictObject({
      ...RecordFilters,
      ...RecordOrder,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(RECORD_IDS_MOST).default(RECORD_IDS_MOST),
    }),
    z.object({ total: z.number(), ids: z.array(z.number()) }),
    false,
  ),
  /** The thumbnail of each record's first file that has one (an image, a PDF's first page), for the list. */
  recordThumbnails: channel(
    z.strictObject({ ids: z.array(Id).max(1_000) }),
    z.array(z.object({ id: z.number(), sha256: z.string() })),
    false,
  ),
  /** The latest imports, newest first, each named after its first file: the sidebar's "recent imports" (listRecords importBatch shows one). */
  recentImports: channel(
    z.strictObject({ limit: z.number().int().min(1).max(100).default(8) }),
    z.array(z.object({ batch: z.string(), name: z.string(), files: z.number(), at: z.string() })),
    false,
  ),
  /** Records per year of their (start) date, for the timeline; the same filters as listRecords. */
  recordsPerYear: channel(
    z.strictObject(RecordFilters),
    z.object({
      years: z.array(z.object({ year: z.number(), count: z.number() })),
      undated: z.number(),
      total: z.number(),
    }),
    false,
  ),

  createAuthority: channel(AuthorityCreate, AuthorityView, true),
  getAuthority: channel(ById, AuthorityView, false),
  updateAuthority: channel(z.strictObject({ id: Id, patch: AuthorityPatch }), AuthorityView, true),
  deleteAuthority: channel(ById, Deleted, true),
  listAuthorities: channel(
    z.strictObject({
      kind: z.enum(AUTHORITY_KINDS).optional(),
      query: z.string().max(200).optional(),
      ...Page,
    }),
    z.object({ total: z.number(), items: z.array(AuthorityView) }),
    false,
  ),
  /**
   * Authorities that may be the one whose name is being typed — "Cllr J. Blake" may be Judith
   * Blake — by any of their names, honorifics aside (src/shared/names/similar.ts): the hint of a
   * possible duplicate before a new one is made. Best first.
   */
  similarAuthorities: channel(
    z.strictObject({
      name: z.string().max(500),
      kind: z.enum(AUTHORITY_KINDS).optional(),
      /** Leave this one out (the authority being edited). */
      excludeId: Id.optional(),
      limit: z.number().int().min(1).max(20).default(5),
    }),
    z.object({ items: z.array(z.object({ authority: AuthorityView, matched: z.string(), score: z.number() })) }),
    false,
  ),
  authorityRecords: channel(ById, z.array(RecordSummary.extend({ roles: z.array(z.string()) })), false),
  mergeAuthorities: channel(
    z.strictObject({
      keepId: Id,
      mergeId: Id,
      /** Which name survives; the other becomes an alternate name. */
      nameFrom: z.enum(['keep', 'merge']).default('keep'),
    }),
    z.object({ authority: AuthorityView, linksMoved: z.number(), revision: z.number() }),
    true,
  ),

  listTags: channel(z.strictObject({}), z.array(TagView), false),
  renameTag: channel(
    z.strictObject({ from: Tag, to: Tag }),
    z.object({ records: z.number(), revision: z.number() }),
    true,
  ),
  deleteTag: channel(z.strictObject({ name: Tag }), z.object({ records: z.number(), revision: z.number() }), true),

  createCollection: channel(CollectionCreate, CollectionView, true),
  updateCollection: channel(z.strictObject({ id: Id, patch: CollectionPatch }), CollectionView, true),
  deleteCollection: channel(ById, Deleted, true),
  listCollections: channel(z.strictObject({}), z.array(CollectionView), false),
  /** A collection's page: its place in the tree, dates and extent over its records and everything below it. */
  collectionSummary: channel(ById, CollectionSummary, false),
  /**
   * Deletes a collection whatever it holds: its records and sub-collections move up to its parent
   * (records become unfiled at the top); nothing else is deleted. Hands back what undoing needs.
   */
  deleteCollectionRestorably: channel(ById, DeletedCollection, true),
  /** Undoes a deletion: the collection comes back with its id, and what moved up goes back inside it. */
  restoreCollection: channel(z.strictObject({ snapshot: CollectionSnapshot }), CollectionView, true),

  changesSince: channel(
    z.strictObject({ revision: z.number().int().min(0), limit: z.number().int().min(1).max(10_000).default(1_000) }),
    z.object({ revision: z.number(), changes: z.array(ChangeEntry), more: z.boolean() }),
    false,
  ),
  auditTrail: channel(z.strictObject({ entity: ChangeEntry.shape.entity, id: Id }), z.array(AuditEntry), false),

  /** Deletes a record and hands back what restoreRecord needs to undo it (same id, links, tags, files). */
  deleteRecordRestorably: channel(
    z.strictObject({
      id: Id,
      /** Refuse if the record changed since this revision (undoing a creation must not delete a colleague's edit). */
      expectedRevision: z.number().int().min(0).optional(),
      /**
       * Authorities created with the record (its newLinks): deleted with it when nothing else
       * links to them and nobody edited them since, and kept in the snapshot to come back on restore.
       */
      withAuthorities: z.array(Id).max(100).optional(),
    }),
    DeletedRecord,
    true,
  ),
  /** Undoes a deletion: the record comes back with its id, refused if anything happened to that id since. */
  restoreRecord: channel(RestoreRecordInput, RecordView, true),
  /** Adds or removes a tag, moves to a collection or sets a field on many records, in one transaction; `dryRun` previews. */
  batchEdit: channel(BatchEditInput, BatchEditOutput, true),
  /** Per-record patches (undo and redo of a batch), all or none, each refused if its record changed since. */
  patchRecords: channel(PatchRecordsInput, PatchRecordsOutput, true),
  /** mergeAuthorities that hands back what undoing it needs (the duplicate as it was, the kept record before). */
  mergeAuthoritiesRestorably: channel(
    z.strictObject({ keepId: Id, mergeId: Id, nameFrom: z.enum(['keep', 'merge']).default('keep') }),
    MergedAuthorities,
    true,
  ),
  /** Undoes a merge: the duplicate comes back with its id and links; refused if either record changed since. */
  unmergeAuthorities: channel(z.strictObject({ snapshot: MergeSnapshot }), UnmergeOutput, true),

  /**
   * The window's undo history of this library, as the window saved it (its own JSON): kept in the
   * library folder, so it survives a reload, a new browser-host port and a restart, and only this
   * library sees it. `libraryId`: the library the window means (libraryInfo's id); another one
   * open meanwhile answers null. null: none kept, or what was kept is unreadable.
   */
  getUndoHistory: channel(
    z.strictObject({ libraryId: z.string().min(1).max(100) }),
    z.object({ text: z.string().nullable() }),
    false,
  ),
  /** Replaces the kept undo history (written atomically; null forgets it); not kept if another library is open now. */
  putUndoHistory: channel(
    z.strictObject({ libraryId: z.string().min(1).max(100), text: z.string().max(UNDO_HISTORY_MAX_CHARS).nullable() }),
    z.object({ kept: z.boolean() }),
    true,
  ),
};
