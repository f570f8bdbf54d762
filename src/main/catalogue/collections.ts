/**
 * Collections: the archival hierarchy records are arranged in, at ISAD(G)'s levels (fonds,
 * sub-fonds, series, sub-series, file, item).
 */
import {
  levelFitsInside,
  type CollectionCreate,
  type CollectionLevel,
  type CollectionPatch,
  type CollectionSummary,
  type CollectionView,
} from '../../shared/model';
import type { CollectionSnapshot } from '../../shared/restore';
import { ArchiveFailure } from '../../shared/result';
import { logChange, type FieldValues } from './changes';
import type { CatalogueContext } from './context';
import { updateRecord } from './records';
import { sql } from './statements';

const SELECT = `SELECT c.id, c.name, c.level, c.parent_id AS parentId, c.reference_code AS referenceCode, c.description,
  (SELECT count(*) FROM records r WHERE r.collection_id = c.id) AS recordCount FROM collections c`;

function read(ctx: CatalogueContext, id: number): CollectionView | null {
  return (sql(ctx.db, `${SELECT} WHERE c.id = ?`).get(id) as CollectionView | undefined) ?? null;
}

function requireCollection(ctx: CatalogueContext, id: number, field = 'id'): CollectionView {
  const c = read(ctx, id);
  if (!c) throw new ArchiveFailure('not_found', 'not_found', { kind: 'collection', id }, field);
  return c;
}

function snapshot(c: CollectionView): FieldValues {
  return {
    name: c.name,
    level: c.level,
    parentId: c.parentId == null ? null : String(c.parentId),
    referenceCode: c.referenceCode,
    description: c.description,
  };
}

/** A collection cannot be placed inside itself or inside one of its own descendants. */
function checkParent(ctx: CatalogueContext, id: number | null, parentId: number | null | undefined): void {
  if (parentId == null) return;
  requireCollection(ctx, parentId, 'parentId');
  for (let at: number | null = parentId; at != null;) {
    if (at === id) throw new ArchiveFailure('invalid_input', 'collection_cycle', {}, 'parentId');
    at = (sql(ctx.db, 'SELECT parent_id AS p FROM collections WHERE id = ?').get(at) as { p: number | null }).p;
  }
}

/**
 * ISAD(G)'s order (levelFitsInside): refused with the collection in the way, inside it or (for a
 * re-levelled collection) held by it. Checked only where a write changes a level or a place, so a
 * library arranged before the rule can still be renamed and described.
 */
function checkLevel(
  ctx: CatalogueContext,
  at: { id: number | null; level: CollectionLevel; parentId: number | null },
  field: 'level' | 'parentId',
  withChildren: boolean,
): void {
  if (at.parentId != null) {
    const parent = requireCollection(ctx, at.parentId, 'parentId');
    if (!levelFitsInside(at.level, parent.level))
      throw new ArchiveFailure(
        'invalid_input',
        'collection_level_order',
        { level: at.level, other: parent.name, otherLevel: parent.level, relation: 'parent' },
        field,
      );
  }
  if (!withChildren || at.id === null) return;
  const children = sql(ctx.db, 'SELECT name, level FROM collections WHERE parent_id = ? ORDER BY id').all(at.id) as {
    name: string;
    level: CollectionLevel;
  }[];
  const above = children.find((c) => !levelFitsInside(c.level, at.level));
  if (above)
    throw new ArchiveFailure(
      'invalid_input',
      'collection_level_order',
      { level: at.level, other: above.name, otherLevel: above.level, relation: 'child' },
      'level',
    );
}

/**
 * `asArranged`: a bag's collections come back as their library had them, even arranged before the
 * level rule: a round trip must give back what was exported (the bag import refuses only an order
 * it would itself create, by filing into one of this library's collections).
 */
export function createCollection(ctx: CatalogueContext, input: CollectionCreate, asArranged = false): CollectionView {
  return ctx.db.transaction(() => {
    checkParent(ctx, null, input.parentId);
    if (!asArranged)
      checkLevel(ctx, { id: null, level: input.level, parentId: input.parentId ?? null }, 'level', false);
    const now = ctx.now();
    const id = Number(
      sql(
        ctx.db,
        'INSERT INTO collections (parent_id, name, level, reference_code, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        input.parentId ?? null,
        input.name,
        input.level,
        input.referenceCode ?? null,
        input.description ?? null,
        now,
        now,
      ).lastInsertRowid,
    );
    const view = requireCollection(ctx, id);
    logChange(ctx, 'collection', id, 'create', {}, snapshot(view));
    return view;
  })();
}

export function updateCollection(ctx: CatalogueContext, id: number, patch: CollectionPatch): CollectionView {
  return ctx.db.transaction(() => {
    const before = requireCollection(ctx, id);
    if (patch.parentId !== undefined) checkParent(ctx, id, patch.parentId);
    const level = patch.level ?? before.level;
    const parentId = patch.parentId !== undefined ? patch.parentId : before.parentId;
    const relevelled = level !== before.level;
    if (relevelled || parentId !== before.parentId)
      checkLevel(ctx, { id, level, parentId }, relevelled ? 'level' : 'parentId', relevelled);
    const columns = {
      name: 'name',
      level: 'level',
      parentId: 'parent_id',
      referenceCode: 'reference_code',
      description: 'description',
    } as const;
    const fields = (Object.keys(columns) as (keyof typeof columns)[]).filter((f) => patch[f] !== undefined);
    if (fields.length) {
      sql(
        ctx.db,
        `UPDATE collections SET ${fields.map((f) => `${columns[f]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      ).run(...fields.map((f) => patch[f] ?? null), ctx.now(), id);
    }
    const after = requireCollection(ctx, id);
    if (JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(after))) {
      logChange(ctx, 'collection', id, 'update', snapshot(before), snapshot(after));
    }
    return after;
  })();
}

export function deleteCollection(ctx: CatalogueContext, id: number): { id: number; revision: number } {
  return ctx.db.transaction(() => {
    const before = requireCollection(ctx, id);
    const children = (sql(ctx.db, 'SELECT count(*) AS n FROM collections WHERE parent_id = ?').get(id) as { n: number })
      .n;
    if (children > 0 || before.recordCount > 0) {
      throw new ArchiveFailure(
        'in_use',
        'collection_in_use',
        { name: before.name, records: before.recordCount, children },
        'id',
      );
    }
    const revision = logChange(ctx, 'collection', id, 'delete', snapshot(before), {});
    sql(ctx.db, 'DELETE FROM collections WHERE id = ?').run(id);
    return { id, revision };
  })();
}

export function listCollections(ctx: CatalogueContext): CollectionView[] {
  return sql(ctx.db, `${SELECT} ORDER BY c.name COLLATE NOCASE, c.id`).all() as CollectionView[];
}

/** The collection and every collection below it, as a recursive CTE named `sub`. */
const SUBTREE =
  'WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM collections c JOIN sub ON c.parent_id = sub.id)';

export function collectionSummary(ctx: CatalogueContext, id: number): CollectionSummary {
  const collection = requireCollection(ctx, id);
  const path: CollectionSummary['path'] = [];
  for (let at = collection.parentId; at != null;) {
    const up = sql(ctx.db, 'SELECT id, name, level, parent_id AS parentId FROM collections WHERE id = ?').get(at) as
      (CollectionSummary['path'][number] & { parentId: number | null }) | undefined;
    if (!up) break;
    path.unshift({ id: up.id, name: up.name, level: up.level });
    at = up.parentId;
  }
  const children = (sql(ctx.db, 'SELECT count(*) AS n FROM collections WHERE parent_id = ?').get(id) as { n: number })
    .n;
  // Partial dates are ISO prefixes ("2018", "2018-09", "2018-09-14"), so text order is date order.
  const records = sql(
    ctx.db,
    `${SUBTREE} SELECT count(*) AS n, min(date) AS earliest, max(coalesce(date_end, date)) AS latest
       FROM records WHERE collection_id IN (SELECT id FROM sub)`,
  ).get(id) as { n: number; earliest: string | null; latest: string | null };
  // A file attached to two records of the collection is one file of its extent.
  const files = sql(
    ctx.db,
    `${SUBTREE} SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM files WHERE id IN
       (SELECT rf.file_id FROM record_files rf JOIN records r ON r.id = rf.record_id
         WHERE r.collection_id IN (SELECT id FROM sub))`,
  ).get(id) as { n: number; bytes: number };
  return {
    collection,
    path,
    children,
    records: records.n,
    files: files.n,
    bytes: files.bytes,
    earliest: records.earliest,
    latest: records.latest,
  };
}

/** Puts a collection under another parent, logged as an update of its parentId. */
function reparent(ctx: CatalogueContext, id: number, parentId: number | null): void {
  const before = requireCollection(ctx, id);
  sql(ctx.db, 'UPDATE collections SET parent_id = ?, updated_at = ? WHERE id = ?').run(parentId, ctx.now(), id);
  logChange(ctx, 'collection', id, 'update', snapshot(before), snapshot(requireCollection(ctx, id)));
}

/**
 * Deletes a collection and nothing else: its sub-collections and records move up to its parent (at
 * the top, the records become unfiled), each move logged, so the revision and search index follow.
 */
export function deleteCollectionRestorably(ctx: CatalogueContext, id: number) {
  return ctx.db.transaction(() => {
    const before = requireCollection(ctx, id);
    const created = sql(ctx.db, 'SELECT created_at AS at FROM collections WHERE id = ?').get(id) as { at: string };
    const children = (
      sql(ctx.db, 'SELECT id FROM collections WHERE parent_id = ? ORDER BY id').all(id) as { id: number }[]
    ).map((r) => r.id);
    const records = (
      sql(ctx.db, 'SELECT id FROM records WHERE collection_id = ? ORDER BY id').all(id) as { id: number }[]
    ).map((r) => r.id);
    for (const child of children) reparent(ctx, child, before.parentId);
    for (const record of records) updateRecord(ctx, record, { collectionId: before.parentId }, undefined);
    const revision = logChange(ctx, 'collection', id, 'delete', snapshot(before), {});
    sql(ctx.db, 'DELETE FROM collections WHERE id = ?').run(id);
    const parent = before.parentId == null ? null : requireCollection(ctx, before.parentId);
    const snap: CollectionSnapshot = {
      id,
      name: before.name,
      level: before.level,
      parentId: before.parentId,
      referenceCode: before.referenceCode,
      description: before.description,
      createdAt: created.at,
      children,
      records,
      deletedRevision: revision,
    };
    return { id, revision, movedTo: parent && { id: parent.id, name: parent.name }, snapshot: snap };
  })();
}

/**
 * Undoes a deletion: the collection comes back with its id, and its sub-collections and records
 * go back inside it — those still where the deletion put them; one moved elsewhere since stays
 * where the user put it. Refused if the id came back or changed since the deletion.
 */
export function restoreCollection(ctx: CatalogueContext, snap: CollectionSnapshot): CollectionView {
  return ctx.db.transaction(() => {
    const last = sql(
      ctx.db,
      "SELECT max(revision) AS r FROM changes WHERE entity = 'collection' AND entity_id = ?",
    ).get(snap.id) as { r: number | null };
    if (read(ctx, snap.id) || last.r !== snap.deletedRevision) {
      throw new ArchiveFailure(
        'conflict',
        'collection_restore_blocked',
        { id: snap.id, name: snap.name },
        'snapshot.deletedRevision',
      );
    }
    if (snap.parentId != null) requireCollection(ctx, snap.parentId, 'snapshot.parentId');
    sql(
      ctx.db,
      `INSERT INTO collections (id, parent_id, name, level, reference_code, description, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      snap.id,
      snap.parentId,
      snap.name,
      snap.level,
      snap.referenceCode ?? null,
      snap.description ?? null,
      snap.createdAt,
      ctx.now(),
    );
    logChange(ctx, 'collection', snap.id, 'create', {}, snapshot(requireCollection(ctx, snap.id)));
    const where = snap.parentId == null ? 'IS NULL' : '= ?';
    const parentArgs = snap.parentId == null ? [] : [snap.parentId];
    for (const child of snap.children) {
      const still = sql(ctx.db, `SELECT 1 FROM collections WHERE id = ? AND parent_id ${where}`).get(
        child,
        ...parentArgs,
      );
      if (still) reparent(ctx, child, snap.id);
    }
    for (const record of snap.records) {
      const still = sql(ctx.db, `SELECT 1 FROM records WHERE id = ? AND collection_id ${where}`).get(
        record,
        ...parentArgs,
      );
      if (still) updateRecord(ctx, record, { collectionId: snap.id }, undefined);
    }
    return requireCollection(ctx, snap.id);
  })();
}
