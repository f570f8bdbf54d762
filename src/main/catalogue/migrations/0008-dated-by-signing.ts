import type { Database } from 'better-sqlite3';

/**
 * Dates the agreements that have a date signed but no date, as the app now does when one is
 * written (src/main/catalogue/dating.ts).
 *
 * Why: before, such an agreement was saved undated, so it was missing from the timeline, the year
 * facets and `year:`, and sorted last. Each record changed gets a change in the log, with its audit
 * entry, as any write does: the search documents, the saved search snapshot and the open windows
 * follow the change log, and the audit trail says where the date came from.
 */
export default function up(db: Database): void {
  const undated = db
    .prepare(
      `SELECT id, date_signed AS dateSigned FROM records
        WHERE type = 'agreement' AND coalesce(date, '') = '' AND coalesce(date_signed, '') <> '' ORDER BY id`,
    )
    .all() as { id: number; dateSigned: string }[];
  const change = db.prepare(
    "INSERT INTO changes (at, actor, entity, entity_id, action) VALUES (?, 'Civic Archive (upgrade)', 'record', ?, 'update')",
  );
  const audit = db.prepare("INSERT INTO audit (revision, field, old_value, new_value) VALUES (?, 'date', NULL, ?)");
  const date = db.prepare('UPDATE records SET date = ?, revision = ? WHERE id = ?');
  const at = new Date().toISOString();
  for (const r of undated) {
    const revision = Number(change.run(at, r.id).lastInsertRowid);
    audit.run(revision, r.dateSigned);
    date.run(r.dateSigned, revision, r.id);
  }
}
