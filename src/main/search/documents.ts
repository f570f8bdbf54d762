/**
 * Builds the record-level search documents (src/shared/search/document.ts) from the catalogue:
 * for all records, or for those changed since a revision, so a search index can follow the change log.
 */
import type { AuthorityKind, LinkRole } from '../../shared/model';
import { SUMMARY_CHARS, type SearchDocument, type SearchLink } from '../../shared/search/document';
import { currentRevision } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';
import { sql } from '../catalogue/statements';

const CHUNK = 500;

const RECORD_COLUMNS = `r.id, r.type, coalesce(r.agreement_kind, '') AS agreementKind, r.title, coalesce(r.title_alt, '') AS titleAlt, coalesce(r.date, '') AS date,
  coalesce(r.date_end, '') AS dateEnd, coalesce(r.reference_code, '') AS referenceCode,
  trim(coalesce(r.outlet, '') || ' ' || coalesce(r.programme, '') || ' ' || coalesce(r.publisher, '')) AS outlet,
  coalesce(r.place_signed, '') AS placeSigned, r.languages AS languagesJson,
  substr(coalesce(r.description, ''), 1, ${SUMMARY_CHARS}) AS description, length(coalesce(r.body_text, '')) > 0 AS hasBody,
  EXISTS (SELECT 1 FROM record_files rf WHERE rf.record_id = r.id) AS hasFile`;

type RecordRow = Omit<SearchDocument, 'links' | 'tags' | 'languages' | 'hasFile' | 'hasText'> & {
  placeSigned: string;
  languagesJson: string;
  hasFile: number;
  hasBody: number;
};

/** `filter` restricts by record id, written against the alias `r`. */
function buildDocuments(ctx: CatalogueContext, filter: string, params: number[]): SearchDocument[] {
  const docs = new Map<number, SearchDocument>();
  for (const row of sql(ctx.db, `SELECT ${RECORD_COLUMNS} FROM records r ${filter}`).all(...params) as RecordRow[]) {
    const { placeSigned, languagesJson, hasFile, hasBody, ...rest } = row;
    const links: SearchLink[] = placeSigned ? [{ kind: 'place', name: placeSigned, altNames: [], roles: [] }] : [];
    docs.set(row.id, {
      ...rest,
      links,
      tags: [],
      languages: JSON.parse(languagesJson) as string[],
      hasFile: hasFile === 1,
      hasText: hasBody === 1,
    });
  }
  if (docs.size === 0) return [];
  const byRecord = filter.replace(/\br\.id\b/g, 'l.record_id');
  const links = sql(
    ctx.db,
    `SELECT l.record_id AS id, a.id AS authorityId, a.kind, a.name, group_concat(l.role, ',') AS roles,
              (SELECT json_group_array(n.name) FROM authority_names n WHERE n.authority_id = a.id) AS alt
         FROM record_links l JOIN authorities a ON a.id = l.authority_id ${byRecord}
        GROUP BY l.record_id, a.id ORDER BY l.record_id, min(l.position)`,
  ).all(...params) as { id: number; kind: AuthorityKind; name: string; roles: string; alt: string }[];
  for (const link of links) {
    const doc = docs.get(link.id);
    if (!doc) continue;
    const roles = link.roles.split(',') as LinkRole[];
    // The place signed, typed as text, gives way to a linked place of the same name.
    doc.links = doc.links.filter((l) => !(l.roles.length === 0 && l.kind === link.kind && l.name === link.name));
    doc.links.push({ kind: link.kind, name: link.name, altNames: JSON.parse(link.alt) as string[], roles });
  }
  // An organisation a signatory acted for is found with the record, even when it is not linked itself.
  const actedFor = sql(
    ctx.db,
    `SELECT DISTINCT l.record_id AS id, a.kind, a.name,
              (SELECT json_group_array(n.name) FROM authority_names n WHERE n.authority_id = a.id) AS alt
         FROM record_links l JOIN authorities a ON a.id = l.on_behalf_of ${byRecord}`,
  ).all(...params) as { id: number; kind: AuthorityKind; name: string; alt: string }[];
  for (const org of actedFor) {
    const doc = docs.get(org.id);
    if (!doc || doc.links.some((l) => l.kind === org.kind && l.name === org.name)) continue;
    doc.links.push({ kind: org.kind, name: org.name, altNames: JSON.parse(org.alt) as string[], roles: [] });
  }
  const tags = sql(
    ctx.db,
    `SELECT rt.record_id AS id, t.name FROM record_tags rt JOIN tags t ON t.id = rt.tag_id ${filter.replace(/\br\.id\b/g, 'rt.record_id')} ORDER BY t.name`,
  ).all(...params) as { id: number; name: string }[];
  for (const t of tags) docs.get(t.id)?.tags.push(t.name);
  // Records whose documents have text are found in it by FTS5 (page by page); here they only say so.
  const withText = sql(
    ctx.db,
    `SELECT DISTINCT rf.record_id AS id FROM record_files rf
        WHERE EXISTS (SELECT 1 FROM pages p WHERE p.file_id = rf.file_id) ${filter ? `AND ${filter.replace(/^WHERE /, '').replace(/\br\.id\b/g, 'rf.record_id')}` : ''}`,
  ).all(...params) as { id: number }[];
  for (const { id } of withText) {
    const doc = docs.get(id);
    if (doc) doc.hasText = true;
  }
  return [...docs.values()];
}

export function allSearchDocuments(ctx: CatalogueContext): SearchDocument[] {
  return buildDocuments(ctx, '', []);
}

export function searchDocumentsFor(ctx: CatalogueContext, ids: number[]): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    out.push(...buildDocuments(ctx, `WHERE r.id IN (${chunk.map(() => '?').join(', ')})`, chunk));
  }
  return out;
}

export function searchDocumentsSince(
  ctx: CatalogueContext,
  sinceRevision: number,
): { revision: number; upserts: SearchDocument[]; deletes: number[] } {
  return ctx.db.transaction(() => {
    const revision = currentRevision(ctx);
    if (sinceRevision === 0) return { revision, upserts: allSearchDocuments(ctx), deletes: [] };
    const ids = (
      sql(
        ctx.db,
        "SELECT DISTINCT entity_id AS id FROM changes WHERE entity = 'record' AND revision > ? AND revision <= ?",
      ).all(sinceRevision, revision) as { id: number }[]
    ).map((r) => r.id);
    const upserts = searchDocumentsFor(ctx, ids);
    const present = new Set(upserts.map((d) => d.id));
    return { revision, upserts, deletes: ids.filter((id) => !present.has(id)) };
  })();
}
