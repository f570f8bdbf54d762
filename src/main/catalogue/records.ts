/**
 * Records: the archival descriptions themselves, with their commitments, links and tags.
 * Every write runs in one transaction and logs one change with its field-level audit.
 */
import type { z } from 'zod';
import {
  recordFieldProblems,
  recordInputOf,
  type NameParts,
  type NewLink,
  type RecordCreate,
  type RecordPatch,
  type RecordSummary,
  type RecordView,
} from '../../shared/model';
import { issueParams } from '../../shared/errors/zod';
import { ArchiveFailure } from '../../shared/result';
import { createAuthority } from './authorities';
import { logChange, type FieldValues } from './changes';
import type { CatalogueContext } from './context';
import { datingOf } from './dating';
import { sql } from './statements';

/** Model field -> column. Only these can be written, so no caller-supplied name ever reaches SQL. */
const COLUMNS = {
  type: 'type',
  title: 'title',
  titleAlt: 'title_alt',
  titleAltLanguage: 'title_alt_language',
  date: 'date',
  dateEnd: 'date_end',
  dateApproximate: 'date_approximate',
  description: 'description',
  bodyText: 'body_text',
  languages: 'languages',
  referenceCode: 'reference_code',
  publisher: 'publisher',
  outlet: 'outlet',
  programme: 'programme',
  medium: 'medium',
  url: 'url',
  rights: 'rights',
  accessStatus: 'access_status',
  physicalLocation: 'physical_location',
  extent: 'extent',
  notes: 'notes',
  agreementKind: 'agreement_kind',
  dateSigned: 'date_signed',
  placeSigned: 'place_signed',
  collectionId: 'collection_id',
  cslType: 'csl_type',
  dateText: 'date_text',
  containerTitle: 'container_title',
  collectionTitle: 'collection_title',
  volume: 'volume',
  issue: 'issue',
  page: 'page',
  edition: 'edition',
  number: 'number',
  publisherPlace: 'publisher_place',
  genre: 'genre',
  format: 'format',
  doi: 'doi',
  isbn: 'isbn',
  issn: 'issn',
  accessed: 'accessed',
  extraCsl: 'extra_csl',
  cslForms: 'csl_forms',
} as const;
type ColumnField = keyof typeof COLUMNS;
const COLUMN_FIELDS = Object.keys(COLUMNS) as ColumnField[];

const SELECT_VIEW = `SELECT ${COLUMN_FIELDS.map((f) => `r.${COLUMNS[f]} AS ${f}`).join(', ')},
  r.id, r.revision, r.created_at AS createdAt, r.updated_at AS updatedAt
  FROM records r WHERE r.id = ?`;

const SUMMARY_COLUMNS = `id, type, title, title_alt AS titleAlt, date, date_end AS dateEnd,
  date_approximate AS dateApproximate, reference_code AS referenceCode, access_status AS accessStatus,
  updated_at AS updatedAt`;

function toColumnValue(field: ColumnField, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (field === 'dateApproximate') return value ? 1 : 0;
  if (field === 'languages') return JSON.stringify(value);
  if (field === 'extraCsl' || field === 'cslForms')
    return typeof value === 'object' && Object.keys(value).length ? JSON.stringify(value) : null;
  return value as string | number;
}

type SummaryRow = Omit<RecordSummary, 'dateApproximate'> & { dateApproximate: number };

export function toSummary(row: SummaryRow): RecordSummary {
  return { ...row, dateApproximate: row.dateApproximate === 1 };
}

export function summaryColumns(alias = ''): string {
  return alias ? SUMMARY_COLUMNS.replace(/(^|,\s*)(\w)/g, `$1${alias}.$2`) : SUMMARY_COLUMNS;
}

export function readRecord(ctx: Pick<CatalogueContext, 'db'>, id: number): RecordView | null {
  const { db } = ctx;
  const row = sql(db, SELECT_VIEW).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const commitments = sql(db, 'SELECT text, status FROM commitments WHERE record_id = ? ORDER BY position').all(
    id,
  ) as RecordView['commitments'];
  const links = sql(
    db,
    `SELECT l.authority_id AS authorityId, a.kind, a.name, a.name_parts AS nameParts, l.role, l.note,
            b.id AS behalfId, b.name AS behalfName
         FROM record_links l JOIN authorities a ON a.id = l.authority_id
         LEFT JOIN authorities b ON b.id = l.on_behalf_of
        WHERE l.record_id = ? ORDER BY l.position`,
  )
    .all(id)
    .map((l) => {
      const { behalfId, behalfName, ...link } = l as Omit<RecordView['links'][number], 'nameParts' | 'onBehalfOf'> & {
        nameParts: string | null;
        behalfId: number | null;
        behalfName: string | null;
      };
      return {
        ...link,
        nameParts: link.nameParts ? (JSON.parse(link.nameParts) as NameParts) : null,
        // Only when there is one: a link that acts for nobody reads as it always did.
        ...(behalfId === null ? {} : { onBehalfOf: { id: behalfId, name: behalfName ?? '' } }),
      };
    });
  const tags = (
    sql(
      db,
      'SELECT t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.record_id = ? ORDER BY t.name COLLATE NOCASE',
    ).all(id) as { name: string }[]
  ).map((t) => t.name);
  const collection =
    row.collectionId == null
      ? null
      : ((sql(db, 'SELECT id, name FROM collections WHERE id = ?').get(row.collectionId) as RecordView['collection']) ??
        null);
  const { collectionId: _omit, ...fields } = row;
  return {
    ...(fields as Omit<
      RecordView,
      'commitments' | 'links' | 'tags' | 'collection' | 'languages' | 'dateApproximate' | 'extraCsl' | 'cslForms'
    >),
    dateApproximate: row.dateApproximate === 1,
    extraCsl: typeof row.extraCsl === 'string' ? (JSON.parse(row.extraCsl) as Record<string, unknown>) : null,
    cslForms:
      typeof row.cslForms === 'string' ? (JSON.parse(row.cslForms) as Record<string, [unknown, unknown]>) : null,
    languages: JSON.parse(String(row.languages)) as string[],
    commitments,
    links,
    tags,
    collection,
  };
}

export function requireRecord(ctx: Pick<CatalogueContext, 'db'>, id: number): RecordView {
  const record = readRecord(ctx, id);
  if (!record) throw new ArchiveFailure('not_found', 'not_found', { kind: 'record', id }, 'id');
  return record;
}

/** The record flattened to text fields, for the audit trail: what an archivist would read back. */
export function auditSnapshot(r: RecordView): FieldValues {
  const out: FieldValues = {};
  for (const field of COLUMN_FIELDS) {
    if (field === 'collectionId') continue;
    const value = (r as unknown as Record<string, unknown>)[field];
    if (field === 'dateApproximate') out[field] = value ? 'true' : null;
    else if (field === 'languages') out[field] = r.languages.length ? r.languages.join(', ') : null;
    else if (value == null) out[field] = null;
    // Column fields are strings, numbers and booleans; anything else would be a bug, shown as JSON rather than [object Object].
    else
      out[field] =
        typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value);
  }
  out.collection = r.collection ? `${r.collection.name} (#${r.collection.id})` : null;
  out.commitments = r.commitments.length ? r.commitments.map((c) => `[${c.status}] ${c.text}`).join('\n') : null;
  out.links = r.links.length
    ? r.links
        .map(
          (l) =>
            `${l.role}: ${l.name} (#${l.authorityId})` +
            (l.onBehalfOf ? `, on behalf of ${l.onBehalfOf.name} (#${l.onBehalfOf.id})` : ''),
        )
        .join('\n')
    : null;
  out.tags = r.tags.length ? r.tags.join(', ') : null;
  return out;
}

// ---------------------------------------------------------------- checks before writing

function checkReferenceCode(ctx: CatalogueContext, code: string | null | undefined, selfId: number | null): void {
  if (!code) return;
  const other = sql(ctx.db, 'SELECT id, title FROM records WHERE reference_code = ?').get(code) as
    { id: number; title: string } | undefined;
  if (other && other.id !== selfId) {
    throw new ArchiveFailure(
      'conflict',
      'reference_code_used',
      { code, id: other.id, title: other.title },
      'referenceCode',
    );
  }
}

function checkCollection(ctx: CatalogueContext, id: number | null | undefined): void {
  if (id == null) return;
  if (!sql(ctx.db, 'SELECT 1 FROM collections WHERE id = ?').get(id)) {
    throw new ArchiveFailure('not_found', 'not_found', { kind: 'collection', id }, 'collectionId');
  }
}

type LinkInput = NonNullable<RecordCreate['links']>[number];

function checkLinks(ctx: CatalogueContext, links: LinkInput[] | undefined): void {
  if (!links) return;
  const seen = new Set<string>();
  const exists = sql(ctx.db, 'SELECT 1 FROM authorities WHERE id = ?');
  links.forEach((link, i) => {
    if (!exists.get(link.authorityId)) {
      throw new ArchiveFailure(
        'not_found',
        'not_found',
        { kind: 'authority', id: link.authorityId },
        `links.${i}.authorityId`,
      );
    }
    if (link.onBehalfOf != null && !exists.get(link.onBehalfOf)) {
      throw new ArchiveFailure(
        'not_found',
        'not_found',
        { kind: 'authority', id: link.onBehalfOf },
        `links.${i}.onBehalfOf`,
      );
    }
    const key = `${link.authorityId}/${link.role}`;
    if (seen.has(key)) {
      throw new ArchiveFailure(
        'invalid_input',
        'link_twice',
        { authorityId: link.authorityId, role: link.role },
        `links.${i}`,
      );
    }
    seen.add(key);
  });
}

/**
 * Cross-field rules (the model's recordFieldProblems) on an entity as it will be after a patch:
 * a medium only on media coverage, an end date only after its start. Authorities use it too.
 */
export function checkMerged(merged: Parameters<typeof recordFieldProblems>[0]): void {
  const issues: z.core.$ZodIssueCustom[] = [];
  const ctx = {
    addIssue: (issue: { message?: string; path?: PropertyKey[]; params?: Record<string, unknown> }) =>
      issues.push({
        code: 'custom',
        input: undefined,
        message: issue.message ?? 'invalid',
        path: issue.path ?? [],
        params: issue.params ?? {},
      }),
  };
  recordFieldProblems(merged, ctx as unknown as z.RefinementCtx);
  const first = issues[0];
  if (first) {
    const params = issueParams(first);
    throw new ArchiveFailure('invalid_input', 'field_invalid', params, params.field || undefined);
  }
}

// ---------------------------------------------------------------- writes of the parts

function writeCommitments(ctx: CatalogueContext, id: number, commitments: RecordCreate['commitments']): void {
  sql(ctx.db, 'DELETE FROM commitments WHERE record_id = ?').run(id);
  const insert = sql(ctx.db, 'INSERT INTO commitments (record_id, position, text, status) VALUES (?, ?, ?, ?)');
  (commitments ?? []).forEach((c, i) => insert.run(id, i, c.text, c.status));
}

function writeLinks(ctx: CatalogueContext, id: number, links: LinkInput[] | undefined): void {
  sql(ctx.db, 'DELETE FROM record_links WHERE record_id = ?').run(id);
  const insert = sql(
    ctx.db,
    'INSERT INTO record_links (record_id, authority_id, role, note, position, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?)',
  );
  (links ?? []).forEach((l, i) => insert.run(id, l.authorityId, l.role, l.note ?? null, i, l.onBehalfOf ?? null));
}

export function tagId(ctx: CatalogueContext, name: string): number {
  sql(ctx.db, 'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
  return (sql(ctx.db, 'SELECT id FROM tags WHERE name = ?').get(name) as { id: number }).id;
}

function writeTags(ctx: CatalogueContext, id: number, tags: string[] | undefined): void {
  sql(ctx.db, 'DELETE FROM record_tags WHERE record_id = ?').run(id);
  const insert = sql(ctx.db, 'INSERT OR IGNORE INTO record_tags (record_id, tag_id) VALUES (?, ?)');
  for (const name of tags ?? []) insert.run(id, tagId(ctx, name));
}

function stampRevision(ctx: CatalogueContext, id: number, revision: number, touch: boolean): void {
  if (touch) sql(ctx.db, 'UPDATE records SET revision = ?, updated_at = ? WHERE id = ?').run(revision, ctx.now(), id);
  else sql(ctx.db, 'UPDATE records SET revision = ? WHERE id = ?').run(revision, id);
}

// ---------------------------------------------------------------- operations

/** Creates the authorities of new links (inside the caller's transaction) and links them after `links`. */
function withNewLinks(ctx: CatalogueContext, links: LinkInput[], newLinks: NewLink[] | undefined): LinkInput[] {
  if (!newLinks?.length) return links;
  const created = newLinks.map((l) => ({
    authorityId: createAuthority(ctx, { kind: l.kind, name: l.name }).id,
    role: l.role,
    note: l.note,
  }));
  return [...links, ...created];
}

export function createRecord(ctx: CatalogueContext, input: RecordCreate, newLinks?: NewLink[]): RecordView {
  return ctx.db.transaction(() => {
    if (!newLinks?.length) return insertRecord(ctx, input, {});
    return insertRecord(ctx, { ...input, links: withNewLinks(ctx, input.links ?? [], newLinks) }, {});
  })();
}

/**
 * Writes a new record with its parts and logs its creation. Restoring a deleted record (undo)
 * passes the id it had and when it was first made, and what to add to the audit entry; call it
 * inside a transaction.
 */
export function insertRecord(
  ctx: CatalogueContext,
  input: RecordCreate,
  restoring: { id?: number; createdAt?: string; audit?: FieldValues; parts?: (id: number) => void },
): RecordView {
  const date = datingOf(
    input.type,
    { date: input.date ?? null, dateEnd: input.dateEnd ?? null, dateSigned: input.dateSigned ?? null },
    null,
  );
  if (date !== undefined) input = { ...input, date };
  checkReferenceCode(ctx, input.referenceCode, null);
  checkCollection(ctx, input.collectionId);
  checkLinks(ctx, input.links);
  const now = ctx.now();
  const fields = COLUMN_FIELDS.filter(
    (f) => f in input || f === 'languages' || f === 'accessStatus' || f === 'dateApproximate',
  );
  const values = fields.map((f) => {
    const v = (input as Record<string, unknown>)[f];
    if (f === 'languages') return JSON.stringify(v ?? []);
    if (f === 'accessStatus') return (v as string | undefined) ?? 'open';
    if (f === 'dateApproximate') return v ? 1 : 0;
    return toColumnValue(f, v);
  });
  const columns = [
    ...(restoring.id !== undefined ? ['id'] : []),
    ...fields.map((f) => COLUMNS[f]),
    'created_at',
    'updated_at',
  ];
  const info = sql(
    ctx.db,
    `INSERT INTO records (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...(restoring.id !== undefined ? [restoring.id] : []), ...values, restoring.createdAt ?? now, now);
  const id = Number(info.lastInsertRowid);
  writeCommitments(ctx, id, input.commitments);
  writeLinks(ctx, id, input.links);
  writeTags(ctx, id, input.tags);
  restoring.parts?.(id);
  const revision = logChange(
    ctx,
    'record',
    id,
    'create',
    {},
    { ...auditSnapshot(requireRecord(ctx, id)), ...restoring.audit },
  );
  stampRevision(ctx, id, revision, false);
  return requireRecord(ctx, id);
}

export function updateRecord(
  ctx: CatalogueContext,
  id: number,
  patch: RecordPatch,
  expectedRevision: number | undefined,
  newLinks?: NewLink[],
): RecordView {
  return ctx.db.transaction(() => {
    const before = requireRecord(ctx, id);
    if (expectedRevision !== undefined && before.revision !== expectedRevision) {
      throw new ArchiveFailure(
        'conflict',
        'stale_revision',
        { id, expected: expectedRevision, current: before.revision, action: 'edit' },
        'expectedRevision',
      );
    }
    if (newLinks?.length) {
      const links = patch.links ?? recordInputOf(before).links ?? [];
      patch = { ...patch, links: withNewLinks(ctx, links, newLinks) };
    }
    const pick = <K extends keyof RecordPatch>(k: K) =>
      patch[k] !== undefined ? patch[k] : (before as Record<string, unknown>)[k];
    const date = datingOf(
      patch.type ?? before.type,
      {
        date: (pick('date') as string | null) || null,
        dateEnd: (pick('dateEnd') as string | null) || null,
        dateSigned: (pick('dateSigned') as string | null) || null,
      },
      before,
    );
    if (date !== undefined) patch = { ...patch, date };
    checkMerged({
      type: patch.type ?? before.type,
      date: pick('date') as string | null,
      dateEnd: pick('dateEnd') as string | null,
      medium: pick('medium') as string | null,
      agreementKind: pick('agreementKind') as string | null,
      dateSigned: pick('dateSigned') as string | null,
      placeSigned: pick('placeSigned') as string | null,
      commitments: patch.commitments ?? before.commitments,
    });
    if (patch.referenceCode !== undefined) checkReferenceCode(ctx, patch.referenceCode, id);
    if (patch.collectionId !== undefined) checkCollection(ctx, patch.collectionId);
    checkLinks(ctx, patch.links);

    const fields = COLUMN_FIELDS.filter((f) => patch[f] !== undefined);
    if (fields.length > 0) {
      sql(ctx.db, `UPDATE records SET ${fields.map((f) => `${COLUMNS[f]} = ?`).join(', ')} WHERE id = ?`).run(
        ...fields.map((f) => (f === 'languages' ? JSON.stringify(patch.languages ?? []) : toColumnValue(f, patch[f]))),
        id,
      );
    }
    if (patch.commitments !== undefined) writeCommitments(ctx, id, patch.commitments);
    if (patch.links !== undefined) writeLinks(ctx, id, patch.links);
    if (patch.tags !== undefined) writeTags(ctx, id, patch.tags);

    const after = requireRecord(ctx, id);
    const beforeSnap = auditSnapshot(before);
    const afterSnap = auditSnapshot(after);
    if (JSON.stringify(beforeSnap) === JSON.stringify(afterSnap)) return before; // nothing changed: no revision
    const revision = logChange(ctx, 'record', id, 'update', beforeSnap, afterSnap);
    stampRevision(ctx, id, revision, true);
    return requireRecord(ctx, id);
  })();
}

export function deleteRecord(ctx: CatalogueContext, id: number): { id: number; revision: number } {
  return ctx.db.transaction(() => {
    const before = requireRecord(ctx, id);
    const revision = logChange(ctx, 'record', id, 'delete', auditSnapshot(before), {});
    sql(ctx.db, 'DELETE FROM records WHERE id = ?').run(id);
    return { id, revision };
  })();
}
