/**
 * The commands the workspace records: an edit, a creation, a deletion, a batch change, an edit
 * of an authority record. Each keeps the revision it last left its record at; the service refuses
 * an undo or redo when the record has moved on since (someone else's edit is never overwritten).
 */
import i18next from 'i18next';
import type { BatchItem } from '../../../shared/batch';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { recordInputOf, type AuthorityView, type RecordView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import type { Command, Outcome } from './history';

const t = () => i18next.getFixedT(null, 'undo');

/**
 * A refusal as the archivist should read it: a record that moved on since (edited elsewhere, or
 * restored already) gets the plain explanation, recognised by the service's reason, not its words.
 */
function refusal(error: ArchiveError, title: string): Outcome {
  if (error.reason === 'stale_revision' || error.reason === 'record_exists') {
    return { ok: false, message: t()('changedSince', { title }) };
  }
  return { ok: false, message: errorWords(error) };
}

/** Every field of a record, as a patch that makes another version of it look like this one. */
function patchOf(r: RecordView): InputOf<'updateRecord'>['patch'] {
  return recordInputOf(r);
}

export function editCommand(before: RecordView, after: RecordView): Command {
  let at = after.revision;
  const apply = async (version: RecordView): Promise<Outcome> => {
    const result = await archive.updateRecord({ id: before.id, patch: patchOf(version), expectedRevision: at });
    if (!result.ok) return refusal(result.error, version.title);
    at = result.value.revision;
    return { ok: true, show: before.id };
  };
  return {
    label: () => t()('what.edit', { title: after.title }),
    undo: () => apply(before),
    redo: () => apply(after),
  };
}

type Deleted = OutputOf<'deleteRecordRestorably'>;

/** Deleting and restoring, shared by the creation and deletion commands (one is the other backwards). */
function deleter(id: number, title: string, withAuthorities: number[] = []) {
  let deleted: Deleted | null = null;
  return {
    remove: async (expectedRevision: number): Promise<Outcome> => {
      const result = await archive.deleteRecordRestorably({
        id,
        expectedRevision,
        ...(withAuthorities.length ? { withAuthorities } : {}),
      });
      if (!result.ok) return refusal(result.error, title);
      deleted = result.value;
      return { ok: true, show: null };
    },
    restore: async (): Promise<Outcome & { revision?: number }> => {
      if (!deleted) return { ok: false, message: `record #${id} was not deleted in this session` };
      const result = await archive.restoreRecord({ id, deletedRevision: deleted.revision, snapshot: deleted.snapshot });
      if (!result.ok) return refusal(result.error, title);
      deleted = null;
      return { ok: true, show: id, revision: result.value.revision };
    },
    set: (d: Deleted) => (deleted = d),
  };
}

/** `withAuthorities`: the people and bodies the form created with the record, undone with it. */
export function createCommand(created: RecordView, withAuthorities: number[] = []): Command {
  let at = created.revision;
  const d = deleter(created.id, created.title, withAuthorities);
  return {
    label: () => t()('what.create', { title: created.title }),
    undo: () => d.remove(at),
    redo: async () => {
      const outcome = await d.restore();
      if (outcome.ok && outcome.revision !== undefined) at = outcome.revision;
      return outcome;
    },
  };
}

export function deleteCommand(title: string, deleted: Deleted): Command {
  const d = deleter(deleted.id, title);
  d.set(deleted);
  let at = 0;
  return {
    label: () => t()('what.delete', { title }),
    undo: async () => {
      const outcome = await d.restore();
      if (outcome.ok && outcome.revision !== undefined) at = outcome.revision;
      return outcome;
    },
    redo: () => d.remove(at),
  };
}

/** A batch is undone and redone whole: one command for all of its records. */
export function batchCommand(items: BatchItem[]): Command {
  const changed = items.filter((i) => i.outcome === 'change' && i.inverse && i.forward);
  const at = new Map(changed.map((i) => [i.id, i.revision]));
  const apply = async (which: 'inverse' | 'forward'): Promise<Outcome> => {
    const result = await archive.patchRecords({
      items: changed.map((i) => ({ id: i.id, patch: i[which]!, expectedRevision: at.get(i.id)! })),
    });
    if (!result.ok) return { ok: false, message: errorWords(result.error) };
    for (const r of result.value.records) at.set(r.id, r.revision);
    return { ok: true };
  };
  return {
    label: () => t()('what.batch', { count: changed.length }),
    undo: () => apply('inverse'),
    redo: () => apply('forward'),
  };
}

/** An authority edit, undone by writing its earlier version back — unless it changed since. */
export function authorityEditCommand(before: AuthorityView, after: AuthorityView): Command {
  let at = after.updatedAt;
  const apply = async (version: AuthorityView): Promise<Outcome> => {
    const now = await archive.getAuthority({ id: before.id });
    if (!now.ok) return { ok: false, message: errorWords(now.error) };
    if (now.value.updatedAt !== at) return { ok: false, message: t()('changedSince', { title: now.value.name }) };
    const result = await archive.updateAuthority({
      id: before.id,
      patch: {
        name: version.name,
        altNames: version.altNames,
        description: version.description,
        date: version.date,
        dateEnd: version.dateEnd,
        ...(version.kind === 'event' ? { placeId: version.place?.id ?? null } : {}),
      },
    });
    if (!result.ok) return { ok: false, message: errorWords(result.error) };
    at = result.value.updatedAt;
    return { ok: true };
  };
  return {
    label: () => t()('what.authorityEdit', { name: after.name }),
    undo: () => apply(before),
    redo: () => apply(after),
  };
}

type Merged = OutputOf<'mergeAuthoritiesRestorably'>;

/** A merge of two authority records, undone by putting the duplicate back (same id, names, links). */
export function mergeCommand(merged: Merged, nameFrom: 'keep' | 'merge'): Command {
  let snapshot = merged.snapshot;
  const keepId = snapshot.keep.id;
  const mergeId = snapshot.merged.id;
  const names = { merge: snapshot.merged.name, keep: snapshot.keep.name };
  return {
    label: () => t()('what.merge', names),
    undo: async () => {
      const result = await archive.unmergeAuthorities({ snapshot });
      return result.ok ? { ok: true } : { ok: false, message: errorWords(result.error) };
    },
    redo: async () => {
      const result = await archive.mergeAuthoritiesRestorably({ keepId, mergeId, nameFrom });
      if (!result.ok) return { ok: false, message: errorWords(result.error) };
      snapshot = result.value.snapshot;
      return { ok: true };
    },
  };
}
