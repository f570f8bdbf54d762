/** Collections: the archival hierarchy (fonds > series > file) records are arranged in. */
import type { CollectionCreate, CollectionPatch, CollectionView } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { logChange, type FieldValues } from './changes';
import type { CatalogueContext } from './context';
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

export function createCollection(ctx: CatalogueContext, input: CollectionCreate): CollectionView {
  return ctx.db.transaction(() => {
    checkParent(ctx, null, input.parentId);
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
