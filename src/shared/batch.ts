/**
 * Schemas for changing many records at once: the batch operations an archivist chooses in the
 * batch dialog, what a batch (or its dry run) reports per record, and the patches that undo and
 * redo it.
 */
import { z } from 'zod';
import { Id, RecordPatch, Tag } from './model';

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
type BatchField = (typeof BATCH_FIELDS)[number];

const fieldMask = Object.fromEntries(BATCH_FIELDS.map((f) => [f, true])) as { [K in BatchField]: true };

/** A patch of the batch fields only. */
const BatchFieldPatch = RecordPatch.pick(fieldMask).refine((p) => Object.values(p).some((v) => v !== undefined), {
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

const FieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });

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
