/**
 * What a bag carries beyond its records (data/library.json), so that a bag of a whole library
 * imported into a new one gives the same library: the authority records (with their other names and
 * places), the collections, the tags, the settings and saved searches, every stored file's
 * extraction results (the page text in data/text/<sha256>.json, thumbnails and page previews in
 * data/derived/), and the history (changes with their field-level audit). Ids in here are the
 * source library's; the import maps them.
 */
import { z } from 'zod';
import { AUTHORITY_KINDS, COLLECTION_LEVELS } from '../../shared/model';
import type { CatalogueContext } from '../catalogue/context';

const LIBRARY_FORMAT = 'civic-archive-library';

/** Per-library identity: it names the library, not its content, so a bag never carries it to another. */
export const OWN_SETTINGS = new Set(['library.id']);

const Nullable = z.string().nullable();

const BagAuthority = z.object({
  id: z.number().int(),
  kind: z.enum(AUTHORITY_KINDS),
  name: z.string(),
  description: Nullable,
  date: Nullable,
  dateEnd: Nullable,
  placeId: z.number().int().nullable(),
  altNames: z.array(z.object({ name: z.string(), language: Nullable })),
  /** The name's CSL parts (schema 5); absent in bags of earlier versions. */
  nameParts: z.unknown().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const BagCollection = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: z.enum(COLLECTION_LEVELS),
  referenceCode: Nullable,
  description: Nullable,
  createdAt: z.string(),
  updatedAt: z.string(),
});

const TEXT_STATUSES = ['pending', 'done', 'none', 'failed', 'skipped'] as const;

export const BagStoredFile = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  mediaType: z.string(),
  pageCount: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  encrypted: z.boolean(),
  textStatus: z.enum(TEXT_STATUSES),
  textError: Nullable,
  thumbnailSha256: Nullable,
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** The file's content in the bag: data/files/<sha256>/<name>. */
  path: z.string(),
  /** data/text/<sha256>.json: the pages of text (null: no text was extracted yet). */
  text: Nullable,
  /** Thumbnails and page previews, each a stored file of its own: data/derived/<sha256>.png. */
  derived: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), path: z.string() })),
});
export type BagStoredFile = z.output<typeof BagStoredFile>;

export const BagPage = z.object({
  page: z.number().int().min(1),
  text: z.string(),
  source: z.enum(['text-layer', 'ocr', 'plain', 'html']),
  confidence: z.number().min(0).max(100).nullable(),
  language: Nullable,
});
export const BagPages = z.array(BagPage);
export type BagPage = z.output<typeof BagPage>;

const ENTITIES = ['record', 'authority', 'collection', 'tag'] as const;

const BagChange = z.object({
  revision: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.enum(ENTITIES),
  entityId: z.number().int(),
  action: z.enum(['create', 'update', 'delete']),
  audit: z.array(z.object({ field: z.string(), old: Nullable, new: Nullable })),
});
export type BagChange = z.output<typeof BagChange>;

export const BagLibrary = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(1),
  /** "library": everything the library holds; "selection": what the chosen records need. */
  scope: z.enum(['library', 'selection']),
  authorities: z.array(BagAuthority),
  collections: z.array(BagCollection),
  tags: z.array(z.string()),
  settings: z.array(z.object({ key: z.string(), value: z.string() })),
  savedSearches: z.array(
    z.object({
      name: z.string(),
      query: z.string(),
      filters: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  files: z.array(BagStoredFile),
  history: z.array(BagChange),
});
export type BagLibrary = z.output<typeof BagLibrary>;
export type BagAuthority = z.output<typeof BagAuthority>;
export type BagCollection = z.output<typeof BagCollection>;

const inList = (ids: number[]) => `(${ids.map(() => '?').join(', ') || 'NULL'})`;

/** Rows of `sql` for every chunk of ids (SQLite limits bound parameters), in order. */
function chunked<T>(ids: number[], query: (list: string, chunk: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...query(inList(chunk), chunk));
  }
  return out;
}

/**
 * Everything but the records and the file contents. For a selection: the authorities the records
 * link to (and the places of those events), their collections with the collections above, their
 * tags, and the history of all of these; settings and saved searches belong to a whole library only.
 */
export function collectLibrary(
  ctx: CatalogueContext,
  recordIds: number[],
  whole: boolean,
): Omit<BagLibrary, 'files'> & { fileIds: number[] } {
  const db = ctx.db;
  let authorityIds: number[];
  let collectionIds: number[];
  if (whole) {
    authorityIds = (db.prepare('SELECT id FROM authorities ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    collectionIds = (db.prepare('SELECT id FROM collections ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  } else {
    const linked = new Set(
      chunked(
        recordIds,
        (list, chunk) =>
          db
            .prepare(`SELECT DISTINCT authority_id AS id FROM record_links WHERE record_id IN ${list}`)
            .all(...chunk) as { id: number }[],
      ).map((r) => r.id),
    );
    for (const id of [...linked]) {
      const place = db.prepare('SELECT place_id AS p FROM authorities WHERE id = ?').get(id) as { p: number | null };
      if (place.p !== null) linked.add(place.p);
    }
    authorityIds = [...linked].sort((a, b) => a - b);
    const used = new Set<number>();
    const direct = chunked(
      recordIds,
      (list, chunk) =>
        db
          .prepare(`SELECT DISTINCT collection_id AS id FROM records WHERE collection_id IS NOT NULL AND id IN ${list}`)
          .all(...chunk) as { id: number }[],
    );
    for (const { id } of direct) {
      for (let at: number | null = id; at !== null && !used.has(at);) {
        used.add(at);
        at = (db.prepare('SELECT parent_id AS p FROM collections WHERE id = ?').get(at) as { p: number | null }).p;
      }
    }
    collectionIds = [...used].sort((a, b) => a - b);
  }
  const authorities = chunked(
    authorityIds,
    (list, chunk) =>
      db
        .prepare(
          `SELECT id, kind, name, name_parts AS nameParts, description, date, date_end AS dateEnd, place_id AS placeId, created_at AS createdAt, updated_at AS updatedAt
           FROM authorities WHERE id IN ${list} ORDER BY id`,
        )
        .all(...chunk) as (Omit<BagAuthority, 'altNames' | 'nameParts'> & { nameParts: string | null })[],
  ).map((a) => ({
    ...a,
    nameParts: a.nameParts === null ? null : (JSON.parse(a.nameParts) as unknown),
    altNames: db
      .prepare('SELECT name, language FROM authority_names WHERE authority_id = ? ORDER BY position')
      .all(a.id) as BagAuthority['altNames'],
  }));
  const collections = chunked(
    collectionIds,
    (list, chunk) =>
      db
        .prepare(
          `SELECT id, parent_id AS parentId, name, level, reference_code AS referenceCode, description, created_at AS createdAt, updated_at AS updatedAt
             FROM collections WHERE id IN ${list} ORDER BY id`,
        )
        .all(...chunk) as BagCollection[],
  );
  const tags = whole
    ? (db.prepare('SELECT name FROM tags ORDER BY id').all() as { name: string }[]).map((t) => t.name)
    : [
        ...new Set(
          chunked(
            recordIds,
            (list, chunk) =>
              db
                .prepare(
                  `SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.record_id IN ${list} ORDER BY t.id`,
                )
                .all(...chunk) as { name: string }[],
          ).map((t) => t.name),
        ),
      ];
  const fileIds = [
    ...new Set(
      chunked(
        recordIds,
        (list, chunk) =>
          db.prepare(`SELECT DISTINCT file_id AS id FROM record_files WHERE record_id IN ${list}`).all(...chunk) as {
            id: number;
          }[],
      ).map((r) => r.id),
    ),
  ];
  if (whole) {
    // Files no record holds any more (detached) are the library's too.
    for (const { id } of db.prepare('SELECT id FROM files ORDER BY id').all() as { id: number }[])
      if (!fileIds.includes(id)) fileIds.push(id);
  }
  fileIds.sort((a, b) => a - b);
  const history = readHistory(
    ctx,
    whole ? null : { record: recordIds, authority: authorityIds, collection: collectionIds },
  );
  return {
    format: LIBRARY_FORMAT,
    version: 1,
    scope: whole ? 'library' : 'selection',
    authorities,
    collections,
    tags,
    settings: whole
      ? (db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: string }[]).filter(
          (s) => !OWN_SETTINGS.has(s.key),
        )
      : [],
    savedSearches: whole
      ? (db
          .prepare(
            'SELECT name, query, filters, created_at AS createdAt, updated_at AS updatedAt FROM saved_searches ORDER BY id',
          )
          .all() as BagLibrary['savedSearches'])
      : [],
    history,
    fileIds,
  };
}

/** The changes (oldest first) with their audit entries: all of them, or those of the entities named. */
function readHistory(
  ctx: CatalogueContext,
  only: Record<'record' | 'authority' | 'collection', number[]> | null,
): BagChange[] {
  const db = ctx.db;
  let rows: Omit<BagChange, 'audit'>[];
  if (only === null) {
    rows = db
      .prepare('SELECT revision, at, actor, entity, entity_id AS entityId, action FROM changes ORDER BY revision')
      .all() as Omit<BagChange, 'audit'>[];
  } else {
    rows = [];
    for (const [entity, ids] of Object.entries(only)) {
      rows.push(
        ...chunked(
          ids,
          (list, chunk) =>
            db
              .prepare(
                `SELECT revision, at, actor, entity, entity_id AS entityId, action FROM changes WHERE entity = ? AND entity_id IN ${list}`,
              )
              .all(entity, ...chunk) as Omit<BagChange, 'audit'>[],
        ),
      );
    }
    rows.sort((a, b) => a.revision - b.revision);
  }
  const audit = db.prepare(
    'SELECT field, old_value AS old, new_value AS new FROM audit WHERE revision = ? ORDER BY id',
  );
  return rows.map((r) => ({ ...r, audit: audit.all(r.revision) as BagChange['audit'] }));
}

/** A stored file's row as the bag describes it (text and derived paths are filled in by the export). */
export function storedFileRow(
  ctx: CatalogueContext,
  fileId: number,
): Omit<BagStoredFile, 'text' | 'derived' | 'path'> & { id: number } {
  const row = ctx.db
    .prepare(
      `SELECT id, sha256, size, media_type AS mediaType, page_count AS pageCount, width, height, duration_seconds AS durationSeconds,
              encrypted, text_status AS textStatus, text_error AS textError, thumbnail_sha256 AS thumbnailSha256, metadata, created_at AS createdAt
         FROM files WHERE id = ?`,
    )
    .get(fileId) as Omit<BagStoredFile, 'text' | 'derived' | 'path' | 'encrypted' | 'metadata'> & {
    id: number;
    encrypted: number;
    metadata: string;
  };
  return { ...row, encrypted: row.encrypted === 1, metadata: JSON.parse(row.metadata) as Record<string, unknown> };
}

/** Thumbnails and page previews of a file: stored files the file's row names. */
export function derivedHashes(file: Pick<BagStoredFile, 'thumbnailSha256' | 'metadata' | 'mediaType'>): string[] {
  const previews = Array.isArray(file.metadata.pagePreviews)
    ? (file.metadata.pagePreviews as unknown[]).filter((p): p is string => typeof p === 'string')
    : [];
  return [
    ...new Set([
      ...(file.thumbnailSha256 ? [file.thumbnailSha256] : []),
      ...(file.mediaType === 'image/tiff' ? previews : []),
    ]),
  ].filter((h) => /^[0-9a-f]{64}$/.test(h));
}

export function pagesOf(ctx: CatalogueContext, fileId: number): BagPage[] {
  return ctx.db
    .prepare('SELECT page, text, source, confidence, language FROM pages WHERE file_id = ? ORDER BY page')
    .all(fileId) as BagPage[];
}
