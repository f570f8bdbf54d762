/**
 * Snapshots that make a removal undoable: what a deleted record was (so it comes back with the
 * same id, links, tags, collection and files) and what a merge of two authority records changed
 * (so the duplicate comes back with its id, names and links). The window keeps them for its undo
 * history; the service checks, when one comes back, that nothing has happened since.
 */
import { z } from 'zod';
import {
  AUTHORITY_KINDS,
  AuthorityView,
  COLLECTION_LEVELS,
  Id,
  LINK_ROLES,
  OptionalText,
  RecordCreate,
  RequiredText,
} from './model';

// ---------------------------------------------------------------- deleting and restoring a record

const Timestamp = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO timestamp');

/** A file attached to a record, as the record held it. */
const AttachedFile = z.strictObject({
  fileId: Id,
  originalName: RequiredText(1_000),
  position: z.number().int().min(0),
  addedAt: Timestamp,
});

/**
 * An authority created with the record (or with an edit of it) and deleted when that was undone:
 * it comes back with its id.
 */
export const CreatedAuthority = z.strictObject({
  id: Id,
  kind: z.enum(AUTHORITY_KINDS),
  name: RequiredText(500),
  createdAt: Timestamp,
});
export type CreatedAuthority = z.output<typeof CreatedAuthority>;

/** Everything needed to put a deleted record back exactly: its description, when it was made, its files. */
export const RecordSnapshot = z.strictObject({
  record: RecordCreate,
  createdAt: Timestamp,
  files: z.array(AttachedFile).max(10_000),
  authorities: z.array(CreatedAuthority).max(100).optional(),
});
export type RecordSnapshot = z.output<typeof RecordSnapshot>;

export const DeletedRecord = z.object({ id: z.number(), revision: z.number(), snapshot: RecordSnapshot });

export const RestoreRecordInput = z.strictObject({
  id: Id,
  /** The revision of the deletion being undone: refused if anything happened to this id since. */
  deletedRevision: z.number().int().positive(),
  snapshot: RecordSnapshot,
});

// ---------------------------------------------------------------- merging authorities and undoing it

const AltNameValue = z.strictObject({ name: RequiredText(500), language: z.string().max(100).nullable() });
const PartialDateValue = z.string().max(10).nullable();

/** What a merge changed, handed back so that it can be undone: the duplicate as it was, and the kept record before. */
export const MergeSnapshot = z.strictObject({
  keep: z.strictObject({
    id: Id,
    name: RequiredText(500),
    altNames: z.array(AltNameValue).max(100),
    description: z.string().max(20_000).nullable(),
    date: PartialDateValue,
  }),
  keepLinks: z.array(z.strictObject({ recordId: Id, role: z.enum(LINK_ROLES) })).max(100_000),
  merged: z.strictObject({
    id: Id,
    kind: z.enum(AUTHORITY_KINDS),
    name: RequiredText(500),
    altNames: z.array(AltNameValue).max(100),
    description: z.string().max(20_000).nullable(),
    date: PartialDateValue,
    dateEnd: PartialDateValue,
    placeId: Id.nullable(),
    createdAt: Timestamp,
  }),
  mergedLinks: z
    .array(
      z.strictObject({
        recordId: Id,
        role: z.enum(LINK_ROLES),
        note: z.string().max(500).nullable(),
        position: z.number().int().min(0),
        /** The organisation the link acted for (absent in snapshots made before it was kept). */
        onBehalfOf: Id.nullable().optional(),
      }),
    )
    .max(100_000),
  /** Other links that acted on behalf of the duplicate: the merge made them act for the kept record. */
  actedFor: z
    .array(z.strictObject({ recordId: Id, authorityId: Id, role: z.enum(LINK_ROLES) }))
    .max(100_000)
    .optional(),
  eventsAtPlace: z.array(Id).max(100_000),
  /** The kept record's revision right after the merge: the undo is refused if it has changed since. */
  keepRevision: z.number().int().min(0),
});
export type MergeSnapshot = z.output<typeof MergeSnapshot>;

export const MergedAuthorities = z.object({
  authority: AuthorityView,
  linksMoved: z.number(),
  revision: z.number(),
  snapshot: MergeSnapshot,
});
export const UnmergeOutput = z.object({ authority: AuthorityView, restored: AuthorityView, revision: z.number() });

// ---------------------------------------------------------------- deleting and restoring a collection

/**
 * A deleted collection as it was: its description, where it sat, and what the deletion moved up to
 * its parent (its sub-collections and its records), so undoing puts each of them back inside it.
 */
export const CollectionSnapshot = z.strictObject({
  id: Id,
  name: RequiredText(500),
  level: z.enum(COLLECTION_LEVELS),
  parentId: Id.nullable(),
  referenceCode: OptionalText(200),
  description: OptionalText(),
  createdAt: Timestamp,
  children: z.array(Id).max(10_000),
  records: z.array(Id).max(100_000),
  /** The revision of the deletion: refused if anything happened to this id since. */
  deletedRevision: z.number().int().positive(),
});
export type CollectionSnapshot = z.output<typeof CollectionSnapshot>;

export const DeletedCollection = z.object({
  id: z.number(),
  revision: z.number(),
  /** Where its records and sub-collections went: its parent, or null (records unfiled, sub-collections at the top). */
  movedTo: z.object({ id: z.number(), name: z.string() }).nullable(),
  snapshot: CollectionSnapshot,
});
