/**
 * The one contract between the renderer (through the preload or the browser host), the CLI and
 * the service: every channel with the zod schema of its input and of its output. The service
 * validates every input against it; the typed clients are derived from it.
 */
import { z } from 'zod';
import {
  ACCESS_STATUSES,
  AUTHORITY_KINDS,
  AuthorityCreate,
  AuthorityPatch,
  AuthorityView,
  CollectionCreate,
  CollectionPatch,
  CollectionView,
  Id,
  RECORD_TYPES,
  RecordCreate,
  RecordPatch,
  RecordSummary,
  RecordView,
  Tag,
  TagView,
} from './model';
import { SearchDocument } from './search/document';

export const RECORD_SORTS = ['date', 'title', 'type', 'referenceCode', 'updatedAt', 'createdAt'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

const ById = z.strictObject({ id: Id });
const Deleted = z.object({ id: z.number(), revision: z.number() });
const Page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1_000).default(100),
};

export const LibraryInfo = z.object({
  path: z.string(),
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

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates: boolean) {
  return { input, output, mutates };
}

export const contract = {
  libraryInfo: channel(z.strictObject({}), LibraryInfo, false),
  loadSample: channel(
    z.strictObject({}),
    z.object({ records: z.number(), authorities: z.number(), skipped: z.boolean(), revision: z.number() }),
    true,
  ),

  createRecord: channel(RecordCreate, RecordView, true),
  getRecord: channel(ById, RecordView, false),
  updateRecord: channel(
    z.strictObject({
      id: Id,
      patch: RecordPatch,
      /** Refuse the edit if the record changed since this revision (another window, the CLI). */
      expectedRevision: z.number().int().min(0).optional(),
    }),
    RecordView,
    true,
  ),
  deleteRecord: channel(ById, Deleted, true),
  listRecords: channel(
    z.strictObject({
      type: z.enum(RECORD_TYPES).optional(),
      tag: Tag.optional(),
      collectionId: Id.optional(),
      authorityId: Id.optional(),
      accessStatus: z.enum(ACCESS_STATUSES).optional(),
      ids: z.array(Id).max(1_000).optional(),
      sort: z.enum(RECORD_SORTS).default('date'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      ...Page,
    }),
    z.object({ total: z.number(), items: z.array(RecordSummary) }),
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
  authorityRecords: channel(
    ById,
    z.array(RecordSummary.extend({ roles: z.array(z.string()) })),
    false,
  ),
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
  renameTag: channel(z.strictObject({ from: Tag, to: Tag }), z.object({ records: z.number(), revision: z.number() }), true),
  deleteTag: channel(z.strictObject({ name: Tag }), z.object({ records: z.number(), revision: z.number() }), true),

  createCollection: channel(CollectionCreate, CollectionView, true),
  updateCollection: channel(z.strictObject({ id: Id, patch: CollectionPatch }), CollectionView, true),
  deleteCollection: channel(ById, Deleted, true),
  listCollections: channel(z.strictObject({}), z.array(CollectionView), false),

  changesSince: channel(
    z.strictObject({ revision: z.number().int().min(0), limit: z.number().int().min(1).max(10_000).default(1_000) }),
    z.object({ revision: z.number(), changes: z.array(ChangeEntry), more: z.boolean() }),
    false,
  ),
  auditTrail: channel(
    z.strictObject({ entity: ChangeEntry.shape.entity, id: Id }),
    z.array(AuditEntry),
    false,
  ),
  /**
   * Search documents for the record-level index: all of them (revision 0), or what changed since
   * a revision (upserts plus deleted ids), so a search index can follow the catalogue.
   */
  searchDocuments: channel(
    z.strictObject({ sinceRevision: z.number().int().min(0).default(0) }),
    z.object({ revision: z.number(), upserts: z.array(SearchDocument), deletes: z.array(z.number()) }),
    false,
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
