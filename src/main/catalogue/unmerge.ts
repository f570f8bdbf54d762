/**
 * Merging two authority records so that the merge can be undone: the merge hands back what the
 * duplicate was (its names, dates, place, every link it had) and what the kept record was before,
 * and undoing it puts the duplicate back under its SAME id, its links moved back from the kept
 * record, and the kept record's name and other names as they were. Refused, changing nothing, if
 * either record or one of those links has changed since.
 */
import type { MergeSnapshot } from '../../shared/restore';
import type { AuthorityView } from '../../shared/model';
import type { ReasonParams } from '../../shared/errors/reasons';
import { ArchiveFailure } from '../../shared/result';
import { currentRevision, logChange } from './changes';
import type { CatalogueContext } from './context';
import { authorityAudit, mergeAuthorities, requireAuthority } from './authorities';
import { sql } from './statements';

type Link = MergeSnapshot['mergedLinks'][number];

function links(ctx: CatalogueContext, authorityId: number): Link[] {
  return sql(
    ctx.db,
    'SELECT record_id AS recordId, role, note, position, on_behalf_of AS onBehalfOf FROM record_links WHERE authority_id = ? ORDER BY record_id, position',
  ).all(authorityId) as Link[];
}

type ActedFor = NonNullable<MergeSnapshot['actedFor']>[number];

/** The links of other authorities that acted on behalf of this one (a signatory for an organisation). */
function actedFor(ctx: CatalogueContext, authorityId: number): ActedFor[] {
  return sql(
    ctx.db,
    `SELECT record_id AS recordId, authority_id AS authorityId, role FROM record_links
      WHERE on_behalf_of = ? AND authority_id <> ? ORDER BY record_id, authority_id, role`,
  ).all(authorityId, authorityId) as ActedFor[];
}

function lastChange(ctx: CatalogueContext, id: number): { revision: number; action: string } | undefined {
  return sql(
    ctx.db,
    "SELECT revision, action FROM changes WHERE entity = 'authority' AND entity_id = ? ORDER BY revision DESC LIMIT 1",
  ).get(id) as { revision: number; action: string } | undefined;
}

export function mergeRestorably(ctx: CatalogueContext, keepId: number, mergeId: number, nameFrom: 'keep' | 'merge') {
  return ctx.db.transaction(() => {
    const keep = requireAuthority(ctx, keepId, 'keepId');
    const merged = requireAuthority(ctx, mergeId, 'mergeId');
    const placeId = (
      sql(ctx.db, 'SELECT place_id AS p FROM authorities WHERE id = ?').get(mergeId) as { p: number | null }
    ).p;
    const snapshot = {
      keep: { id: keep.id, name: keep.name, altNames: keep.altNames, description: keep.description, date: keep.date },
      keepLinks: links(ctx, keepId).map((l) => ({ recordId: l.recordId, role: l.role })),
      merged: {
        id: merged.id,
        kind: merged.kind,
        name: merged.name,
        altNames: merged.altNames,
        description: merged.description,
        date: merged.date,
        dateEnd: merged.dateEnd,
        placeId,
        createdAt: merged.createdAt,
      },
      mergedLinks: links(ctx, mergeId),
      actedFor: actedFor(ctx, mergeId),
      eventsAtPlace: (
        sql(ctx.db, 'SELECT id FROM authorities WHERE place_id = ? ORDER BY id').all(mergeId) as { id: number }[]
      ).map((r) => r.id),
      keepRevision: 0,
    };
    const result = mergeAuthorities(ctx, keepId, mergeId, nameFrom);
    snapshot.keepRevision = lastChange(ctx, keepId)!.revision;
    return { ...result, snapshot };
  })();
}

function refuse(params: ReasonParams['unmerge_blocked'], field?: string): never {
  throw new ArchiveFailure('conflict', 'unmerge_blocked', params, field);
}

export function unmerge(
  ctx: CatalogueContext,
  s: MergeSnapshot,
): { authority: AuthorityView; restored: AuthorityView; revision: number } {
  return ctx.db.transaction(() => {
    const { keep: k, merged: m } = s;
    const kept = requireAuthority(ctx, k.id, 'snapshot.keep.id');
    if (lastChange(ctx, k.id)?.revision !== s.keepRevision)
      refuse({ problem: 'keepChanged', name: kept.name, id: k.id }, 'snapshot.keepRevision');
    const gone = lastChange(ctx, m.id);
    if (!gone || gone.action !== 'delete' || sql(ctx.db, 'SELECT 1 FROM authorities WHERE id = ?').get(m.id)) {
      refuse({ problem: 'notMerged', name: m.name, id: m.id }, 'snapshot.merged.id');
    }
    if (m.placeId !== null && !sql(ctx.db, 'SELECT 1 FROM authorities WHERE id = ?').get(m.placeId))
      refuse({ problem: 'placeGone', name: m.name, id: m.placeId });
    const had = new Set(s.keepLinks.map((l) => `${l.recordId}/${l.role}`));
    for (const l of s.mergedLinks) {
      if (
        !sql(ctx.db, 'SELECT 1 FROM record_links WHERE record_id = ? AND authority_id = ? AND role = ?').get(
          l.recordId,
          k.id,
          l.role,
        )
      ) {
        refuse({ problem: 'linkGone', name: kept.name, id: l.recordId, role: l.role }, 'snapshot.mergedLinks');
      }
    }

    const now = ctx.now();
    sql(
      ctx.db,
      'INSERT INTO authorities (id, kind, name, description, date, date_end, place_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(m.id, m.kind, m.name, m.description, m.date, m.dateEnd, m.placeId, m.createdAt, now);
    const insertName = sql(
      ctx.db,
      'INSERT INTO authority_names (authority_id, position, name, language) VALUES (?, ?, ?, ?)',
    );
    m.altNames.forEach((n, i) => insertName.run(m.id, i, n.name, n.language));

    const dropKeep = sql(ctx.db, 'DELETE FROM record_links WHERE record_id = ? AND authority_id = ? AND role = ?');
    const addBack = sql(
      ctx.db,
      'INSERT INTO record_links (record_id, authority_id, role, note, position, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const l of s.mergedLinks) {
      if (!had.has(`${l.recordId}/${l.role}`)) dropKeep.run(l.recordId, k.id, l.role);
      addBack.run(l.recordId, m.id, l.role, l.note, l.position, l.onBehalfOf ?? null);
    }
    // Whoever signed for the duplicate signs for it again (the merge made them sign for the kept record).
    const actFor = sql(
      ctx.db,
      'UPDATE record_links SET on_behalf_of = ? WHERE record_id = ? AND authority_id = ? AND role = ? AND on_behalf_of = ?',
    );
    for (const l of s.actedFor ?? []) actFor.run(m.id, l.recordId, l.authorityId, l.role, k.id);
    const setPlace = sql(ctx.db, 'UPDATE authorities SET place_id = ? WHERE id = ? AND place_id = ?');
    for (const id of s.eventsAtPlace) setPlace.run(m.id, id, k.id);

    sql(ctx.db, 'UPDATE authorities SET name = ?, description = ?, date = ?, updated_at = ? WHERE id = ?').run(
      k.name,
      k.description,
      k.date,
      now,
      k.id,
    );
    sql(ctx.db, 'DELETE FROM authority_names WHERE authority_id = ?').run(k.id);
    k.altNames.forEach((n, i) => insertName.run(k.id, i, n.name, n.language));

    const restored = requireAuthority(ctx, m.id);
    const after = requireAuthority(ctx, k.id);
    logChange(
      ctx,
      'authority',
      m.id,
      'create',
      {},
      { ...authorityAudit(restored), restored: `merge into #${k.id} undone` },
    );
    logChange(ctx, 'authority', k.id, 'update', authorityAudit(kept), authorityAudit(after));
    const relinked = new Set([...s.mergedLinks, ...(s.actedFor ?? [])].map((l) => l.recordId));
    for (const recordId of relinked) {
      const revision = logChange(
        ctx,
        'record',
        recordId,
        'update',
        { links: `${kept.name} (#${k.id})` },
        { links: `${restored.name} (#${m.id})` },
      );
      sql(ctx.db, 'UPDATE records SET revision = ?, updated_at = ? WHERE id = ?').run(revision, now, recordId);
    }
    // Records that stayed linked to the kept record show its name again if the merge had changed it.
    if (
      authorityAudit(kept).name !== authorityAudit(after).name ||
      authorityAudit(kept).altNames !== authorityAudit(after).altNames
    ) {
      const moved = relinked;
      const ids = (
        sql(ctx.db, 'SELECT DISTINCT record_id AS id FROM record_links WHERE authority_id = ? OR on_behalf_of = ?').all(
          k.id,
          k.id,
        ) as { id: number }[]
      ).filter((r) => !moved.has(r.id));
      for (const { id } of ids) {
        const revision = logChange(
          ctx,
          'record',
          id,
          'update',
          { [`${kept.kind}:${k.id}`]: kept.name },
          { [`${kept.kind}:${k.id}`]: after.name },
        );
        sql(ctx.db, 'UPDATE records SET revision = ? WHERE id = ?').run(revision, id);
      }
    }
    return { authority: after, restored, revision: currentRevision(ctx) };
  })();
}
