/**
 * Importing records, all or nothing. Every row goes through the same validation (RecordCreate) and
 * the same createRecord as a record typed in by hand, inside ONE transaction: a row with an error
 * makes the whole import change nothing, unless the user asked to skip bad rows. A preview runs
 * exactly the same import and rolls it back, so what the preview reports is what the import does.
 */
import type { z } from 'zod';
import { RecordCreate, type AuthorityKind, type LinkRole, type RecordView } from '../../shared/model';
import type { ImportReport, RowProblem } from '../../shared/channels/exchange';
import { issueParams } from '../../shared/errors/zod';
import type { DuplicateGround, RowPlace } from '../../shared/reports/import-report';
import { ArchiveFailure } from '../../shared/result';
import { createAuthority } from '../catalogue/authorities';
import type { CatalogueContext } from '../catalogue/context';
import { sql } from '../catalogue/statements';
import { createRecord, requireRecord, updateRecord } from '../catalogue/records';
import type { ImportName } from './from-csl';

/** A link as written: to this library's authorities, with the organisation a person acted for. */
export interface ImportLink {
  authorityId: number;
  role: LinkRole;
  note: string | null;
  onBehalfOf?: number | null;
}

export interface ImportRow {
  /** Where the row is in the file: row 3 (line 4), line 12, item 2. */
  where: RowPlace;
  fields: Record<string, unknown>;
  names: ImportName[];
  role: LinkRole;
  /** A problem found while reading the row (e.g. a date that cannot be read). */
  problem?: RowProblem;
  /** Links already resolved to this library's authorities (a bag's), used instead of `names`. */
  links?: ImportLink[];
  /**
   * The SHA-256 of every file the record holds (a bag's rows): a record holding other files is
   * not a duplicate. Undefined when the source does not say (metadata files).
   */
  files?: string[];
}

/** A record already in the library that a row is, and what shows it. */
interface Duplicate {
  id: number;
  by: DuplicateGround;
}

export interface ImportOptions {
  duplicates: 'skip' | 'merge';
  skipBadRows: boolean;
  dryRun: boolean;
  /**
   * Look for duplicates only among the records the library held before this import (a bag of a
   * library may hold two like records on purpose; both come across).
   */
  existingOnly?: boolean;
  /**
   * Our own packages (BagIt): a row the same in type, title, date and every field both give is the
   * record it was exported from, brought back. Not for bibliographies, where the same title and
   * date is only a possible duplicate (five towns called Springfield are five records).
   */
  sameDescription?: boolean;
  /** A row with the same title and date as a record, not a duplicate: imported (and flagged) or skipped. */
  possibleDuplicates?: 'import' | 'skip';
}

class Rollback extends Error {}

function zodProblem(error: z.ZodError): RowProblem {
  const issue = error.issues[0]!;
  return { reason: 'field_invalid', params: wire(issueParams(issue)) };
}

/** Params as they travel: the ones left out (undefined) are not sent. */
function wire(params: object): RowProblem['params'] {
  const out: RowProblem['params'] = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/**
 * The refusal of a whole import for its bad rows: the first one named, where it is and why (its
 * reason and params ride along as `cause`, as a batch item's do), so each door words all of it.
 */
export function rowsFailed(failed: number, total: number, first: ImportReport['rows'][number]): ArchiveFailure {
  const problem = first.problem ?? { reason: 'internal', params: { detail: 'unknown' } };
  return new ArchiveFailure('invalid_input', 'import_rows_failed', {
    ...problem.params,
    failed,
    total,
    unit: first.where.unit,
    n: first.where.n,
    ...(first.where.line !== undefined ? { line: first.where.line } : {}),
    ...(first.where.key !== undefined ? { key: first.where.key } : {}),
    cause: problem.reason,
  });
}

/** The import's lookups, exported so a test can check their query plans use the indexes. */
export const AUTHORITY_BY_NAME = `SELECT id, kind FROM (
         SELECT id, kind, 0 AS alt FROM authorities
          WHERE kind IN ('person', 'organisation', 'place', 'event', 'partnership') AND name = ? COLLATE NOCASE
         UNION ALL SELECT a.id, a.kind, 1 FROM authority_names n JOIN authorities a ON a.id = n.authority_id WHERE n.name = ? COLLATE NOCASE)
       ORDER BY kind = ? DESC, alt, id LIMIT 1`;
export const RECORD_BY_REFERENCE = 'SELECT id FROM records WHERE reference_code = ?';
export const RECORD_BY_TITLE_AND_DATE =
  "SELECT id FROM records WHERE title = ? COLLATE NOCASE AND coalesce(date, '') = ?";

/**
 * An authority of that name (or alternate name), preferring one of the same kind. Naming every
 * kind lets SQLite use the (kind, name) index instead of scanning all authorities once per name.
 */
function findAuthority(
  ctx: CatalogueContext,
  name: string,
  kind: AuthorityKind,
): { id: number; kind: AuthorityKind } | null {
  const row = sql(ctx.db, AUTHORITY_BY_NAME).get(name, name, kind) as { id: number; kind: AuthorityKind } | undefined;
  return row ?? null;
}

/** Fields that tell two records apart: set on both and different means two records, not one. */
const CONTENT_FIELDS = [
  'title',
  'date',
  'titleAlt',
  'titleAltLanguage',
  'dateEnd',
  'description',
  'bodyText',
  'publisher',
  'outlet',
  'programme',
  'medium',
  'url',
  'rights',
  'physicalLocation',
  'extent',
  'notes',
  'agreementKind',
  'dateSigned',
  'placeSigned',
  // Two chapters called "Introduction" of one year in two books are two records.
  'cslType',
  'containerTitle',
  'volume',
  'issue',
  'page',
  'doi',
  'isbn',
] as const;

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The first field set on both with different values (titles compared regardless of case), or null. */
function differingField(input: Record<string, unknown>, existing: Record<string, unknown>): string | null {
  for (const field of CONTENT_FIELDS) {
    const a = input[field];
    const b = existing[field];
    if (empty(a) || empty(b)) continue;
    if (
      field === 'title' ? String(a).toLowerCase() !== String(b).toLowerCase() : JSON.stringify(a) !== JSON.stringify(b)
    )
      return field;
  }
  return null;
}

function fileHashesOf(ctx: CatalogueContext, recordId: number): string[] {
  return (
    ctx.db
      .prepare(
        'SELECT f.sha256 FROM record_files rf JOIN files f ON f.id = rf.file_id WHERE rf.record_id = ? ORDER BY f.sha256',
      )
      .all(recordId) as { sha256: string }[]
  ).map((r) => r.sha256);
}

const RECORDS_HOLDING_FILE =
  'SELECT DISTINCT rf.record_id AS id FROM files f JOIN record_files rf ON rf.file_id = f.id WHERE f.sha256 = ? ORDER BY rf.record_id';

/** A DOI as written or as a link (https://doi.org/10.1000/x), compared without case. */
function normalDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
}

/** An ISBN's digits (and final X), without hyphens or spaces. */
function normalIsbn(isbn: string): string {
  return isbn.replace(/[^0-9Xx]/g, '').toUpperCase();
}

const RECORD_IDENTIFIERS = `SELECT id, doi, isbn, json_extract(extra_csl, '$."citation-key"') AS citationKey
  FROM records WHERE doi IS NOT NULL OR isbn IS NOT NULL OR extra_csl IS NOT NULL ORDER BY id`;

/** The ISBNs a field gives: one, or several separated by commas, semicolons or spaces. */
const isbnsOf = (isbn: string) =>
  isbn
    .split(/[,;]\s*|\s+(?=\d{9})/)
    .map(normalIsbn)
    .filter(Boolean);

interface Identified {
  doi?: string | null | undefined;
  isbn?: string | null | undefined;
  citationKey?: unknown;
}

/**
 * The library's DOIs, ISBNs and citation keys, normalised, each to the first record holding it:
 * read once per import (on the first row that has one) and kept up to date as rows are written,
 * so that a large bibliography is not compared with every record row by row.
 */
class Identifiers {
  private readonly byKind = {
    doi: new Map<string, number>(),
    isbn: new Map<string, number>(),
    key: new Map<string, number>(),
  };
  private loaded = false;

  constructor(private readonly ctx: CatalogueContext) {}

  add(id: number, item: Identified): void {
    const put = (map: Map<string, number>, value: string) => {
      if (value && !map.has(value)) map.set(value, id);
    };
    if (item.doi) put(this.byKind.doi, normalDoi(item.doi));
    if (item.isbn) for (const isbn of isbnsOf(item.isbn)) put(this.byKind.isbn, isbn);
    if (typeof item.citationKey === 'string') put(this.byKind.key, item.citationKey);
  }

  /** A record whose identifier equals the row's: its DOI, one of its ISBNs, or its citation key. */
  find(input: RecordCreate): Duplicate | null {
    const key = input.extraCsl?.['citation-key'];
    if (!input.doi && !input.isbn && typeof key !== 'string') return null;
    if (!this.loaded) {
      for (const row of sql(this.ctx.db, RECORD_IDENTIFIERS).all() as (Identified & { id: number })[])
        this.add(row.id, row);
      this.loaded = true;
    }
    const byDoi = input.doi ? this.byKind.doi.get(normalDoi(input.doi)) : undefined;
    if (byDoi !== undefined) return { id: byDoi, by: 'doi' };
    const byIsbn = input.isbn
      ? isbnsOf(input.isbn)
          .map((i) => this.byKind.isbn.get(i))
          .find((id) => id !== undefined)
      : undefined;
    if (byIsbn !== undefined) return { id: byIsbn, by: 'isbn' };
    const byKey = typeof key === 'string' ? this.byKind.key.get(key) : undefined;
    if (byKey !== undefined) return { id: byKey, by: 'citationKey' };
    return null;
  }
}

/**
 * A record already in the library that this row is: the same reference code, DOI, ISBN or
 * citation key; or the same files (by content hash) with no described field that differs; and, in
 * our own packages only (`sameDescription`), the same type, title and date with no field that
 * differs. Otherwise title and date never make a duplicate (five towns called Springfield are five
 * records): they make a possible one, which the user decides on (findPossibleDuplicate).
 */
function findDuplicate(
  ctx: CatalogueContext,
  input: RecordCreate,
  files: string[] | undefined,
  maxId: number,
  sameDescription: boolean,
  identifiers: Identifiers,
): Duplicate | null {
  if (input.referenceCode) {
    const byRef = sql(ctx.db, RECORD_BY_REFERENCE).get(input.referenceCode) as { id: number } | undefined;
    if (byRef && byRef.id <= maxId) return { id: byRef.id, by: 'referenceCode' };
  }
  const byIdentifier = identifiers.find(input);
  if (byIdentifier) return byIdentifier;
  const wanted = files ? [...new Set(files)].sort().join(' ') : null;
  const like = (id: number): boolean => {
    const existing = requireRecord(ctx, id);
    if (existing.type !== input.type) return false;
    if (wanted !== null && fileHashesOf(ctx, id).join(' ') !== wanted) return false;
    return differingField(input, existing) === null;
  };
  if (files && files.length > 0) {
    const holders = sql(ctx.db, RECORDS_HOLDING_FILE).all(files[0]) as { id: number }[];
    const same = holders.find((h) => h.id <= maxId && like(h.id));
    return same ? { id: same.id, by: 'files' } : null;
  }
  if (!sameDescription) return null;
  const candidates = sql(ctx.db, RECORD_BY_TITLE_AND_DATE).all(input.title, input.date ?? '') as { id: number }[];
  const same = candidates.find((c) => c.id <= maxId && like(c.id));
  return same ? { id: same.id, by: 'description' } : null;
}

/** A record with the same title and date (any type, any other field): shown to the user, who decides. */
function findPossibleDuplicate(ctx: CatalogueContext, input: RecordCreate, maxId: number): number | null {
  const candidates = sql(ctx.db, RECORD_BY_TITLE_AND_DATE).all(input.title, input.date ?? '') as { id: number }[];
  return candidates.find((c) => c.id <= maxId)?.id ?? null;
}

export function importRows(
  ctx: CatalogueContext,
  rows: ImportRow[],
  options: ImportOptions,
  /** Called in the import's transaction after a row becomes (or merges into) a record: e.g. to attach its files. */
  afterRow?: (recordId: number, rowIndex: number, status: 'imported' | 'merged') => void,
): ImportReport {
  const maxId = options.existingOnly
    ? (ctx.db.prepare('SELECT coalesce(max(id), 0) AS n FROM records').get() as { n: number }).n
    : Number.POSITIVE_INFINITY;
  const report: ImportReport = {
    imported: 0,
    merged: 0,
    skipped: 0,
    failed: 0,
    rows: [],
    createdAuthorities: [],
    dryRun: options.dryRun,
  };
  const run = ctx.db.transaction(() => {
    const created = new Map<string, number>();
    const identifiers = new Identifiers(ctx);
    const authorityFor = (n: ImportName): number => {
      const existing = findAuthority(ctx, n.name, n.kind);
      if (existing) return existing.id;
      const key = n.name.toLowerCase();
      const made = created.get(key);
      if (made) return made;
      const a = createAuthority(ctx, { kind: n.kind, name: n.name, nameParts: n.parts ?? null });
      created.set(key, a.id);
      report.createdAuthorities.push({ id: a.id, kind: a.kind, name: a.name });
      return a.id;
    };
    rows.forEach((row, index) => {
      const base = {
        row: index + 1,
        where: row.where,
        title: typeof row.fields.title === 'string' ? row.fields.title : '',
      };
      const fail = (problem: RowProblem) => {
        report.failed++;
        report.rows.push({ ...base, status: 'error', problem });
      };
      if (row.problem) return fail(row.problem);
      const parsed = RecordCreate.safeParse({ ...row.fields, links: [] });
      if (!parsed.success) return fail(zodProblem(parsed.error));
      const input = parsed.data;
      const duplicate = findDuplicate(ctx, input, row.files, maxId, options.sameDescription === true, identifiers);
      const possible = duplicate || row.files?.length ? null : findPossibleDuplicate(ctx, input, maxId);
      const createdBefore = report.createdAuthorities.length;
      const written: [number, RecordCreate][] = [];
      try {
        ctx.db.transaction(() => {
          // Made only for a row that is written: a skipped row leaves no authority behind.
          const linksOf = (): ImportLink[] =>
            row.links ?? [
              ...new Map(
                row.names.map((n) => [
                  `${authorityFor(n)}/${n.role ?? row.role}`,
                  {
                    authorityId: authorityFor(n),
                    role: n.role ?? row.role,
                    note: n.note ?? null,
                    ...(n.onBehalfOf ? { onBehalfOf: authorityFor({ name: n.onBehalfOf, kind: 'organisation' }) } : {}),
                  },
                ]),
              ).values(),
            ];
          if (duplicate && options.duplicates === 'skip') {
            report.skipped++;
            report.rows.push({
              ...base,
              status: 'skipped',
              duplicate: duplicate.by,
              recordId: duplicate.id,
            });
            return;
          }
          if (duplicate) {
            // Merge: fill the fields the existing record leaves empty, and add the links it lacks.
            const links = linksOf();
            const existing = requireRecord(ctx, duplicate.id) as unknown as Record<string, unknown>;
            const patch: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(input)) {
              if (key === 'links' || key === 'type' || value === undefined || value === null) continue;
              const current = existing[key];
              if (current === null || current === undefined || (Array.isArray(current) && current.length === 0))
                patch[key] = value;
            }
            const kept = (existing as unknown as RecordView).links.map((l): ImportLink => ({
              authorityId: l.authorityId,
              role: l.role,
              note: l.note,
              // The view names the organisation; a write takes its id.
              onBehalfOf: l.onBehalfOf?.id ?? null,
            }));
            const have = new Set(kept.map((l) => `${l.authorityId}/${l.role}`));
            const extra = links.filter((l) => !have.has(`${l.authorityId}/${l.role}`));
            if (extra.length) patch.links = [...kept, ...extra];
            updateRecord(ctx, duplicate.id, patch, undefined);
            afterRow?.(duplicate.id, index, 'merged');
            report.merged++;
            report.rows.push({
              ...base,
              status: 'merged',
              duplicate: duplicate.by,
              recordId: duplicate.id,
            });
            return;
          }
          if (possible !== null && options.possibleDuplicates === 'skip') {
            report.skipped++;
            report.rows.push({
              ...base,
              status: 'skipped',
              recordId: possible,
              possibleDuplicateOf: possible,
            });
            return;
          }
          const record = createRecord(ctx, { ...input, links: linksOf() });
          afterRow?.(record.id, index, 'imported');
          // Rows later in this file are compared with it too, unless only the library's records count.
          if (!options.existingOnly) written.push([record.id, input]);
          report.imported++;
          report.rows.push({
            ...base,
            status: 'imported',
            recordId: record.id,
            ...(possible !== null ? { possibleDuplicateOf: possible } : {}),
          });
        })();
        // Known only once the row's savepoint holds: a row rolled back names no record.
        for (const [id, item] of written.splice(0))
          identifiers.add(id, { doi: item.doi, isbn: item.isbn, citationKey: item.extraCsl?.['citation-key'] });
      } catch (error) {
        written.length = 0;
        // The row's savepoint rolled back: so did any authority it created.
        for (const a of report.createdAuthorities.splice(createdBefore)) created.delete(a.name.toLowerCase());
        if (error instanceof ArchiveFailure) return fail({ reason: error.reason, params: error.params });
        throw error;
      }
    });
    if (report.failed > 0 && !options.skipBadRows && !options.dryRun) {
      throw rowsFailed(
        report.failed,
        rows.length,
        report.rows.find((r) => r.status === 'error')!,
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
