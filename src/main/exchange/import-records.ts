/**
 * Importing records, all or nothing. Every row goes through the same validation (RecordCreate) and
 * the same createRecord as a record typed in by hand, inside ONE transaction: a row with an error
 * makes the whole import change nothing, unless the user asked to skip bad rows. A preview runs
 * exactly the same import and rolls it back, so what the preview reports is what the import does.
 */
import type { z } from 'zod';
import { RecordCreate, type AuthorityKind, type LinkRole } from '../../shared/model';
import type { ImportReport } from '../../shared/channels/exchange';
import { ArchiveFailure } from '../../shared/result';
import { createAuthority } from '../catalogue/authorities';
import type { CatalogueContext } from '../catalogue/context';
import { sql } from '../catalogue/statements';
import { createRecord, requireRecord, updateRecord } from '../catalogue/records';
import type { ImportName } from './from-csl';

export interface ImportRow {
  /** Where the row is in the file: "line 12", "row 3", "item 2". */
  where: string;
  fields: Record<string, unknown>;
  names: ImportName[];
  role: LinkRole;
  /** A problem found while reading the row (e.g. a date that cannot be read). */
  problem?: string;
}

export interface ImportOptions {
  duplicates: 'skip' | 'merge';
  skipBadRows: boolean;
  dryRun: boolean;
}

class Rollback extends Error {}

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** The import's lookups, exported so a test can check their query plans use the indexes. */
export const AUTHORITY_BY_NAME = `SELECT id, kind FROM (
         SELECT id, kind, 0 AS alt FROM authorities
          WHERE kind IN ('person', 'organisation', 'place', 'event', 'partnership') AND name = ? COLLATE NOCASE
         UNION ALL SELECT a.id, a.kind, 1 FROM authority_names n JOIN authorities a ON a.id = n.authority_id WHERE n.name = ? COLLATE NOCASE)
       ORDER BY kind = ? DESC, alt, id LIMIT 1`;
export const RECORD_BY_REFERENCE = 'SELECT id FROM records WHERE reference_code = ?';
export const RECORD_BY_TITLE_AND_DATE = "SELECT id FROM records WHERE title = ? COLLATE NOCASE AND coalesce(date, '') = ?";

/**
 * An authority of that name (or alternate name), preferring one of the same kind. Naming every
 * kind lets SQLite use the (kind, name) index instead of scanning all authorities once per name.
 */
function findAuthority(ctx: CatalogueContext, name: string, kind: AuthorityKind): { id: number; kind: AuthorityKind } | null {
  const row = sql(ctx.db, AUTHORITY_BY_NAME).get(name, name, kind) as { id: number; kind: AuthorityKind } | undefined;
  return row ?? null;
}

function findDuplicate(ctx: CatalogueContext, fields: { referenceCode?: string | null; title: string; date?: string | null }): { id: number; why: string } | null {
  if (fields.referenceCode) {
    const byRef = sql(ctx.db, RECORD_BY_REFERENCE).get(fields.referenceCode) as { id: number } | undefined;
    if (byRef) return { id: byRef.id, why: `the same reference code as record #${byRef.id}` };
  }
  const byTitle = sql(ctx.db, RECORD_BY_TITLE_AND_DATE).get(fields.title, fields.date ?? '') as { id: number } | undefined;
  if (byTitle) return { id: byTitle.id, why: `the same title and date as record #${byTitle.id}` };
  return null;
}

export function importRows(
  ctx: CatalogueContext,
  rows: ImportRow[],
  options: ImportOptions,
  /** Called in the import's transaction after a row becomes (or merges into) a record: e.g. to attach its files. */
  afterRow?: (recordId: number, rowIndex: number) => void,
): ImportReport {
  const report: ImportReport = { imported: 0, merged: 0, skipped: 0, failed: 0, rows: [], createdAuthorities: [], dryRun: options.dryRun };
  const run = ctx.db.transaction(() => {
    const created = new Map<string, number>();
    const authorityFor = (n: ImportName): number => {
      const existing = findAuthority(ctx, n.name, n.kind);
      if (existing) return existing.id;
      const key = n.name.toLowerCase();
      const made = created.get(key);
      if (made) return made;
      const a = createAuthority(ctx, { kind: n.kind, name: n.name });
      created.set(key, a.id);
      report.createdAuthorities.push({ id: a.id, kind: a.kind, name: a.name });
      return a.id;
    };
    rows.forEach((row, index) => {
      const base = { row: index + 1, where: row.where, title: String(row.fields.title ?? '') };
      const fail = (reason: string) => {
        report.failed++;
        report.rows.push({ ...base, status: 'error', reason });
      };
      if (row.problem) return fail(row.problem);
      const parsed = RecordCreate.safeParse({ ...row.fields, links: [] });
      if (!parsed.success) return fail(zodProblem(parsed.error));
      const input = parsed.data;
      const duplicate = findDuplicate(ctx, input);
      const createdBefore = report.createdAuthorities.length;
      try {
        ctx.db.transaction(() => {
          const links = [
            ...new Map(
              row.names.map((n) => [`${authorityFor(n)}/${n.role ?? row.role}`, { authorityId: authorityFor(n), role: n.role ?? row.role, note: n.note ?? null }]),
            ).values(),
          ];
          if (duplicate && options.duplicates === 'skip') {
            report.skipped++;
            report.rows.push({ ...base, status: 'skipped', reason: `duplicate: ${duplicate.why}`, recordId: duplicate.id });
            return;
          }
          if (duplicate) {
            // Merge: fill the fields the existing record leaves empty, and add the links it lacks.
            const existing = requireRecord(ctx, duplicate.id) as unknown as Record<string, unknown>;
            const patch: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(input)) {
              if (key === 'links' || key === 'type' || value === undefined || value === null) continue;
              const current = existing[key];
              if (current === null || current === undefined || (Array.isArray(current) && current.length === 0)) patch[key] = value;
            }
            const have = new Set((existing.links as { authorityId: number; role: string }[]).map((l) => `${l.authorityId}/${l.role}`));
            const extra = links.filter((l) => !have.has(`${l.authorityId}/${l.role}`));
            if (extra.length) patch.links = [...(existing.links as { authorityId: number; role: LinkRole; note: string | null }[]), ...extra];
            updateRecord(ctx, duplicate.id, patch, undefined);
            afterRow?.(duplicate.id, index);
            report.merged++;
            report.rows.push({ ...base, status: 'merged', reason: `duplicate: ${duplicate.why}`, recordId: duplicate.id });
            return;
          }
          const record = createRecord(ctx, { ...input, links });
          afterRow?.(record.id, index);
          report.imported++;
          report.rows.push({ ...base, status: 'imported', recordId: record.id });
        })();
      } catch (error) {
        // The row's savepoint rolled back: so did any authority it created.
        for (const a of report.createdAuthorities.splice(createdBefore)) created.delete(a.name.toLowerCase());
        if (error instanceof ArchiveFailure) return fail(error.message);
        throw error;
      }
    });
    if (report.failed > 0 && !options.skipBadRows && !options.dryRun) {
      const first = report.rows.find((r) => r.status === 'error')!;
      throw new ArchiveFailure(
        'invalid_input',
        `${report.failed} of ${rows.length} rows cannot be imported (first: ${first.where}: ${first.reason}); nothing was imported. Fix the file, or skip the bad rows.`,
      );
    }
    if (options.dryRun) throw new Rollback();
  });
  try {
    run();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report;
}
