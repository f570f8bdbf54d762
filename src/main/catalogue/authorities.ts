/**
 * Authority records: people, organisations, places, events and partnerships, with their other
 * names. Records link to them with a role; an authority still linked cannot be deleted, only merged.
 */
import type {
  AuthorityCreate,
  AuthorityKind,
  AuthorityPatch,
  AuthorityView,
  NameParts,
  RecordSummary,
} from '../../shared/model';
import { parsedMatches, parseName, type ParsedCandidate } from '../../shared/names/similar';
import { ArchiveFailure } from '../../shared/result';
import { currentRevision, logChange, type FieldValues } from './changes';
import type { CatalogueContext } from './context';
import { checkMerged, summaryColumns, toSummary } from './records';
import { sql } from './statements';

const SELECT = `SELECT a.id, a.kind, a.name, a.name_parts AS nameParts, a.description, a.date, a.date_end AS dateEnd, a.place_id AS placeId,
  a.created_at AS createdAt, a.updated_at AS updatedAt,
  (SELECT count(DISTINCT record_id) FROM record_links WHERE authority_id = a.id) AS recordCount
  FROM authorities a`;

type Row = Omit<AuthorityView, 'altNames' | 'place' | 'nameParts'> & {
  placeId: number | null;
  nameParts: string | null;
};

function hydrate(ctx: Pick<CatalogueContext, 'db'>, row: Row): AuthorityView {
  const altNames = sql(
    ctx.db,
    'SELECT name, language FROM authority_names WHERE authority_id = ? ORDER BY position',
  ).all(row.id) as AuthorityView['altNames'];
  const place =
    row.placeId == null
      ? null
      : ((sql(ctx.db, 'SELECT id, name FROM authorities WHERE id = ?').get(row.placeId) as AuthorityView['place']) ??
        null);
  const { placeId: _omit, nameParts, ...rest } = row;
  return { ...rest, nameParts: nameParts ? (JSON.parse(nameParts) as NameParts) : null, altNames, place };
}

function readAuthority(ctx: Pick<CatalogueContext, 'db'>, id: number): AuthorityView | null {
  const row = sql(ctx.db, `${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  return row ? hydrate(ctx, row) : null;
}

export function requireAuthority(ctx: Pick<CatalogueContext, 'db'>, id: number, field = 'id'): AuthorityView {
  const a = readAuthority(ctx, id);
  if (!a) throw new ArchiveFailure('not_found', 'not_found', { kind: 'authority', id }, field);
  return a;
}

/** What the audit trail records of an authority (also the undo of a merge, unmerge.ts). */
export function authorityAudit(a: AuthorityView): FieldValues {
  return {
    kind: a.kind,
    name: a.name,
    altNames: a.altNames.length
      ? a.altNames.map((n) => (n.language ? `${n.name} [${n.language}]` : n.name)).join('; ')
      : null,
    description: a.description,
    date: a.date,
    dateEnd: a.dateEnd,
    place: a.place ? `${a.place.name} (#${a.place.id})` : null,
    ...(a.nameParts ? { nameParts: JSON.stringify(a.nameParts) } : {}),
  };
}

function checkPlace(ctx: CatalogueContext, placeId: number | null | undefined, kind: AuthorityKind): void {
  if (placeId == null) return;
  if (kind !== 'event') throw new ArchiveFailure('invalid_input', 'place_only_events', {}, 'placeId');
  const place = readAuthority(ctx, placeId);
  if (!place || place.kind !== 'place') {
    throw new ArchiveFailure('not_found', 'not_found', { kind: 'place', id: placeId }, 'placeId');
  }
}

function writeAltNames(
  ctx: CatalogueContext,
  id: number,
  names: { name: string; language?: string | null | undefined }[],
): void {
  sql(ctx.db, 'DELETE FROM authority_names WHERE authority_id = ?').run(id);
  const insert = sql(
    ctx.db,
    'INSERT INTO authority_names (authority_id, position, name, language) VALUES (?, ?, ?, ?)',
  );
  const seen = new Set<string>();
  let position = 0;
  for (const n of names) {
    const key = n.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    insert.run(id, position++, n.name, n.language ?? null);
  }
}

export function createAuthority(ctx: CatalogueContext, input: AuthorityCreate): AuthorityView {
  return ctx.db.transaction(() => {
    checkPlace(ctx, input.placeId, input.kind);
    const now = ctx.now();
    const info = sql(
      ctx.db,
      `INSERT INTO authorities (kind, name, name_parts, description, date, date_end, place_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.kind,
      input.name,
      input.nameParts ? JSON.stringify(input.nameParts) : null,
      input.description ?? null,
      input.date ?? null,
      input.dateEnd ?? null,
      input.placeId ?? null,
      now,
      now,
    );
    const id = Number(info.lastInsertRowid);
    writeAltNames(ctx, id, input.altNames ?? []);
    const view = requireAuthority(ctx, id);
    logChange(ctx, 'authority', id, 'create', {}, authorityAudit(view));
    return view;
  })();
}

/**
 * Records whose search text contains an authority's names — those linked to it and those with a
 * link acting on its behalf (a signatory for an organisation): they change when it does.
 */
function touchLinkedRecords(
  ctx: CatalogueContext,
  authorityId: number,
  field: string,
  old: string | null,
  now: string | null,
): number {
  const ids = (
    sql(ctx.db, 'SELECT DISTINCT record_id AS id FROM record_links WHERE authority_id = ? OR on_behalf_of = ?').all(
      authorityId,
      authorityId,
    ) as { id: number }[]
  ).map((r) => r.id);
  for (const id of ids) {
    const revision = logChange(ctx, 'record', id, 'update', { [field]: old }, { [field]: now });
    sql(ctx.db, 'UPDATE records SET revision = ? WHERE id = ?').run(revision, id);
  }
  return ids.length;
}

export function updateAuthority(ctx: CatalogueContext, id: number, patch: AuthorityPatch): AuthorityView {
  return ctx.db.transaction(() => {
    const before = requireAuthority(ctx, id);
    const date = patch.date !== undefined ? patch.date : before.date;
    const dateEnd = patch.dateEnd !== undefined ? patch.dateEnd : before.dateEnd;
    checkMerged({ date, dateEnd });
    if (patch.placeId !== undefined) checkPlace(ctx, patch.placeId, before.kind);
    const sets: string[] = [];
    const params: (string | number | null)[] = [];
    const set = (column: string, value: string | number | null) => (sets.push(`${column} = ?`), params.push(value));
    if (patch.name !== undefined) set('name', patch.name);
    // Name parts describe one spelling of the name: a new name without new parts drops them.
    if (patch.nameParts !== undefined) set('name_parts', patch.nameParts ? JSON.stringify(patch.nameParts) : null);
    else if (patch.name !== undefined && patch.name !== before.name && before.nameParts) set('name_parts', null);
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.date !== undefined) set('date', patch.date);
    if (patch.dateEnd !== undefined) set('date_end', patch.dateEnd);
    if (patch.placeId !== undefined) set('place_id', patch.placeId);
    if (sets.length) sql(ctx.db, `UPDATE authorities SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    if (patch.altNames !== undefined) writeAltNames(ctx, id, patch.altNames);
    const after = requireAuthority(ctx, id);
    const b = authorityAudit(before);
    const a = authorityAudit(after);
    if (JSON.stringify(a) === JSON.stringify(b)) return before;
    sql(ctx.db, 'UPDATE authorities SET updated_at = ? WHERE id = ?').run(ctx.now(), id);
    logChange(ctx, 'authority', id, 'update', b, a);
    if (a.name !== b.name || a.altNames !== b.altNames) {
      touchLinkedRecords(
        ctx,
        id,
        `${before.kind}:${id}`,
        `${b.name}${b.altNames ? ` (${b.altNames})` : ''}`,
        `${a.name}${a.altNames ? ` (${a.altNames})` : ''}`,
      );
    }
    return requireAuthority(ctx, id);
  })();
}

export function deleteAuthority(ctx: CatalogueContext, id: number): { id: number; revision: number } {
  return ctx.db.transaction(() => {
    const before = requireAuthority(ctx, id);
    if (before.recordCount > 0) {
      throw new ArchiveFailure(
        'in_use',
        'authority_in_use',
        { kind: before.kind, name: before.name, count: before.recordCount },
        'id',
      );
    }
    const events = (sql(ctx.db, 'SELECT count(*) AS n FROM authorities WHERE place_id = ?').get(id) as { n: number }).n;
    if (events > 0) {
      throw new ArchiveFailure('in_use', 'place_in_use', { name: before.name, count: events }, 'id');
    }
    const revision = logChange(ctx, 'authority', id, 'delete', authorityAudit(before), {});
    sql(ctx.db, 'DELETE FROM authorities WHERE id = ?').run(id);
    return { id, revision };
  })();
}

export function listAuthorities(
  ctx: CatalogueContext,
  q: { kind?: AuthorityKind | undefined; query?: string | undefined; offset: number; limit: number },
): { total: number; items: AuthorityView[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.kind) {
    where.push('a.kind = ?');
    params.push(q.kind);
  }
  const text = q.query?.trim();
  if (text) {
    // Matches the start of any word of the name or of another name, in any script.
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(a.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM authority_names n WHERE n.authority_id = a.id AND n.name LIKE ? ESCAPE '\\'))`,
    );
    params.push(like, like);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sql(ctx.db, `SELECT count(*) AS n FROM authorities a ${clause}`).get(...params) as { n: number }).n;
  const rows = sql(ctx.db, `${SELECT} ${clause} ORDER BY a.name COLLATE NOCASE, a.id LIMIT ? OFFSET ?`).all(
    ...params,
    q.limit,
    q.offset,
  ) as Row[];
  return { total, items: rows.map((r) => hydrate(ctx, r)) };
}

interface NameCache {
  revision: number;
  byKind: Map<AuthorityKind | null, ParsedCandidate[]>;
}
/**
 * Every authority's names, parsed for the matcher, per catalogue and kind, as of one revision:
 * the hint is asked on every keystroke, and reading and folding 20,000 authorities' names each
 * time cost 100-200 ms. Any write (here or in another process) moves the revision on, and the
 * next call reads them again.
 */
const nameCaches = new WeakMap<CatalogueContext['db'], NameCache>();

function nameCandidates(ctx: CatalogueContext, kind: AuthorityKind | null): ParsedCandidate[] {
  const revision = currentRevision(ctx);
  let cache = nameCaches.get(ctx.db);
  if (!cache || cache.revision !== revision) {
    cache = { revision, byKind: new Map() };
    nameCaches.set(ctx.db, cache);
  }
  const kept = cache.byKind.get(kind);
  if (kept) return kept;
  const rows = sql(
    ctx.db,
    `SELECT a.id, a.name, n.name AS other FROM authorities a LEFT JOIN authority_names n ON n.authority_id = a.id
      WHERE (@kind IS NULL OR a.kind = @kind) ORDER BY a.id, n.position`,
  ).all({ kind }) as { id: number; name: string; other: string | null }[];
  const byId = new Map<number, string[]>();
  for (const r of rows) {
    const names = byId.get(r.id) ?? [r.name];
    if (r.other) names.push(r.other);
    byId.set(r.id, names);
  }
  const candidates = [...byId].map(([id, names]) => ({ id, names, parsed: names.map(parseName) }));
  cache.byKind.set(kind, candidates);
  return candidates;
}

/** Authorities whose names the typed one may be: matched in memory against names parsed once per revision. */
export function similarAuthorities(
  ctx: CatalogueContext,
  q: { name: string; kind?: AuthorityKind | undefined; excludeId?: number | undefined; limit: number },
): { items: { authority: AuthorityView; matched: string; score: number }[] } {
  const all = nameCandidates(ctx, q.kind ?? null);
  const candidates = q.excludeId === undefined ? all : all.filter((c) => c.id !== q.excludeId);
  const items = parsedMatches(q.name, candidates, q.limit).map((m) => ({
    authority: requireAuthority(ctx, m.id),
    matched: m.matched,
    score: m.score,
  }));
  return { items };
}

export function authorityRecords(ctx: CatalogueContext, id: number): (RecordSummary & { roles: string[] })[] {
  requireAuthority(ctx, id);
  const rows = sql(
    ctx.db,
    `SELECT ${summaryColumns('r')}, group_concat(l.role, ',') AS roles
         FROM record_links l JOIN records r ON r.id = l.record_id
        WHERE l.authority_id = ? GROUP BY r.id ORDER BY r.date DESC, r.id DESC`,
  ).all(id) as (Parameters<typeof toSummary>[0] & { roles: string })[];
  return rows.map(({ roles, ...row }) => ({ ...toSummary(row), roles: roles.split(',') }));
}

/** Folds a duplicate into the record that stays: links and event places move over, names are kept as other names. */
export function mergeAuthorities(
  ctx: CatalogueContext,
  keepId: number,
  mergeId: number,
  nameFrom: 'keep' | 'merge',
): { authority: AuthorityView; linksMoved: number; revision: number } {
  return ctx.db.transaction(() => {
    if (keepId === mergeId) throw new ArchiveFailure('invalid_input', 'merge_into_itself', {}, 'mergeId');
    const keep = requireAuthority(ctx, keepId, 'keepId');
    const merge = requireAuthority(ctx, mergeId, 'mergeId');
    if (keep.kind !== merge.kind) {
      throw new ArchiveFailure(
        'invalid_input',
        'merge_kinds_differ',
        { mergeKind: merge.kind, mergeName: merge.name, keepKind: keep.kind, keepName: keep.name },
        'mergeId',
      );
    }
    // The records that name the duplicate: linked to it, or a link acting on its behalf.
    const affected = (
      sql(ctx.db, 'SELECT DISTINCT record_id AS id FROM record_links WHERE authority_id = ? OR on_behalf_of = ?').all(
        mergeId,
        mergeId,
      ) as { id: number }[]
    ).map((r) => r.id);
    const moved = sql(
      ctx.db,
      `INSERT OR IGNORE INTO record_links (record_id, authority_id, role, note, position, on_behalf_of)
         SELECT record_id, ?, role, note, position, on_behalf_of FROM record_links WHERE authority_id = ?`,
    ).run(keepId, mergeId).changes;
    sql(ctx.db, 'DELETE FROM record_links WHERE authority_id = ?').run(mergeId);
    // Whoever signed on behalf of the duplicate signed on behalf of the one kept.
    sql(ctx.db, 'UPDATE record_links SET on_behalf_of = ? WHERE on_behalf_of = ?').run(keepId, mergeId);
    sql(ctx.db, 'UPDATE authorities SET place_id = ? WHERE place_id = ?').run(keepId, mergeId);

    const name = nameFrom === 'merge' ? merge.name : keep.name;
    const other = nameFrom === 'merge' ? keep.name : merge.name;
    const altNames = [{ name: other, language: null }, ...keep.altNames, ...merge.altNames].filter(
      (n) => n.name.toLowerCase() !== name.toLowerCase(),
    );
    sql(
      ctx.db,
      'UPDATE authorities SET name = ?, description = coalesce(description, ?), date = coalesce(date, ?), updated_at = ? WHERE id = ?',
    ).run(name, merge.description, merge.date, ctx.now(), keepId);
    writeAltNames(ctx, keepId, altNames);
    logChange(ctx, 'authority', mergeId, 'delete', authorityAudit(merge), { mergedInto: `#${keepId}` });
    sql(ctx.db, 'DELETE FROM authorities WHERE id = ?').run(mergeId);
    const after = requireAuthority(ctx, keepId);
    logChange(ctx, 'authority', keepId, 'update', authorityAudit(keep), authorityAudit(after));
    for (const recordId of affected) {
      const revision = logChange(
        ctx,
        'record',
        recordId,
        'update',
        { links: `${merge.name} (#${mergeId})` },
        { links: `${after.name} (#${keepId})` },
      );
      sql(ctx.db, 'UPDATE records SET revision = ?, updated_at = ? WHERE id = ?').run(revision, ctx.now(), recordId);
    }
    // Records already linked to the kept authority show its new name only if the name changed.
    if (keep.name !== after.name) touchLinkedRecords(ctx, keepId, `${keep.kind}:${keepId}`, keep.name, after.name);
    return { authority: after, linksMoved: moved, revision: currentRevision(ctx) };
  })();
}
