/**
 * Deleting a record so that it can be brought back: the deletion hands back a snapshot of the
 * record as it was (description, links, tags, collection, attached files), taken in the same
 * transaction as the delete, and restoring puts it back under the SAME id — citations and audit
 * entries point at ids, so a restored record must not come back as a new one.
 *
 * The snapshot travels with the caller (the window's undo history) rather than being kept in the
 * catalogue: undo lasts a session, and the audit trail already keeps what was deleted for good.
 * The catalogue only vouches that the id was deleted at that revision and nothing happened to it
 * since, so a snapshot can never resurrect an id twice or invent one.
 */
import type { CreatedAuthority, RecordSnapshot } from '../../shared/restore';
import { recordInputOf, type NewLink, type RecordPatch, type RecordView } from '../../shared/model';
import type { RestoreProblem } from '../../shared/errors/reasons';
import { ArchiveFailure } from '../../shared/result';
import { authorityAudit, deleteAuthority, requireAuthority } from './authorities';
import { logChange } from './changes';
import type { CatalogueContext } from './context';
import { deleteRecord, insertRecord, requireRecord, updateRecord } from './records';
import { sql } from './statements';

/** The record as its creation input: what insertRecord needs to write it again. */
function snapshotOf(ctx: CatalogueContext, r: RecordView): RecordSnapshot {
  const record = recordInputOf(r);
  const files = sql(
    ctx.db,
    'SELECT file_id AS fileId, original_name AS originalName, position, added_at AS addedAt FROM record_files WHERE record_id = ? ORDER BY position, file_id',
  ).all(r.id) as RecordSnapshot['files'];
  return { record, createdAt: r.createdAt, files };
}

export function deleteRestorably(
  ctx: CatalogueContext,
  id: number,
  expectedRevision: number | undefined,
  withAuthorities: number[] = [],
): { id: number; revision: number; snapshot: RecordSnapshot } {
  return ctx.db.transaction(() => {
    const record = requireRecord(ctx, id);
    if (expectedRevision !== undefined && record.revision !== expectedRevision) {
      throw new ArchiveFailure(
        'conflict',
        'stale_revision',
        { id, expected: expectedRevision, current: record.revision, action: 'delete' },
        'expectedRevision',
      );
    }
    const snapshot = snapshotOf(ctx, record);
    const deleted = deleteRecord(ctx, id);
    const authorities = deleteCreatedWith(ctx, record, withAuthorities);
    return { ...deleted, snapshot: authorities.length ? { ...snapshot, authorities } : snapshot };
  })();
}

/**
 * An edit that can take back the authorities an earlier edit created (its undo), or put them back
 * under their ids first (its redo), all in one transaction with the edit itself.
 */
export function updateRestorably(
  ctx: CatalogueContext,
  input: {
    id: number;
    patch: RecordPatch;
    expectedRevision: number | undefined;
    newLinks?: NewLink[] | undefined;
    withAuthorities?: number[] | undefined;
    restoreAuthorities?: CreatedAuthority[] | undefined;
  },
): RecordView {
  return ctx.db.transaction(() => {
    const before = requireRecord(ctx, input.id);
    restoreAuthorities(ctx, input.id, input.restoreAuthorities);
    const after = updateRecord(ctx, input.id, input.patch, input.expectedRevision, input.newLinks);
    deleteCreatedWith(ctx, before, input.withAuthorities ?? []);
    return after;
  })();
}

/**
 * Undoing a record's creation (or an edit's) also undoes the authorities its form created — but
 * only those the record linked, that nothing links to or acts on behalf of now, and that nobody
 * has edited since they were made (an authority someone has worked on is theirs to delete).
 */
function deleteCreatedWith(
  ctx: CatalogueContext,
  record: RecordView,
  ids: number[],
): NonNullable<RecordSnapshot['authorities']> {
  const gone: NonNullable<RecordSnapshot['authorities']> = [];
  for (const aid of new Set(ids)) {
    if (!record.links.some((l) => l.authorityId === aid)) continue;
    const a = sql(ctx.db, 'SELECT id, kind, name, created_at AS createdAt FROM authorities WHERE id = ?').get(aid) as
      NonNullable<RecordSnapshot['authorities']>[number] | undefined;
    if (!a) continue;
    const used =
      sql(ctx.db, 'SELECT 1 FROM record_links WHERE authority_id = ? OR on_behalf_of = ? LIMIT 1').get(aid, aid) ??
      sql(ctx.db, 'SELECT 1 FROM authorities WHERE place_id = ? LIMIT 1').get(aid);
    const last = sql(
      ctx.db,
      "SELECT action FROM changes WHERE entity = 'authority' AND entity_id = ? ORDER BY revision DESC LIMIT 1",
    ).get(aid) as { action: string } | undefined;
    if (used || last?.action !== 'create') continue;
    deleteAuthority(ctx, aid);
    gone.push(a);
  }
  return gone;
}

/** Puts back the authorities deleted with the record, under their ids, before its links are checked. */
function restoreAuthorities(ctx: CatalogueContext, id: number, authorities: CreatedAuthority[] | undefined): void {
  for (const [i, a] of (authorities ?? []).entries()) {
    const held = sql(ctx.db, 'SELECT kind, name FROM authorities WHERE id = ?').get(a.id) as
      { kind: string; name: string } | undefined;
    if (held) {
      if (held.kind !== a.kind || held.name !== a.name) refuse(id, 'authority', a.id, `snapshot.authorities.${i}.id`);
      continue;
    }
    sql(ctx.db, 'INSERT INTO authorities (id, kind, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      a.id,
      a.kind,
      a.name,
      a.createdAt,
      ctx.now(),
    );
    logChange(
      ctx,
      'authority',
      a.id,
      'create',
      {},
      { ...authorityAudit(requireAuthority(ctx, a.id)), restored: 'with its record' },
    );
  }
}

/** Why a restore cannot go ahead: what stands in the way (`other`), and the revision, code or name it concerns. */
function refuse(id: number, problem: RestoreProblem, other: number, field: string, name?: string | number): never {
  throw new ArchiveFailure('conflict', 'restore_blocked', { id, problem, other, name }, field);
}

export function restoreRecord(
  ctx: CatalogueContext,
  id: number,
  deletedRevision: number,
  snapshot: RecordSnapshot,
): RecordView {
  return ctx.db.transaction(() => {
    const last = sql(
      ctx.db,
      "SELECT revision, action FROM changes WHERE entity = 'record' AND entity_id = ? ORDER BY revision DESC LIMIT 1",
    ).get(id) as { revision: number; action: string } | undefined;
    if (!last || last.action !== 'delete') {
      if (last) throw new ArchiveFailure('conflict', 'record_exists', { id }, 'id');
      throw new ArchiveFailure('not_found', 'not_found', { kind: 'deletedRecord', id }, 'id');
    }
    if (last.revision !== deletedRevision) {
      refuse(id, 'revision', last.revision, 'deletedRevision', deletedRevision);
    }
    restoreAuthorities(ctx, id, snapshot.authorities);
    for (const [i, link] of (snapshot.record.links ?? []).entries()) {
      if (!sql(ctx.db, 'SELECT 1 FROM authorities WHERE id = ?').get(link.authorityId)) {
        refuse(id, 'authority', link.authorityId, `snapshot.record.links.${i}.authorityId`);
      }
    }
    const collectionId = snapshot.record.collectionId;
    if (collectionId != null && !sql(ctx.db, 'SELECT 1 FROM collections WHERE id = ?').get(collectionId)) {
      refuse(id, 'collection', collectionId, 'snapshot.record.collectionId');
    }
    const code = snapshot.record.referenceCode;
    const holder = code
      ? (sql(ctx.db, 'SELECT id FROM records WHERE reference_code = ?').get(code) as { id: number } | undefined)
      : undefined;
    if (holder) refuse(id, 'referenceCode', holder.id, 'snapshot.record.referenceCode', code ?? '');
    for (const [i, f] of snapshot.files.entries()) {
      if (!sql(ctx.db, 'SELECT 1 FROM files WHERE id = ?').get(f.fileId)) {
        refuse(id, 'file', f.fileId, `snapshot.files.${i}.fileId`, f.originalName);
      }
    }
    const attach = sql(
      ctx.db,
      'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, ?, ?)',
    );
    return insertRecord(ctx, snapshot.record, {
      id,
      createdAt: snapshot.createdAt,
      audit: {
        restored: `deletion at revision ${deletedRevision} undone`,
        ...Object.fromEntries(snapshot.files.map((f) => [`file ${f.position}`, f.originalName])),
      },
      parts: (rid) => {
        for (const f of snapshot.files) attach.run(rid, f.fileId, f.originalName, f.position, f.addedAt);
      },
    });
  })();
}
