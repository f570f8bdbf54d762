/** Tags: free labels on records. Renaming or deleting one is a change to every record that carries it. */
import type { TagView } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { currentRevision, logChange } from './changes';
import type { CatalogueContext } from './context';
import { sql } from './statements';

export function listTags(ctx: CatalogueContext): TagView[] {
  return sql(
    ctx.db,
    `SELECT t.name, count(rt.record_id) AS count FROM tags t
         LEFT JOIN record_tags rt ON rt.tag_id = t.id
        GROUP BY t.id HAVING count > 0 ORDER BY t.name COLLATE NOCASE`,
  ).all() as TagView[];
}

function taggedRecords(ctx: CatalogueContext, id: number): number[] {
  return (sql(ctx.db, 'SELECT record_id AS id FROM record_tags WHERE tag_id = ?').all(id) as { id: number }[]).map(
    (r) => r.id,
  );
}

function logRecordTagChange(ctx: CatalogueContext, recordId: number, old: string, now: string | null): void {
  const revision = logChange(ctx, 'record', recordId, 'update', { tag: old }, { tag: now });
  sql(ctx.db, 'UPDATE records SET revision = ?, updated_at = ? WHERE id = ?').run(revision, ctx.now(), recordId);
}

function requireTag(ctx: CatalogueContext, name: string, field: string): { id: number; name: string } {
  const tag = sql(ctx.db, 'SELECT id, name FROM tags WHERE name = ?').get(name) as
    { id: number; name: string } | undefined;
  if (!tag) throw new ArchiveFailure('not_found', 'not_found', { kind: 'tag', id: name }, field);
  return tag;
}

/** Renames a tag; renaming onto an existing tag merges the two. */
export function renameTag(ctx: CatalogueContext, from: string, to: string): { records: number; revision: number } {
  return ctx.db.transaction(() => {
    const tag = requireTag(ctx, from, 'from');
    const records = taggedRecords(ctx, tag.id);
    const existing = sql(ctx.db, 'SELECT id FROM tags WHERE name = ? AND id <> ?').get(to, tag.id) as
      { id: number } | undefined;
    if (existing) {
      sql(
        ctx.db,
        'INSERT OR IGNORE INTO record_tags (record_id, tag_id) SELECT record_id, ? FROM record_tags WHERE tag_id = ?',
      ).run(existing.id, tag.id);
      sql(ctx.db, 'DELETE FROM tags WHERE id = ?').run(tag.id);
    } else {
      sql(ctx.db, 'UPDATE tags SET name = ? WHERE id = ?').run(to, tag.id);
    }
    if (tag.name !== to) for (const id of records) logRecordTagChange(ctx, id, tag.name, to);
    return { records: records.length, revision: currentRevision(ctx) };
  })();
}

export function deleteTag(ctx: CatalogueContext, name: string): { records: number; revision: number } {
  return ctx.db.transaction(() => {
    const tag = requireTag(ctx, name, 'name');
    const records = taggedRecords(ctx, tag.id);
    for (const id of records) logRecordTagChange(ctx, id, tag.name, null);
    sql(ctx.db, 'DELETE FROM tags WHERE id = ?').run(tag.id);
    return { records: records.length, revision: currentRevision(ctx) };
  })();
}
