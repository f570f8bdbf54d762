/**
 * The change log and the audit trail. Every write goes through `logChange`, inside the same
 * transaction as the write itself, so a revision exists exactly when its change does.
 */
import type { AuditEntry, ChangeEntry } from '../../shared/contract';
import type { CatalogueContext } from './context';
import { sql } from './statements';

export type Entity = ChangeEntry['entity'];
export type Action = ChangeEntry['action'];
export type FieldValues = Record<string, string | null>;

export function currentRevision(ctx: Pick<CatalogueContext, 'db'>): number {
  const row = sql(ctx.db, 'SELECT max(revision) AS r FROM changes').get() as { r: number | null };
  return row.r ?? 0;
}

/** Field-level difference between two flattened snapshots (null = absent). */
export function diffFields(
  before: FieldValues,
  after: FieldValues,
): { field: string; old: string | null; new: string | null }[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: { field: string; old: string | null; new: string | null }[] = [];
  for (const field of fields) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a !== b) out.push({ field, old: a, new: b });
  }
  return out;
}

/** Records one change with its field-level audit entries; returns the new revision. */
export function logChange(
  ctx: CatalogueContext,
  entity: Entity,
  entityId: number,
  action: Action,
  before: FieldValues,
  after: FieldValues,
): number {
  const info = sql(ctx.db, 'INSERT INTO changes (at, actor, entity, entity_id, action) VALUES (?, ?, ?, ?, ?)').run(
    ctx.now(),
    ctx.actor,
    entity,
    entityId,
    action,
  );
  const revision = Number(info.lastInsertRowid);
  const insert = sql(ctx.db, 'INSERT INTO audit (revision, field, old_value, new_value) VALUES (?, ?, ?, ?)');
  for (const d of diffFields(before, after)) insert.run(revision, d.field, d.old, d.new);
  return revision;
}

export function changesSince(
  ctx: CatalogueContext,
  revision: number,
  limit: number,
): { revision: number; changes: ChangeEntry[]; more: boolean } {
  const rows = sql(
    ctx.db,
    `SELECT revision, at, actor, entity, entity_id AS entityId, action
         FROM changes WHERE revision > ? ORDER BY revision LIMIT ?`,
  ).all(revision, limit + 1) as ChangeEntry[];
  const more = rows.length > limit;
  return { revision: currentRevision(ctx), changes: more ? rows.slice(0, limit) : rows, more };
}

export function auditTrail(ctx: CatalogueContext, entity: Entity, id: number): AuditEntry[] {
  return sql(
    ctx.db,
    `SELECT c.revision, c.at, c.actor, c.entity, c.entity_id AS entityId, c.action,
              a.field, a.old_value AS oldValue, a.new_value AS newValue
         FROM changes c JOIN audit a ON a.revision = c.revision
        WHERE c.entity = ? AND c.entity_id = ?
        ORDER BY c.revision, a.id`,
  ).all(entity, id) as AuditEntry[];
}
