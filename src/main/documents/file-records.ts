/**
 * The catalogue side of documents: the files, record_files and jobs tables. Everything here is
 * short and transactional (it runs in the catalogue worker); copying, hashing and reading files
 * happen in the job runner, which reports here.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type {
  documentsChannels,
  Extraction,
  FileView,
  JobView,
  PageView,
  PageWords,
  RecordFile,
} from '../../shared/channels/documents';
import { JOB_STATUSES } from '../../shared/channels/documents';
import { RecordCreate, type OcrChoice, type RecordType } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { inWriteTransaction } from '../catalogue/busy';
import { logChange } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';
import { createRecord, requireRecord, updateRecord } from '../catalogue/records';
import { deletePagesOfFile, writePageText } from '../search/fulltext';
import { DEFAULT_MAX_FILE_BYTES, envMaxFileBytes } from './limits';
import { readPageWords, writePageWords } from './page-words';
import { storedPath } from './store';
import { ANY_PATH } from './path-rule';
import { isNameTitle, titleFromName } from './titles';
import { walkPaths } from './walk';

type Out<C extends keyof typeof documentsChannels> = z.output<(typeof documentsChannels)[C]['output']>;

const FILE_COLUMNS = `f.id, f.sha256, f.size, f.media_type AS mediaType, f.page_count AS pageCount, f.width, f.height,
  f.duration_seconds AS durationSeconds, f.encrypted, f.text_status AS textStatus, f.text_error AS textError,
  f.thumbnail_sha256 AS thumbnailSha256, f.metadata, f.last_fixity_check AS lastFixityCheck,
  f.fixity_status AS fixityStatus, f.created_at AS createdAt`;

type FileRow = Omit<FileView, 'encrypted' | 'metadata'> & { encrypted: number; metadata: string };

function toFileView<T extends FileRow>(
  row: T,
): Omit<T, 'encrypted' | 'metadata'> & { encrypted: boolean; metadata: Record<string, unknown> } {
  return { ...row, encrypted: row.encrypted === 1, metadata: JSON.parse(row.metadata) as Record<string, unknown> };
}

function requireFile(ctx: CatalogueContext, id: number): FileView {
  const row = ctx.db.prepare(`SELECT ${FILE_COLUMNS} FROM files f WHERE f.id = ?`).get(id) as FileRow | undefined;
  if (!row) throw new ArchiveFailure('not_found', 'not_found', { kind: 'file', id }, 'id');
  return toFileView(row);
}

function holders(ctx: CatalogueContext, fileId: number): { recordId: number; title: string; originalName: string }[] {
  return ctx.db
    .prepare(
      `SELECT rf.record_id AS recordId, r.title, rf.original_name AS originalName
         FROM record_files rf JOIN records r ON r.id = rf.record_id WHERE rf.file_id = ? ORDER BY rf.record_id`,
    )
    .all(fileId) as { recordId: number; title: string; originalName: string }[];
}

export function fileInfo(
  ctx: CatalogueContext,
  input: { id?: number | undefined; sha256?: string | undefined },
): Out<'fileInfo'> {
  let id = input.id;
  if (id === undefined) {
    const row = ctx.db.prepare('SELECT id FROM files WHERE sha256 = ?').get(input.sha256) as { id: number } | undefined;
    if (!row)
      throw new ArchiveFailure('not_found', 'not_found', { kind: 'fileHash', id: input.sha256 ?? '' }, 'sha256');
    id = row.id;
  }
  return { ...requireFile(ctx, id), records: holders(ctx, id) };
}

export function recordFiles(ctx: CatalogueContext, recordId: number): RecordFile[] {
  requireRecord(ctx, recordId);
  const rows = ctx.db
    .prepare(
      `SELECT ${FILE_COLUMNS}, rf.original_name AS originalName, rf.position, rf.added_at AS addedAt
         FROM record_files rf JOIN files f ON f.id = rf.file_id WHERE rf.record_id = ? ORDER BY rf.position, f.id`,
    )
    .all(recordId) as (FileRow & { originalName: string; position: number; addedAt: string })[];
  return rows.map(toFileView);
}

export function filePages(ctx: CatalogueContext, fileId: number, from: number, limit: number): PageView[] {
  requireFile(ctx, fileId);
  return ctx.db
    .prepare(
      'SELECT page, text, source, confidence, language FROM pages WHERE file_id = ? AND page >= ? ORDER BY page LIMIT ?',
    )
    .all(fileId, from, limit) as PageView[];
}

export function pageWords(ctx: CatalogueContext, fileId: number, page: number): PageWords | null {
  requireFile(ctx, fileId);
  return readPageWords(ctx.db, fileId, page);
}

/** Whether a stored file is known to the catalogue, as a file or as a thumbnail (the file routes serve only these). */
export function knownHash(ctx: CatalogueContext, sha256: string): { mediaType: string } | null {
  const file = ctx.db.prepare('SELECT media_type AS mediaType FROM files WHERE sha256 = ?').get(sha256) as
    { mediaType: string } | undefined;
  if (file) return file;
  const thumb =
    ctx.db.prepare('SELECT 1 FROM files WHERE thumbnail_sha256 = ? LIMIT 1').get(sha256) ?? isPagePreview(ctx, sha256);
  return thumb ? { mediaType: 'image/png' } : null;
}

/** Page previews (PNG) of files browsers cannot show (TIFF), listed in the file's metadata. */
function isPagePreview(ctx: Pick<CatalogueContext, 'db'>, sha256: string): boolean {
  return (
    ctx.db
      .prepare(
        `SELECT 1 FROM files f, json_each(f.metadata, '$.pagePreviews') j
          WHERE f.media_type = 'image/tiff' AND j.value = ? LIMIT 1`,
      )
      .get(sha256) !== undefined
  );
}

// ---------------------------------------------------------------- settings

const MAX_BYTES_KEY = 'files.max-bytes';

/** The file size limit in force: the environment's override, else the library's setting, else 2 GiB. */
export function documentSettings(ctx: Pick<CatalogueContext, 'db'>): Out<'documentSettings'> {
  const env = envMaxFileBytes();
  if (env !== null) return { maxFileBytes: env, source: 'environment' };
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(MAX_BYTES_KEY) as
    { value: string } | undefined;
  const n = row ? Number(row.value) : NaN;
  return Number.isSafeInteger(n) && n > 0
    ? { maxFileBytes: n, source: 'library' }
    : { maxFileBytes: DEFAULT_MAX_FILE_BYTES, source: 'default' };
}

export function updateDocumentSettings(ctx: CatalogueContext, maxBytes: number | null): Out<'documentSettings'> {
  if (maxBytes === null) ctx.db.prepare('DELETE FROM settings WHERE key = ?').run(MAX_BYTES_KEY);
  else
    ctx.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(MAX_BYTES_KEY, String(maxBytes));
  return documentSettings(ctx);
}

const limit = (ctx: CatalogueContext) => documentSettings(ctx).maxFileBytes;

// ---------------------------------------------------------------- import

export function previewImport(ctx: CatalogueContext, paths: readonly string[]): Out<'previewImport'> {
  const walked = walkPaths(paths, limit(ctx), ctx.paths.root, ctx.pathRule);
  return { ...walked, totalBytes: walked.files.reduce((n, f) => n + f.size, 0) };
}

export function insertJob(
  ctx: CatalogueContext,
  kind: JobRow['kind'],
  batch: string,
  fileId: number | null,
  params: Record<string, unknown>,
  total: number,
): number {
  const now = ctx.now();
  return Number(
    ctx.db
      .prepare(
        'INSERT INTO jobs (kind, batch, file_id, params, progress_total, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(kind, batch, fileId, JSON.stringify(params), total, now, now).lastInsertRowid,
  );
}

/** What the records of an import get and how their text is read (see ImportChoices in the channel). */
interface ImportChoices {
  recordType?: RecordType | undefined;
  tags: string[];
  collectionId?: number | undefined;
  ocr?: OcrChoice | undefined;
}

/** The choices as an import job keeps them (checked first: a wrong record or collection queues nothing). */
function choiceParams(
  ctx: CatalogueContext,
  input: ImportChoices & { recordId?: number | undefined },
): Record<string, unknown> {
  if (input.recordId !== undefined) requireRecord(ctx, input.recordId);
  if (input.collectionId !== undefined && !collectionExists(ctx, input.collectionId))
    throw new ArchiveFailure('not_found', 'not_found', { kind: 'collection', id: input.collectionId }, 'collectionId');
  return {
    recordId: input.recordId ?? null,
    // null: not chosen, so the extraction may guess it (a photograph from its camera metadata).
    recordType: input.recordType ?? null,
    tags: [...new Set(input.tags)],
    collectionId: input.collectionId ?? null,
    ocr: input.ocr ?? null,
  };
}

function collectionExists(ctx: CatalogueContext, id: number): boolean {
  return ctx.db.prepare('SELECT 1 FROM collections WHERE id = ?').get(id) !== undefined;
}

export function importFiles(
  ctx: CatalogueContext,
  input: ImportChoices & { paths: string[]; recordId?: number | undefined },
): Out<'importFiles'> {
  const choices = choiceParams(ctx, input);
  const maxBytes = limit(ctx);
  const walked = walkPaths(input.paths, maxBytes, ctx.paths.root, ctx.pathRule);
  const batch = randomUUID();
  // The door's path rule goes with each job: the runner opens the file later, under the same rule.
  const pathRule = ctx.pathRule ?? ANY_PATH;
  ctx.db.transaction(() => {
    for (const f of walked.files) {
      insertJob(
        ctx,
        'import',
        batch,
        null,
        { path: f.path, originalName: f.name, ...choices, maxBytes, pathRule },
        f.size,
      );
    }
  })();
  return { batch, queued: walked.files.length, ...walked };
}

export function importUploaded(
  ctx: CatalogueContext,
  input: ImportChoices & {
    sha256: string;
    size: number;
    name: string;
    recordId?: number | undefined;
    batch?: string | undefined;
  },
): { batch: string; jobId: number } {
  const choices = choiceParams(ctx, input);
  const batch = input.batch ?? randomUUID();
  const params = {
    uploaded: { sha256: input.sha256, size: input.size },
    originalName: cleanName(input.name),
    ...choices,
  };
  return { batch, jobId: insertJob(ctx, 'import', batch, null, params, input.size) };
}

export function storedFileType(ctx: CatalogueContext, sha256: string): { mediaType: string } {
  const known = knownHash(ctx, sha256);
  if (!known) throw new ArchiveFailure('not_found', 'not_found', { kind: 'fileHash', id: '' }, 'sha256');
  return known;
}

/**
 * A file name as kept in the catalogue: the last path segment, no control characters, at most 255
 * characters (extension kept). A backslash is a separator in names from elsewhere (a browser, an
 * archive), but an ordinary character in a name this machine's file system gave (POSIX).
 */
export function cleanName(raw: string, backslashSeparates = true): string {
  const last =
    raw
      .split(backslashSeparates ? /[\\/]/ : /\//)
      .filter(Boolean)
      .pop() ?? '';
  let name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') name = 'unnamed';
  if (name.length > 255) {
    const ext = path.extname(name).slice(0, 16);
    name = name.slice(0, 255 - ext.length) + ext;
  }
  return name;
}

/**
 * After a registerImport whose request failed as a whole — its catch-up writes or its commit, after
 * the handler itself had succeeded (a full disk: the rows rolled back, the copied file still on
 * disk): removes the file if no row refers to it. Under the write lock, so another process's
 * registration of the same content is either committed (its row keeps the file) or not begun.
 * Best effort: what cannot be removed now is an orphan `verify` reports.
 */
export function forgetUnregistered(ctx: CatalogueContext, sha256: string): void {
  try {
    inWriteTransaction(ctx.db, () => removeIfUnreferenced(ctx, sha256));
  } catch {
    /* left for verify */
  }
}

/** Removes a stored file that no row refers to (after a failed registration). */
function removeIfUnreferenced(ctx: CatalogueContext, sha256: string): void {
  const used =
    ctx.db.prepare('SELECT 1 FROM files WHERE sha256 = ? OR thumbnail_sha256 = ? LIMIT 1').get(sha256, sha256) ??
    isPagePreview(ctx, sha256);
  if (!used) fs.rmSync(storedPath(ctx.paths.files, sha256), { force: true });
}

interface JobRow {
  id: number;
  kind: 'import' | 'extract' | 'verify';
  status: (typeof JOB_STATUSES)[number];
  batch: string;
  fileId: number | null;
  params: string;
  result: string | null;
  error: string | null;
  progressDone: number;
  progressTotal: number;
  progressLabel: string | null;
  createdAt: string;
  updatedAt: string;
}
const JOB_COLUMNS = `id, kind, status, batch, file_id AS fileId, params, result, error, progress_done AS progressDone,
  progress_total AS progressTotal, progress_label AS progressLabel, created_at AS createdAt, updated_at AS updatedAt`;

function requireJob(ctx: CatalogueContext, id: number): JobRow {
  const row = ctx.db.prepare(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
  if (!row) throw new ArchiveFailure('not_found', 'not_found', { kind: 'job', id }, 'id');
  return row;
}

function toJobView(row: JobRow): JobView {
  const params = JSON.parse(row.params) as { originalName?: string; path?: string };
  const { params: _p, ...rest } = row;
  return {
    ...rest,
    name: params.originalName ?? '',
    source: params.path ?? null,
    result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null,
  };
}

function setJob(
  ctx: CatalogueContext,
  id: number,
  status: JobRow['status'],
  fields: { result?: unknown; error?: string | null } = {},
): void {
  ctx.db
    .prepare('UPDATE jobs SET status = ?, result = coalesce(?, result), error = ?, updated_at = ? WHERE id = ?')
    .run(
      status,
      fields.result === undefined ? null : JSON.stringify(fields.result),
      fields.error ?? null,
      ctx.now(),
      id,
    );
}

export function registerImport(
  ctx: CatalogueContext,
  input: { id: number; sha256: string; size: number; mediaType: string },
): Out<'registerImport'> {
  const job = requireJob(ctx, input.id);
  if (job.kind !== 'import')
    throw new ArchiveFailure('invalid_input', 'job_wrong_kind', { id: job.id, expected: 'import' }, 'id');
  if (job.status !== 'running') {
    // Cancelled while the file was being copied: keep nothing that no row refers to.
    removeIfUnreferenced(ctx, input.sha256);
    return { status: job.status, fileId: null, recordId: null, alreadyIn: [], error: null };
  }
  const params = JSON.parse(job.params) as {
    originalName: string;
    recordId: number | null;
    /** null (or absent, in jobs queued before the import choices): not chosen. */
    recordType?: RecordType | null;
    tags?: string[];
    collectionId?: number | null;
    ocr?: OcrChoice | null;
    uploaded?: unknown;
  };
  const name = cleanName(params.originalName, path.sep === '\\' || params.uploaded !== undefined);
  try {
    return ctx.db.transaction(() => {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(storedPath(ctx.paths.files, input.sha256));
      } catch {
        throw new ArchiveFailure('internal', 'stored_copy_damaged', { name });
      }
      if (stat.size !== input.size)
        throw new ArchiveFailure('internal', 'stored_copy_damaged', { name, size: stat.size, expected: input.size });
      const existing = ctx.db.prepare('SELECT id FROM files WHERE sha256 = ?').get(input.sha256) as
        { id: number } | undefined;
      const alreadyIn = existing ? holders(ctx, existing.id).map((h) => h.recordId) : [];
      const now = ctx.now();
      let fileId: number;
      let extractJob: number | null = null;
      if (existing) fileId = existing.id;
      else {
        fileId = Number(
          ctx.db
            .prepare('INSERT INTO files (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)')
            .run(input.sha256, input.size, input.mediaType, now).lastInsertRowid,
        );
        extractJob = insertJob(ctx, 'extract', job.batch, fileId, { originalName: name, ocr: params.ocr ?? null }, 0);
      }
      let recordId: number | null;
      if (params.recordId !== null) {
        recordId = params.recordId;
        requireRecord(ctx, recordId);
        if (!alreadyIn.includes(recordId)) linkFile(ctx, recordId, fileId, name, input.sha256);
      } else if (existing && alreadyIn.length > 0) {
        // Same content already catalogued: do not make a second record for it.
        recordId = null;
      } else {
        // A collection deleted while the file was being copied: the record is still made, outside it.
        const collectionId =
          params.collectionId != null && collectionExists(ctx, params.collectionId) ? params.collectionId : undefined;
        const record = createRecord(
          ctx,
          RecordCreate.parse({
            type: params.recordType ?? 'other',
            title: titleFromName(name),
            ...(params.tags?.length ? { tags: params.tags } : {}),
            ...(collectionId !== undefined ? { collectionId } : {}),
          }),
        );
        recordId = record.id;
        linkFile(ctx, recordId, fileId, name, input.sha256);
        // No type chosen: the extraction may still tell (a photograph's camera metadata).
        if (extractJob !== null && params.recordType == null)
          ctx.db
            .prepare("UPDATE jobs SET params = json_set(params, '$.guessTypeOf', ?) WHERE id = ?")
            .run(recordId, extractJob);
      }
      const result = { fileId, recordId, alreadyIn, sha256: input.sha256, duplicate: existing !== undefined };
      ctx.db.prepare('UPDATE jobs SET file_id = ?, progress_done = progress_total WHERE id = ?').run(fileId, job.id);
      setJob(ctx, job.id, 'done', { result });
      return { status: 'done' as const, fileId, recordId, alreadyIn, error: null };
    })();
  } catch (error) {
    removeIfUnreferenced(ctx, input.sha256);
    const message = error instanceof Error ? error.message : String(error);
    setJob(ctx, job.id, 'failed', { error: message });
    return { status: 'failed', fileId: null, recordId: null, alreadyIn: [], error: message };
  }
}

function linkFile(ctx: CatalogueContext, recordId: number, fileId: number, name: string, sha256: string): void {
  const position = (
    ctx.db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM record_files WHERE record_id = ?')
      .get(recordId) as { p: number }
  ).p;
  ctx.db
    .prepare('INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, ?, ?)')
    .run(recordId, fileId, name, position, ctx.now());
  logChange(ctx, 'record', recordId, 'update', {}, { [`file ${position}`]: `${name} (sha256 ${sha256})` });
}

export function detachFile(ctx: CatalogueContext, recordId: number, fileId: number): { revision: number } {
  return ctx.db.transaction(() => {
    const row = ctx.db
      .prepare('SELECT original_name AS name, position FROM record_files WHERE record_id = ? AND file_id = ?')
      .get(recordId, fileId) as { name: string; position: number } | undefined;
    if (!row)
      throw new ArchiveFailure('not_found', 'not_found', { kind: 'recordFile', id: fileId, recordId }, 'fileId');
    ctx.db.prepare('DELETE FROM record_files WHERE record_id = ? AND file_id = ?').run(recordId, fileId);
    // The stored file stays: files are never deleted silently (it may be attached again, or cited).
    const sha = requireFile(ctx, fileId).sha256;
    return {
      revision: logChange(
        ctx,
        'record',
        recordId,
        'update',
        { [`file ${row.position}`]: `${row.name} (sha256 ${sha})` },
        {},
      ),
    };
  })();
}

// ---------------------------------------------------------------- jobs

export function listJobs(
  ctx: CatalogueContext,
  input: { batch?: string | undefined; active: boolean; limit: number },
): Out<'listJobs'> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (input.batch !== undefined) {
    where.push('batch = ?');
    params.push(input.batch);
  }
  const countRows = ctx.db
    .prepare(
      `SELECT status, count(*) AS n FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY status`,
    )
    .all(...params) as { status: JobRow['status']; n: number }[];
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobRow['status'], number>;
  for (const r of countRows) counts[r.status] = r.n;
  if (input.active) {
    where.push("(status IN ('pending', 'running') OR updated_at >= ?)");
    params.push(new Date(Date.parse(ctx.now()) - 60_000).toISOString());
  }
  const rows = ctx.db
    .prepare(
      `SELECT ${JOB_COLUMNS} FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
    )
    .all(...params, input.limit) as JobRow[];
  return { jobs: rows.map(toJobView), counts };
}

export function cancelJobs(
  ctx: CatalogueContext,
  input: { ids?: number[] | undefined; batch?: string | undefined },
): { cancelled: number } {
  if (input.ids === undefined && input.batch === undefined)
    throw new ArchiveFailure('invalid_input', 'ids_or_batch', {}, 'ids');
  return ctx.db.transaction(() => {
    const filter = input.ids !== undefined ? `id IN (${input.ids.map(() => '?').join(', ') || 'NULL'})` : 'batch = ?';
    const params = input.ids ?? [input.batch as string];
    const rows = ctx.db
      .prepare(`SELECT id, kind, file_id AS fileId FROM jobs WHERE ${filter} AND status IN ('pending', 'running')`)
      .all(...params) as {
      id: number;
      kind: string;
      fileId: number | null;
    }[];
    for (const r of rows) {
      setJob(ctx, r.id, 'cancelled', { error: 'cancelled' });
      if (r.kind === 'extract' && r.fileId !== null) {
        ctx.db
          .prepare(
            "UPDATE files SET text_status = 'skipped', text_error = 'text skipped: the job was cancelled' WHERE id = ?",
          )
          .run(r.fileId);
      }
    }
    return { cancelled: rows.length };
  })();
}

/** A running job not heard of for this long is taken for abandoned even when its owner cannot be checked (another host, a reused pid). */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** Whether the runner that claimed a job ("host:pid") is gone: its process no longer runs here, or it has been silent too long. */
function ownerGone(owner: unknown, updatedAt: string, now: string): boolean {
  if (Date.parse(now) - Date.parse(updatedAt) > ABANDONED_AFTER_MS) return true;
  // No owner: released by a runner that stopped, or claimed by a version that recorded none.
  if (typeof owner !== 'string') return true;
  const [host, rawPid] = owner.split(':');
  const pid = Number(rawPid);
  if (host !== os.hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // a runner of this process still holds it (a stopped one releases its jobs)
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function resumeJobs(ctx: CatalogueContext, abandoned = false, release?: string): { resumed: number } {
  if (release !== undefined) {
    const info = ctx.db
      .prepare(
        "UPDATE jobs SET params = json_remove(params, '$.owner') WHERE status = 'running' AND json_extract(params, '$.owner') = ?",
      )
      .run(release);
    return { resumed: info.changes };
  }
  if (!abandoned) {
    const info = ctx.db
      .prepare("UPDATE jobs SET status = 'pending', updated_at = ? WHERE status = 'running'")
      .run(ctx.now());
    return { resumed: info.changes };
  }
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const running = ctx.db
      .prepare(
        "SELECT id, json_extract(params, '$.owner') AS owner, updated_at AS updatedAt FROM jobs WHERE status = 'running'",
      )
      .all() as {
      id: number;
      owner: unknown;
      updatedAt: string;
    }[];
    const reset = ctx.db.prepare(
      "UPDATE jobs SET status = 'pending', updated_at = ? WHERE id = ? AND status = 'running'",
    );
    let resumed = 0;
    for (const job of running) if (ownerGone(job.owner, job.updatedAt, now)) resumed += reset.run(now, job.id).changes;
    return { resumed };
  })();
}

export function claimJob(
  ctx: CatalogueContext,
  batch: string | undefined,
  kind: JobRow['kind'] | undefined,
  owner?: string,
): Out<'claimJob'> {
  return ctx.db.transaction(() => {
    const params = [...(batch !== undefined ? [batch] : []), ...(kind !== undefined ? [kind] : [])];
    const row = ctx.db
      .prepare(
        `SELECT id FROM jobs WHERE status = 'pending' ${batch !== undefined ? 'AND batch = ?' : ''} ${kind !== undefined ? 'AND kind = ?' : ''}
          ORDER BY kind = 'import' DESC, id LIMIT 1`,
      )
      .get(...params) as { id: number } | undefined;
    if (!row) return null;
    ctx.db
      .prepare(
        "UPDATE jobs SET status = 'running', updated_at = ?, params = CASE WHEN ? IS NULL THEN params ELSE json_set(params, '$.owner', ?) END WHERE id = ?",
      )
      .run(ctx.now(), owner ?? null, owner ?? null, row.id);
    const job = requireJob(ctx, row.id);
    const file =
      job.fileId !== null
        ? (ctx.db.prepare('SELECT sha256, media_type AS mediaType FROM files WHERE id = ?').get(job.fileId) as {
            sha256: string;
            mediaType: string;
          })
        : null;
    return {
      ...toJobView(job),
      params: JSON.parse(job.params) as Record<string, unknown>,
      sha256: file?.sha256 ?? null,
      mediaType: file?.mediaType ?? null,
    };
  })();
}

export function jobProgress(
  ctx: CatalogueContext,
  input: { id: number; done: number; total: number; label: string | null },
): { status: JobRow['status'] } {
  const job = requireJob(ctx, input.id);
  if (job.status === 'running') {
    ctx.db
      .prepare('UPDATE jobs SET progress_done = ?, progress_total = ?, progress_label = ?, updated_at = ? WHERE id = ?')
      .run(input.done, input.total, input.label, ctx.now(), input.id);
  }
  return { status: job.status };
}

export function failJob(ctx: CatalogueContext, id: number, error: string): { status: JobRow['status'] } {
  return ctx.db.transaction(() => {
    const job = requireJob(ctx, id);
    if (job.status !== 'running' && job.status !== 'pending') return { status: job.status };
    setJob(ctx, id, 'failed', { error });
    if (job.kind === 'extract' && job.fileId !== null) {
      ctx.db
        .prepare("UPDATE files SET text_status = 'failed', text_error = ? WHERE id = ?")
        .run(`text failed: ${error}`, job.fileId);
    }
    return { status: 'failed' as const };
  })();
}

/**
 * Suggestions from the file fill empty fields only; the title only while it is still the file's
 * name; the type only of the record `guessTypeOf` (made by an import that chose none), while it is
 * still "other".
 */
function applySuggestions(
  ctx: CatalogueContext,
  fileId: number,
  metadata: Record<string, unknown>,
  guessTypeOf: number | null,
): void {
  const suggest = (metadata.suggest ?? {}) as { title?: string; date?: string; type?: RecordType };
  if (!suggest.title && !suggest.date && !suggest.type) return;
  for (const h of holders(ctx, fileId)) {
    const record = requireRecord(ctx, h.recordId);
    const patch: { title?: string; date?: string; type?: RecordType } = {};
    if (suggest.title && isNameTitle(record.title, h.originalName)) patch.title = suggest.title.slice(0, 2_000);
    if (suggest.date && !record.date) patch.date = suggest.date;
    if (suggest.type && h.recordId === guessTypeOf && record.type === 'other') patch.type = suggest.type;
    if (Object.keys(patch).length === 0) continue;
    try {
      updateRecord(ctx, h.recordId, patch, undefined);
    } catch {
      // A suggestion the record refuses (a date out of range...) is just not applied; the type still is.
      if (patch.type) updateRecord(ctx, h.recordId, { type: patch.type }, undefined);
    }
  }
}

export function finishExtract(
  ctx: CatalogueContext,
  id: number,
  extraction: z.output<typeof Extraction>,
): { status: JobRow['status']; pages: number } {
  return ctx.db.transaction(() => {
    const job = requireJob(ctx, id);
    if (job.kind !== 'extract' || job.fileId === null)
      throw new ArchiveFailure('invalid_input', 'job_wrong_kind', { id, expected: 'extraction' }, 'id');
    if (job.status !== 'running') return { status: job.status, pages: 0 };
    const fileId = job.fileId;
    const e = extraction;
    ctx.db
      .prepare(
        `UPDATE files SET page_count = ?, width = ?, height = ?, duration_seconds = ?, encrypted = ?, metadata = ?,
                thumbnail_sha256 = coalesce(?, thumbnail_sha256), text_status = ?, text_error = ? WHERE id = ?`,
      )
      .run(
        e.pageCount,
        e.width,
        e.height,
        e.durationSeconds,
        e.encrypted ? 1 : 0,
        JSON.stringify(e.metadata),
        e.thumbnailSha256,
        e.textStatus,
        e.textError,
        fileId,
      );
    deletePagesOfFile(ctx.db, fileId);
    for (const p of e.pages) {
      const pageId = writePageText(ctx.db, {
        fileId,
        page: p.page,
        text: p.text,
        source: p.source,
        confidence: p.confidence,
        language: p.language,
      });
      writePageWords(ctx.db, pageId, p.words);
    }
    // The search index follows record changes: each record holding this file changed.
    const summary = `${e.textStatus}${e.pages.length ? `: ${e.pages.length} page${e.pages.length === 1 ? '' : 's'} of text` : ''}${e.textError ? ` (${e.textError})` : ''}`;
    for (const h of holders(ctx, fileId))
      logChange(ctx, 'record', h.recordId, 'update', {}, { [`text of ${h.originalName}`]: summary });
    const { guessTypeOf } = JSON.parse(job.params) as { guessTypeOf?: number };
    applySuggestions(ctx, fileId, e.metadata, guessTypeOf ?? null);
    ctx.db.prepare('UPDATE jobs SET progress_done = progress_total WHERE id = ?').run(id);
    setJob(ctx, id, 'done', { result: { pages: e.pages.length, textStatus: e.textStatus, textError: e.textError } });
    return { status: 'done' as const, pages: e.pages.length };
  })();
}

// ---------------------------------------------------------------- fixity

export function startVerify(ctx: CatalogueContext): { batch: string; jobId: number } {
  const open = ctx.db
    .prepare(
      "SELECT id, batch FROM jobs WHERE kind = 'verify' AND status IN ('pending', 'running') ORDER BY id LIMIT 1",
    )
    .get() as { id: number; batch: string } | undefined;
  if (open) return { batch: open.batch, jobId: open.id };
  const batch = randomUUID();
  return { batch, jobId: insertJob(ctx, 'verify', batch, null, { originalName: 'all stored files' }, 0) };
}

export function finishJob(
  ctx: CatalogueContext,
  id: number,
  result: Record<string, unknown>,
): { status: JobRow['status'] } {
  const job = requireJob(ctx, id);
  if (job.status !== 'running') return { status: job.status };
  ctx.db.prepare('UPDATE jobs SET progress_done = progress_total WHERE id = ?').run(id);
  setJob(ctx, id, 'done', { result });
  return { status: 'done' };
}

export function storedFiles(ctx: CatalogueContext, afterId: number, limit: number): Out<'storedFiles'> {
  const files = ctx.db
    .prepare('SELECT id, sha256, size FROM files WHERE id > ? ORDER BY id LIMIT ?')
    .all(afterId, limit) as { id: number; sha256: string; size: number }[];
  const thumbnails =
    afterId === 0
      ? (
          ctx.db
            .prepare(
              `SELECT thumbnail_sha256 AS t FROM files WHERE thumbnail_sha256 IS NOT NULL
               UNION SELECT j.value FROM files f, json_each(f.metadata, '$.pagePreviews') j WHERE f.media_type = 'image/tiff'`,
            )
            .all() as { t: string }[]
        ).map((r) => r.t)
      : [];
  return { files, thumbnails };
}

export function recordFixity(
  ctx: CatalogueContext,
  results: { id: number; status: 'ok' | 'missing' | 'altered' }[],
): { updated: number } {
  const now = ctx.now();
  const update = ctx.db.prepare('UPDATE files SET last_fixity_check = ?, fixity_status = ? WHERE id = ?');
  return ctx.db.transaction(() => {
    let updated = 0;
    for (const r of results) updated += update.run(now, r.status, r.id).changes;
    return { updated };
  })();
}
