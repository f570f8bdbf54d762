/**
 * Changing many records at once (the batch dialog): add or remove a tag, move to a collection,
 * set a field. One transaction for the whole batch, but each record goes through updateRecord,
 * so each gets its own revision and field-level audit entry, as a hand edit would; records the
 * change does not fit (a medium on a letter) are skipped with the reason rather than failing the
 * rest. A dry run does the very same work and rolls it back, so the preview cannot differ from
 * what applying does.
 *
 * Undo and redo use patchRecords: per record, the patch that puts it back (or makes the change
 * again), refused as a whole if any record has changed since.
 */
import type { z } from 'zod';
import {
  BATCH_FIELDS,
  type BatchEditInput,
  type BatchItem,
  type BatchOperation,
  type BatchPatch,
  type PatchRecordsInput,
} from '../../shared/batch';
import type { RecordPatch, RecordView } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { currentRevision, diffFields } from './changes';
import type { CatalogueContext } from './context';
import { auditSnapshot, readRecord, updateRecord } from './records';

/** Thrown to roll a dry run back; never leaves this module. */
class DryRun extends Error {}

function patchFor(op: BatchOperation, record: RecordView): RecordPatch {
  switch (op.kind) {
    case 'addTag':
      return { tags: [...record.tags, op.tag] };
    case 'removeTag':
      return { tags: record.tags.filter((t) => t.toLowerCase() !== op.tag.toLowerCase()) };
    case 'setCollection':
      return { collectionId: op.collectionId };
    case 'setField':
      return op.patch;
  }
}

/** The fields an operation touches, so undo restores exactly those. */
function touched(op: BatchOperation): (keyof BatchPatch)[] {
  if (op.kind === 'addTag' || op.kind === 'removeTag') return ['tags'];
  if (op.kind === 'setCollection') return ['collectionId'];
  return BATCH_FIELDS.filter((f) => op.patch[f] !== undefined);
}

function pickPatch(record: RecordView, fields: (keyof BatchPatch)[]): BatchPatch {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = f === 'collectionId' ? (record.collection?.id ?? null) : record[f];
  return out;
}

function editOne(ctx: CatalogueContext, id: number, op: BatchOperation): BatchItem {
  const before = readRecord(ctx, id);
  if (!before) {
    return {
      id,
      title: `#${id}`,
      outcome: 'skipped',
      reason: `there is no record #${id}`,
      changes: [],
      revision: 0,
      inverse: null,
      forward: null,
    };
  }
  const base = { id, title: before.title, revision: before.revision, changes: [], inverse: null, forward: null };
  let after: RecordView;
  try {
    after = updateRecord(ctx, id, patchFor(op, before), undefined);
  } catch (error) {
    if (!(error instanceof ArchiveFailure)) throw error;
    return { ...base, outcome: 'skipped', reason: error.message.replace(/^patch\./, '') };
  }
  const changes = diffFields(auditSnapshot(before), auditSnapshot(after)).map((d) => ({
    field: d.field,
    before: d.old,
    after: d.new,
  }));
  if (changes.length === 0) return { ...base, outcome: 'unchanged', reason: null };
  const fields = touched(op);
  return {
    ...base,
    outcome: 'change',
    reason: null,
    changes,
    revision: after.revision,
    inverse: pickPatch(before, fields),
    forward: pickPatch(after, fields),
  };
}

export function batchEdit(ctx: CatalogueContext, input: z.output<typeof BatchEditInput>) {
  const ids = [...new Set(input.ids)];
  let items: BatchItem[] = [];
  try {
    ctx.db.transaction(() => {
      items = ids.map((id) => editOne(ctx, id, input.operation));
      if (input.dryRun) throw new DryRun();
    })();
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  const count = (o: BatchItem['outcome']) => items.filter((i) => i.outcome === o).length;
  return {
    dryRun: input.dryRun,
    revision: currentRevision(ctx),
    counts: { change: count('change'), unchanged: count('unchanged'), skipped: count('skipped') },
    items,
  };
}

/** All the patches or none: the first record that changed since, or refuses the patch, stops them all. */
export function patchRecords(ctx: CatalogueContext, input: z.output<typeof PatchRecordsInput>) {
  return ctx.db.transaction(() => {
    const records = input.items.map((item, i) => {
      try {
        return { id: item.id, revision: updateRecord(ctx, item.id, item.patch, item.expectedRevision).revision };
      } catch (error) {
        if (!(error instanceof ArchiveFailure)) throw error;
        const title = readRecord(ctx, item.id)?.title;
        throw new ArchiveFailure(
          error.code,
          'batch_item_refused',
          { ...error.params, cause: error.reason, batchId: item.id, batchTitle: title ?? '' },
          `items.${i}${error.field ? `.${error.field}` : ''}`,
        );
      }
    });
    return { revision: currentRevision(ctx), records };
  })();
}
