/**
 * Schemas for changing many records at once and for bringing a deleted record back: the batch
 * operations an archivist chooses in the batch dialog, the patches that undo and redo them, and
 * the snapshot a deletion hands back so it can be undone with the same id.
 */
import { z } from 'zod';
import { AUTHORITY_KINDS, AuthorityView, Id, LINK_ROLES, RecordCreate, RecordPatch, RequiredText, Tag } from './model';

/** The fields a batch may set: the ones that make sense across many records at once. */
export const BATCH_FIELDS = [
  'accessStatus',
  'languages',
  'date',
  'dateEnd',
  'dateApproximate',
  'publisher',
  'rights',
  'physicalLocation',
  'extent',
  'medium',
  'agreementKind',
] as const;
export type BatchField = (typeof BATCH_FIELDS)[number];

const fieldMask = Object.fromEntries(BATCH_FIELDS.map((f) => [f, true])) as { [K in BatchField]: true };

/** A patch of the batch fields only. */
export const BatchFieldPatch = RecordPatch.pick(fieldMask).refine((p) => Object.values(p).some((v) => v !== undefined), {
  message: 'choose at least one field to set',
});

/** What undo and redo of a batch send back per record: the batch fields, tags and collection. */
export const BatchPatch = RecordPatch.pick({ ...fieldMask, tags: true, collectionId: true });
export type BatchPatch = z.output<typeof BatchPatch>;

export const BatchOperation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('addTag'), tag: Tag }),
  z.strictObject({ kind: z.literal('removeTag'), tag: Tag }),
  z.strictObject({ kind: z.literal('setCollection'), collectionId: Id.nullable() }),
  z.strictObject({ kind: z.literal('setField'), patch: BatchFieldPatch }),
]);
export type BatchOperation = z.output<typeof BatchOperation>;

export const BatchEditInput = z.strictObject({
  ids: z.array(Id).min(1, 'choose at least one record').max(10_000, 'at most 10,000 records at once'),
  operation: BatchOperation,
  /** Work out what would change, write nothing. */
  dryRun: z.boolean().default(false),
});

export const FieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const BatchItem = z.object({
  id: z.number(),
  title: z.string(),
  outcome: z.enum(['change', 'unchanged', 'skipped']),
  /** Why a record was skipped (the field does not belong to its type, it no longer exists…). */
  reason: z.string().nullable(),
  changes: z.array(FieldChange),
  /** The record's revision after the batch (unchanged records keep theirs). */
  revision: z.number(),
  /** Patches that put the record back as it was, and that make the change again. */
  inverse: BatchPatch.nullable(),
  forward: BatchPatch.nullable(),
});
export type BatchItem = z.output<typeof BatchItem>;

export const BatchEditOutput = z.object({
  dryRun: z.boolean(),
  revision: z.number(),
  counts: z.object({ change: z.number(), unchanged: z.number(), skipped: z.number() }),
  items: z.array(BatchItem),
});
export type BatchEditOutput = z.output<typeof BatchEditOutput>;

/** Patches applied together, all or nothing, each refused if its record changed since `expectedRevision`. */
export const PatchRecordsInput = z.strictObject({
  items: z
    .array(z.strictObject({ id: Id, patch: BatchPatch, expectedRevision: z.number().int().min(0) }))
    .min(1, 'nothing to change')
    .max(10_000, 'at most 10,000 records at once'),
});
export const PatchRecordsOutput = z.object({
  revision: z.number(),
  records: z.array(z.object({ id: z.number(), revision: z.number() })),
});

// ---------------------------------------------------------------- deletion and restore

const Timestamp = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO timestamp');

/** A file attached to a record, as the record held it. */
export const AttachedFile = z.strictObject({
  fileId: Id,
  originalName: RequiredText(1_000),
  position: z.number().int().min(0),
  addedAt: Timestamp,
});

/** Everything needed to put a deleted record back exactly: its description, when it was made, its files. */
export const RecordSnapshot = z.strictObject({
  record: RecordCreate,
  createdAt: Timestamp,
  files: z.array(AttachedFile).max(10_000),
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
    .array(z.strictObject({ recordId: Id, role: z.enum(LINK_ROLES), note: z.string().max(500).nullable(), position: z.number().int().min(0) }))
    .max(100_000),
  eventsAtPlace: z.array(Id).max(100_000),
  /** The kept record's revision right after the merge: the undo is refused if it has changed since. */
  keepRevision: z.number().int().min(0),
});
export type MergeSnapshot = z.output<typeof MergeSnapshot>;

export const MergedAuthorities = z.object({ authority: AuthorityView, linksMoved: z.number(), revision: z.number(), snapshot: MergeSnapshot });
export const UnmergeOutput = z.object({ authority: AuthorityView, restored: AuthorityView, revision: z.number() });
