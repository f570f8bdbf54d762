/**
 * The commands the workspace records: an edit, a creation, a deletion, a batch change, an edit
 * of an authority record. Each keeps the revision it last left its record at; the service refuses
 * an undo or redo when the record has moved on since (someone else's edit is never overwritten).
 *
 * Each keeps all it knows in one plain object (`d`: ids, the revisions it expects, the before and
 * after values, a deletion's snapshot), which `save` hands out as it is now: the history stores it
 * (per library) and COMMAND_KINDS rebuilds the same command from it after a reload.
 */
import i18next from 'i18next';
import type { BatchItem } from '../../../shared/batch';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { recordInputOf, type AuthorityView, type RecordView } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import type { Command, Outcome } from './history';
import { saved } from './saved';

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

type CreatedAuthority = NonNullable<InputOf<'updateRecord'>['restoreAuthorities']>[number];

interface EditData {
  before: RecordView;
  after: RecordView;
  /** The revision the record was last left at by this command. */
  at: number;
  /** The people and bodies the edit's form created: undoing it removes them (if unused), redoing puts them back. */
  created?: CreatedAuthority[];
}

function edit(d: EditData): Command {
  const apply = async (version: RecordView, extra: Partial<InputOf<'updateRecord'>>): Promise<Outcome> => {
    const result = await archive.updateRecord({
      id: d.before.id,
      patch: patchOf(version),
      expectedRevision: d.at,
      ...extra,
    });
    if (!result.ok) return refusal(result.error, version.title);
    d.at = result.value.revision;
    return { ok: true, show: d.before.id };
  };
  const created = d.created ?? [];
  return {
    label: () => t()('what.edit', { title: d.after.title }),
    undo: () => apply(d.before, created.length ? { withAuthorities: created.map((a) => a.id) } : {}),
    redo: () => apply(d.after, created.length ? { restoreAuthorities: created } : {}),
    save: () => saved('edit', d),
  };
}

/**
 * `created`: the ids of the authorities the save created (linked by `after`, not by the form). They
 * were made in the same transaction as the edit, so the edit's time is when they were made.
 */
export const editCommand = (before: RecordView, after: RecordView, created: number[] = []): Command =>
  edit({
    before,
    after,
    at: after.revision,
    created: after.links
      .filter((l) => created.includes(l.authorityId))
      .map((l) => ({ id: l.authorityId, kind: l.kind, name: l.name, createdAt: after.updatedAt })),
  });

type Deleted = OutputOf<'deleteRecordRestorably'>;

/** What a creation or deletion knows: the record, the revision it expects, and its snapshot while it is deleted. */
interface LifeData {
  id: number;
  title: string;
  at: number;
  deleted: Deleted | null;
  /** The people and bodies the form created with the record: undoing its creation removes them too. */
  withAuthorities?: number[];
}

/** Deleting and restoring, shared by the creation and deletion commands (one is the other backwards). */
function deleter(d: LifeData) {
  return {
    remove: async (): Promise<Outcome> => {
      const result = await archive.deleteRecordRestorably({
        id: d.id,
        expectedRevision: d.at,
        ...(d.withAuthorities?.length ? { withAuthorities: d.withAuthorities } : {}),
      });
      if (!result.ok) return refusal(result.error, d.title);
      d.deleted = result.value;
      return { ok: true, show: null };
    },
    restore: async (): Promise<Outcome> => {
      const deleted = d.deleted;
      if (!deleted) return { ok: false, message: `record #${d.id} was not deleted by this step` };
      const result = await archive.restoreRecord({
        id: d.id,
        deletedRevision: deleted.revision,
        snapshot: deleted.snapshot,
      });
      if (!result.ok) return refusal(result.error, d.title);
      d.deleted = null;
      d.at = result.value.revision;
      return { ok: true, show: d.id };
    },
  };
}

function create(d: LifeData): Command {
  const r = deleter(d);
  return {
    label: () => t()('what.create', { title: d.title }),
    undo: r.remove,
    redo: r.restore,
    save: () => saved('create', d),
  };
}

/** `withAuthorities`: the people and bodies the form created with the record, undone with it. */
export const createCommand = (created: RecordView, withAuthorities: number[] = []): Command =>
  create({ id: created.id, title: created.title, at: created.revision, deleted: null, withAuthorities });

function remove(d: LifeData): Command {
  const r = deleter(d);
  return {
    label: () => t()('what.delete', { title: d.title }),
    undo: r.restore,
    redo: r.remove,
    save: () => saved('delete', d),
  };
}

export const deleteCommand = (title: string, deleted: Deleted): Command =>
  remove({ id: deleted.id, title, at: 0, deleted });

interface BatchData {
  /** The records changed, each with its inverse and forward patches. */
  changed: BatchItem[];
  /** The revision each record was last left at, by id. */
  at: Record<number, number>;
}

/** A batch is undone and redone whole: one command for all of its records. */
function batch(d: BatchData): Command {
  const apply = async (which: 'inverse' | 'forward'): Promise<Outcome> => {
    const result = await archive.patchRecords({
      items: d.changed.map((i) => ({ id: i.id, patch: i[which]!, expectedRevision: d.at[i.id]! })),
    });
    if (!result.ok) return { ok: false, message: errorWords(result.error) };
    for (const r of result.value.records) d.at[r.id] = r.revision;
    return { ok: true };
  };
  return {
    label: () => t()('what.batch', { count: d.changed.length }),
    undo: () => apply('inverse'),
    redo: () => apply('forward'),
    save: () => saved('batch', d),
  };
}

export function batchCommand(items: BatchItem[]): Command {
  const changed = items.filter((i) => i.outcome === 'change' && i.inverse && i.forward);
  return batch({ changed, at: Object.fromEntries(changed.map((i) => [i.id, i.revision])) });
}

interface AuthorityEditData {
  before: AuthorityView;
  after: AuthorityView;
  /** The authority's updatedAt as this command last left it. */
  at: string;
}

/** An authority edit, undone by writing its earlier version back — unless it changed since. */
function authorityEdit(d: AuthorityEditData): Command {
  const apply = async (version: AuthorityView): Promise<Outcome> => {
    const now = await archive.getAuthority({ id: d.before.id });
    if (!now.ok) return { ok: false, message: errorWords(now.error) };
    if (now.value.updatedAt !== d.at) return { ok: false, message: t()('changedSince', { title: now.value.name }) };
    const result = await archive.updateAuthority({
      id: d.before.id,
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
    d.at = result.value.updatedAt;
    return { ok: true };
  };
  return {
    label: () => t()('what.authorityEdit', { name: d.after.name }),
    undo: () => apply(d.before),
    redo: () => apply(d.after),
    save: () => saved('authorityEdit', d),
  };
}

export const authorityEditCommand = (before: AuthorityView, after: AuthorityView): Command =>
  authorityEdit({ before, after, at: after.updatedAt });

type Merged = OutputOf<'mergeAuthoritiesRestorably'>;

interface MergeData {
  snapshot: Merged['snapshot'];
  nameFrom: 'keep' | 'merge';
  names: { merge: string; keep: string };
}

/** A merge of two authority records, undone by putting the duplicate back (same id, names, links). */
function merge(d: MergeData): Command {
  const keepId = d.snapshot.keep.id;
  const mergeId = d.snapshot.merged.id;
  return {
    label: () => t()('what.merge', d.names),
    undo: async () => {
      const result = await archive.unmergeAuthorities({ snapshot: d.snapshot });
      return result.ok ? { ok: true } : { ok: false, message: errorWords(result.error) };
    },
    redo: async () => {
      const result = await archive.mergeAuthoritiesRestorably({ keepId, mergeId, nameFrom: d.nameFrom });
      if (!result.ok) return { ok: false, message: errorWords(result.error) };
      d.snapshot = result.value.snapshot;
      return { ok: true };
    },
    save: () => saved('merge', d),
  };
}

export const mergeCommand = (merged: Merged, nameFrom: 'keep' | 'merge'): Command =>
  merge({
    snapshot: merged.snapshot,
    nameFrom,
    names: { merge: merged.snapshot.merged.name, keep: merged.snapshot.keep.name },
  });

/**
 * How each kind of record and authority command is rebuilt from what it saved. The data comes
 * back from storage as it was saved by this same code; a kind missing here is not kept.
 */
export const COMMAND_KINDS: Record<string, (data: never) => Command> = {
  edit: (d: EditData) => edit(d),
  create: (d: LifeData) => create(d),
  delete: (d: LifeData) => remove(d),
  batch: (d: BatchData) => batch(d),
  authorityEdit: (d: AuthorityEditData) => authorityEdit(d),
  merge: (d: MergeData) => merge(d),
};
