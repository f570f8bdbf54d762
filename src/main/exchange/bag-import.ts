/**
 * Importing a bag, in two steps so that its files enter the library through the file store like
 * any imported file (storeFile: streamed, hashed, temp name, fsync, rename) and never block the
 * catalogue:
 *
 * 1. importBag (a handler) checks the bag completely, plans the import by running it and rolling
 *    it back (so the plan is what the import will do), and queues one import job with the list
 *    of payload files the plan needs. A dry run stops after the plan.
 * 2. The job runner stores those files, then finishBagImport writes everything in ONE transaction:
 *    authorities, collections, tags, settings, saved searches, records with their links and files,
 *    the files' extraction results and page text, and the history; files whose text the bag does
 *    not carry get extraction jobs in the same batch. Stored copies no row refers to (a row skipped
 *    as a duplicate, a failed import) are removed, so an import never leaves an orphaned file.
 *
 * Ids are the source library's in the bag and are mapped to this library's. Duplicates are looked
 * for only among the records this library held before the import (import-records.ts says what a
 * duplicate is: never title and date alone).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../shared/channels/exchange';
import { AuthorityCreate, levelFitsInside, type CollectionLevel } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { createAuthority } from '../catalogue/authorities';
import { logChange } from '../catalogue/changes';
import { createCollection } from '../catalogue/collections';
import type { CatalogueContext } from '../catalogue/context';
import { tagId } from '../catalogue/records';
import { documentSettings, failJob, finishJob, insertJob, knownHash } from '../documents/file-records';
import { ANY_PATH } from '../documents/path-rule';
import { storedPath } from '../documents/store';
import { writePageText } from '../search/fulltext';
import { OWN_SETTINGS, type BagStoredFile } from './bag-library';
import { readBag, type BagContents, type BagFile } from './bagit';
import { importRows, rowsFailed, type ImportLink, type ImportOptions, type ImportRow } from './import-records';
import { recordRows } from './record-json';

class Rollback extends Error {}

interface Needed {
  path: string;
  sha256: string;
  size: number;
}

interface Written {
  report: ImportReport;
  /** Payload files the import stores: the rows' files and their thumbnails and previews. */
  needed: Map<string, Needed>;
  /** New file rows whose text the bag does not carry: they get extraction jobs. */
  extract: { fileId: number; name: string }[];
}

interface BagJobParams {
  dir: string;
  duplicates: 'skip' | 'merge';
  skipBadRows: boolean;
  maxBytes: number;
  /** present: the content was already in storage when the job was queued (never removed by the clean-up). */
  files: (Needed & { present: boolean })[];
}

const fail = (bag: string, message: string) =>
  new ArchiveFailure('invalid_input', 'bag_unusable', { bag, detail: message }, 'dir');

/**
 * Writes a bag into the catalogue; call inside a transaction. With `filesStored`, every file a row
 * gets must already be in storage with its size (the job stored it); without, this is the plan.
 */
function writeBag(ctx: CatalogueContext, bag: BagContents, options: ImportOptions, filesStored: boolean): Written {
  const db = ctx.db;
  const lib = bag.library;
  const now = ctx.now();
  const maxId = (table: string) =>
    (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
  const before = { authorities: maxId('authorities'), collections: maxId('collections') };
  const createdAuthorities: ImportReport['createdAuthorities'] = [];

  // The history first, so that it comes before this import's own changes; which entity each change
  // is about is filled in at the end, when the ids in this library are known.
  const history: { revision: number; entity: string; sourceId: number }[] = [];
  const insertChange = db.prepare('INSERT INTO changes (at, actor, entity, entity_id, action) VALUES (?, ?, ?, 0, ?)');
  const insertAudit = db.prepare('INSERT INTO audit (revision, field, old_value, new_value) VALUES (?, ?, ?, ?)');
  for (const c of lib?.history ?? []) {
    const revision = Number(insertChange.run(c.at, c.actor, c.entity, c.action).lastInsertRowid);
    for (const a of c.audit) insertAudit.run(revision, a.field, a.old, a.new);
    history.push({ revision, entity: c.entity, sourceId: c.entityId });
  }

  // Authorities: one of the same kind and name that the library already had is the same authority;
  // otherwise it is created as the bag describes it. Places before the events that name them.
  const authorityMap = new Map<number, number>();
  const sameAuthority = db.prepare(
    'SELECT id FROM authorities WHERE kind = ? AND name = ? COLLATE NOCASE AND id <= ? ORDER BY id LIMIT 1',
  );
  for (const a of [...(lib?.authorities ?? [])].sort(
    (x, y) => Number(x.kind === 'event') - Number(y.kind === 'event'),
  )) {
    const existing = sameAuthority.get(a.kind, a.name, before.authorities) as { id: number } | undefined;
    if (existing) {
      authorityMap.set(a.id, existing.id);
      continue;
    }
    const parsed = AuthorityCreate.safeParse({
      kind: a.kind,
      name: a.name,
      description: a.description,
      date: a.date,
      dateEnd: a.dateEnd,
      placeId: a.placeId === null ? null : (authorityMap.get(a.placeId) ?? null),
      altNames: a.altNames,
      nameParts: a.nameParts ?? null,
    });
    if (!parsed.success)
      throw fail(
        bag.dir,
        `the ${a.kind} "${a.name}" in data/library.json cannot be imported (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
      );
    const view = createAuthority(ctx, parsed.data);
    db.prepare('UPDATE authorities SET created_at = ?, updated_at = ? WHERE id = ?').run(
      a.createdAt,
      a.updatedAt,
      view.id,
    );
    authorityMap.set(a.id, view.id);
    createdAuthorities.push({ id: view.id, kind: view.kind, name: view.name });
  }

  // Collections, each after its parent: one the library had (same reference code, or same name,
  // level and parent) is the same collection. The bag's own tree comes back as its library arranged
  // it; filed into one of this library's collections, a collection must keep ISAD(G)'s order of
  // levels (levelFitsInside): one the import would put out of order is refused, and with it the
  // whole bag, before anything is written (importBag plans by running the import and rolling it back).
  const collectionMap = new Map<number, number>();
  const bagLevel = new Map((lib?.collections ?? []).map((c) => [c.id, c.level]));
  const levelOf = db.prepare('SELECT name, level FROM collections WHERE id = ?');
  const pending = [...(lib?.collections ?? [])];
  while (pending.length > 0) {
    const i = pending.findIndex(
      (c) => c.parentId === null || collectionMap.has(c.parentId) || !pending.some((p) => p.id === c.parentId),
    );
    const c = pending.splice(i === -1 ? 0 : i, 1)[0]!;
    const parentId = c.parentId === null ? null : (collectionMap.get(c.parentId) ?? null);
    const existing = (
      c.referenceCode
        ? db
            .prepare('SELECT id FROM collections WHERE reference_code = ? AND id <= ?')
            .get(c.referenceCode, before.collections)
        : db
            .prepare('SELECT id FROM collections WHERE name = ? AND level = ? AND parent_id IS ? AND id <= ?')
            .get(c.name, c.level, parentId, before.collections)
    ) as { id: number } | undefined;
    if (existing) {
      collectionMap.set(c.id, existing.id);
      continue;
    }
    // Out of order already in the bag's own tree (its library was arranged before the rule): kept as
    // arranged, or the round trip would not give back what was exported.
    const inBag = c.parentId == null ? undefined : bagLevel.get(c.parentId);
    const arrangedSo = inBag !== undefined && !levelFitsInside(c.level, inBag);
    if (parentId !== null && !arrangedSo) {
      const parent = levelOf.get(parentId) as { name: string; level: CollectionLevel };
      if (!levelFitsInside(c.level, parent.level)) {
        throw new ArchiveFailure(
          'invalid_input',
          'bag_level_order',
          {
            bag: bag.dir,
            name: c.name,
            level: c.level,
            other: parent.name,
            otherLevel: parent.level,
          },
          'dir',
        );
      }
    }
    const view = createCollection(
      ctx,
      { name: c.name, level: c.level, parentId, referenceCode: c.referenceCode, description: c.description },
      arrangedSo,
    );
    db.prepare('UPDATE collections SET created_at = ?, updated_at = ? WHERE id = ?').run(
      c.createdAt,
      c.updatedAt,
      view.id,
    );
    collectionMap.set(c.id, view.id);
  }

  // Tags (a whole library's include those no record has yet), settings and saved searches: what this
  // library already has set stays as it is.
  for (const name of lib?.tags ?? []) tagId(ctx, name);
  for (const s of lib?.settings ?? []) {
    if (!OWN_SETTINGS.has(s.key))
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(s.key, s.value);
  }
  for (const s of lib?.savedSearches ?? []) {
    db.prepare(
      'INSERT INTO saved_searches (name, query, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING',
    ).run(s.name, s.query, s.filters, s.createdAt, s.updatedAt);
  }

  // Files, by content: a row the library has is reused as it is; a new one gets the bag's
  // extraction results and page text, or an extraction job when the bag has no text for it.
  const described = new Map<string, BagStoredFile>((lib?.files ?? []).map((f) => [f.sha256, f]));
  const needed = new Map<string, Needed>();
  const extract: Written['extract'] = [];
  const need = (n: Needed) => {
    needed.set(n.sha256, n);
    if (!filesStored) return;
    let size = -1;
    try {
      size = fs.statSync(storedPath(ctx.paths.files, n.sha256)).size;
    } catch {
      /* reported below */
    }
    if (size !== n.size) throw new ArchiveFailure('conflict', 'bag_copy_missing', { bag: bag.dir, path: n.path });
  };
  const fileIdFor = (f: { sha256: string; path: string; size: number; mediaType: string; name: string }): number => {
    const info = described.get(f.sha256);
    need({ path: f.path, sha256: f.sha256, size: f.size });
    const existing = db.prepare('SELECT id FROM files WHERE sha256 = ?').get(f.sha256) as { id: number } | undefined;
    if (existing) return existing.id;
    const carried = info?.derived ?? [];
    for (const d of carried)
      need({
        path: d.path,
        sha256: d.sha256,
        size: bag.manifest.has(d.path) ? fs.lstatSync(path.join(bag.dir, ...d.path.split('/'))).size : -1,
      });
    const pages = bag.text.get(f.sha256);
    const withText = info !== undefined && pages !== undefined && info.textStatus !== 'pending';
    const fileId = Number(
      db
        .prepare(
          `INSERT INTO files (sha256, size, media_type, page_count, width, height, duration_seconds, encrypted, text_status, text_error,
                              thumbnail_sha256, metadata, last_fixity_check, fixity_status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          f.sha256,
          f.size,
          info?.mediaType ?? f.mediaType,
          info?.pageCount ?? null,
          info?.width ?? null,
          info?.height ?? null,
          info?.durationSeconds ?? null,
          info?.encrypted ? 1 : 0,
          withText ? info.textStatus : 'pending',
          withText ? info.textError : null,
          info?.thumbnailSha256 && carried.some((d) => d.sha256 === info.thumbnailSha256) ? info.thumbnailSha256 : null,
          JSON.stringify(info?.metadata ?? {}),
          // The job that stored the file hashed it against the bag's manifest: a fixity check of this copy.
          filesStored ? now : null,
          filesStored ? 'ok' : null,
          info?.createdAt ?? now,
        ).lastInsertRowid,
    );
    if (withText) for (const p of pages) writePageText(db, { fileId, ...p });
    else extract.push({ fileId, name: f.name });
    return fileId;
  };

  const attach = (recordId: number, f: BagFile, status: 'imported' | 'merged') => {
    const fileId = fileIdFor({ ...f, name: f.originalName });
    if (db.prepare('SELECT 1 FROM record_files WHERE record_id = ? AND file_id = ?').get(recordId, fileId)) return;
    const next = (
      db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM record_files WHERE record_id = ?').get(recordId) as {
        p: number;
      }
    ).p;
    const taken =
      f.position !== undefined &&
      db.prepare('SELECT 1 FROM record_files WHERE record_id = ? AND position = ?').get(recordId, f.position);
    const position = status === 'imported' && f.position !== undefined && !taken ? f.position : next;
    db.prepare(
      'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, ?, ?)',
    ).run(recordId, fileId, f.originalName, position, status === 'imported' ? (f.addedAt ?? now) : now);
    logChange(
      ctx,
      'record',
      recordId,
      'update',
      {},
      { [`file ${position}`]: `${f.originalName} (sha256 ${f.sha256})` },
    );
  };

  // Records: the same all-or-nothing import as any other, with the links and collection resolved
  // to this library's ids when the bag describes them.
  const rows: ImportRow[] = recordRows(bag.records, 'data/records.json').map((row, i) => {
    const r = bag.records[i]!;
    const files = r.files.map((f) => f.sha256);
    if (!lib) return { ...row, files };
    const links = r.links.map((l) => ({
      authorityId: l.authorityId === undefined ? undefined : authorityMap.get(l.authorityId),
      role: l.role,
      note: l.note ?? null,
      onBehalfOf: l.onBehalfOf?.id === undefined ? null : (authorityMap.get(l.onBehalfOf.id) ?? null),
    }));
    const collection = (r as { collection?: { id: number } | null }).collection;
    const fields = { ...row.fields, ...(collection ? { collectionId: collectionMap.get(collection.id) ?? null } : {}) };
    return links.every((l) => l.authorityId !== undefined)
      ? { ...row, fields, files, links: links as ImportLink[] }
      : { ...row, fields, files };
  });
  const recordMap = new Map<number, number>();
  const report = importRows(
    ctx,
    rows,
    { ...options, skipBadRows: true, dryRun: false, existingOnly: true, sameDescription: true },
    (recordId, index, status) => {
      const r = bag.records[index]!;
      for (const f of r.files) attach(recordId, f, status);
      const times = r as { id?: number; createdAt?: string; updatedAt?: string };
      if (status === 'imported' && typeof times.createdAt === 'string' && typeof times.updatedAt === 'string') {
        // When the record was first described, and last changed, in the archive it comes from.
        db.prepare('UPDATE records SET created_at = ?, updated_at = ? WHERE id = ?').run(
          times.createdAt,
          times.updatedAt,
          recordId,
        );
      }
      if (typeof times.id === 'number') recordMap.set(times.id, recordId);
    },
  );
  if (report.failed > 0 && !options.skipBadRows && !options.dryRun) {
    throw rowsFailed(
      report.failed,
      rows.length,
      report.rows.find((r) => r.status === 'error')!,
    );
  }

  // A whole library's files that no record holds any more are still its files.
  if (lib?.scope === 'library') {
    const held = new Set(bag.records.flatMap((r) => r.files.map((f) => f.sha256)));
    for (const f of lib.files) if (!held.has(f.sha256)) fileIdFor({ ...f, name: path.basename(f.path) });
  }

  // The history's entities, in this library's ids. An entity the source had deleted keeps its
  // trail under the negative of its old id (never a live record's id); the history of one this
  // import skipped (a duplicate, a bad row) is not this library's and goes.
  const maps: Record<string, Map<number, number>> = {
    record: recordMap,
    authority: authorityMap,
    collection: collectionMap,
  };
  const carried: Record<string, Set<number>> = {
    record: new Set(bag.records.map((r) => (r as { id?: number }).id ?? -1)),
    authority: new Set((lib?.authorities ?? []).map((a) => a.id)),
    collection: new Set((lib?.collections ?? []).map((c) => c.id)),
  };
  const setEntity = db.prepare('UPDATE changes SET entity_id = ? WHERE revision = ?');
  for (const h of history) {
    const target = maps[h.entity]?.get(h.sourceId);
    if (target !== undefined) setEntity.run(target, h.revision);
    else if (lib?.scope === 'library' && !carried[h.entity]?.has(h.sourceId))
      setEntity.run(-Math.abs(h.sourceId), h.revision);
    else {
      db.prepare('DELETE FROM audit WHERE revision = ?').run(h.revision);
      db.prepare('DELETE FROM changes WHERE revision = ?').run(h.revision);
    }
  }
  return {
    report: {
      ...report,
      dryRun: options.dryRun,
      createdAuthorities: [...createdAuthorities, ...report.createdAuthorities],
    },
    needed,
    extract,
  };
}

/** Runs writeBag and rolls it back: what the import would do. */
function plan(ctx: CatalogueContext, bag: BagContents, options: ImportOptions): Written {
  let out: Written | null = null;
  try {
    ctx.db.transaction(() => {
      out = writeBag(ctx, bag, options, false);
      throw new Rollback();
    })();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return out!;
}

export function importBag(
  ctx: CatalogueContext,
  input: { dir: string; duplicates: 'skip' | 'merge'; skipBadRows: boolean; dryRun: boolean },
): ImportReport {
  const bag = readBag(input.dir);
  const options: ImportOptions = {
    duplicates: input.duplicates,
    skipBadRows: input.skipBadRows,
    dryRun: input.dryRun,
    existingOnly: true,
    sameDescription: true,
  };
  const planned = plan(ctx, bag, options);
  if (input.dryRun) return planned.report;
  const maxBytes = documentSettings(ctx).maxFileBytes;
  const files = [...planned.needed.values()].map((f) => ({
    ...f,
    present: fs.existsSync(storedPath(ctx.paths.files, f.sha256)),
  }));
  const tooBig = files.find((f) => f.size > maxBytes);
  if (tooBig)
    throw fail(
      bag.dir,
      `${tooBig.path} is ${tooBig.size} bytes, over the library's file size limit of ${maxBytes} bytes`,
    );
  const batch = randomUUID();
  const params: BagJobParams = {
    dir: bag.dir,
    duplicates: input.duplicates,
    skipBadRows: input.skipBadRows,
    maxBytes,
    files,
  };
  // The door's path rule travels with the job: each payload file is checked again where the runner opens it.
  insertJob(
    ctx,
    'import',
    batch,
    null,
    { originalName: `bag ${path.basename(bag.dir)}`, path: bag.dir, bag: params, pathRule: ctx.pathRule ?? ANY_PATH },
    files.reduce((n, f) => n + f.size, 0),
  );
  return { ...planned.report, batch };
}

export function finishBagImport(
  ctx: CatalogueContext,
  input: { id: number; stored: { sha256: string; fresh: boolean }[]; error: string | null },
): {
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  report: ImportReport | null;
  error: string | null;
} {
  const job = ctx.db.prepare('SELECT kind, status, batch, params FROM jobs WHERE id = ?').get(input.id) as
    | { kind: string; status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled'; batch: string; params: string }
    | undefined;
  const params = job ? ((JSON.parse(job.params) as { bag?: BagJobParams }).bag ?? null) : null;
  if (!job || job.kind !== 'import' || !params)
    throw new ArchiveFailure('invalid_input', 'job_wrong_kind', { id: input.id, expected: 'bagImport' }, 'id');
  // Copies this import may have made: what was not in storage when it was queued, and what the job wrote.
  const made = new Set([
    ...params.files.filter((f) => !f.present).map((f) => f.sha256),
    ...input.stored.filter((s) => s.fresh).map((s) => s.sha256),
  ]);
  const cleanUp = () => {
    for (const sha256 of made)
      if (!knownHash(ctx, sha256)) fs.rmSync(storedPath(ctx.paths.files, sha256), { force: true });
  };
  if (job.status !== 'running') {
    cleanUp();
    return { status: job.status, report: null, error: null };
  }
  const failed = (message: string) => {
    cleanUp();
    failJob(ctx, input.id, message.slice(0, 2_000));
    return { status: 'failed' as const, report: null, error: message };
  };
  if (input.error !== null) return failed(input.error);
  try {
    // The payload was hashed as it was stored; the metadata is read (and checked) again here.
    const bag = readBag(params.dir, false);
    const report = ctx.db.transaction(() => {
      const written = writeBag(
        ctx,
        bag,
        {
          duplicates: params.duplicates,
          skipBadRows: params.skipBadRows,
          dryRun: false,
          existingOnly: true,
          sameDescription: true,
        },
        true,
      );
      for (const e of written.extract) insertJob(ctx, 'extract', job.batch, e.fileId, { originalName: e.name }, 0);
      const out = { ...written.report, batch: job.batch };
      finishJob(ctx, input.id, out);
      return out;
    })();
    cleanUp();
    return { status: 'done', report, error: null };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
