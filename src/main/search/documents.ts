/**
 * Builds the record-level search documents (src/shared/search/document.ts) from the catalogue:
 * for all records, or for those changed since a revision, so a search index can follow the change log.
 */
import { EXCERPT_CHARS, type SearchDocument } from '../../shared/search/document';
import { currentRevision } from '../catalogue/changes';
import type { CatalogueContext } from '../catalogue/context';

const CHUNK = 500;

const RECORD_COLUMNS = `id, type, title, coalesce(title_alt, '') AS titleAlt, coalesce(date, '') AS date,
  coalesce(reference_code, '') AS referenceCode,
  trim(coalesce(outlet, '') || ' ' || coalesce(programme, '') || ' ' || coalesce(publisher, '')) AS outlet,
  coalesce(place_signed, '') AS placeSigned,
  coalesce(description, '') AS description, substr(coalesce(body_text, ''), 1, ${EXCERPT_CHARS}) AS excerpt`;

type RecordRow = Omit<SearchDocument, 'people' | 'organisations' | 'places' | 'events' | 'partnerships' | 'tags'> & { placeSigned: string };

const KIND_FIELD = {
  person: 'people',
  organisation: 'organisations',
  place: 'places',
  event: 'events',
  partnership: 'partnerships',
} as const;

function buildDocuments(ctx: CatalogueContext, filter: string, params: number[]): SearchDocument[] {
  const docs = new Map<number, SearchDocument>();
  for (const row of ctx.db.prepare(`SELECT ${RECORD_COLUMNS} FROM records ${filter}`).all(...params) as RecordRow[]) {
    const { placeSigned, ...rest } = row;
    docs.set(row.id, { ...rest, people: '', organisations: '', places: placeSigned, events: '', partnerships: '', tags: '' });
  }
  if (docs.size === 0) return [];
  const linkFilter = filter.replace(/\bid\b/g, 'l.record_id');
  const links = ctx.db
    .prepare(
      `SELECT l.record_id AS id, a.kind,
              a.name || coalesce(' ' || (SELECT group_concat(n.name, ' ') FROM authority_names n WHERE n.authority_id = a.id), '') AS names
         FROM record_links l JOIN authorities a ON a.id = l.authority_id ${linkFilter}`,
    )
    .all(...params) as { id: number; kind: keyof typeof KIND_FIELD; names: string }[];
  for (const link of links) {
    const doc = docs.get(link.id);
    if (!doc) continue;
    const field = KIND_FIELD[link.kind];
    if (!doc[field].includes(link.names)) doc[field] = doc[field] ? `${doc[field]} ${link.names}` : link.names;
  }
  const tagFilter = filter.replace(/\bid\b/g, 'rt.record_id');
  const tags = ctx.db
    .prepare(`SELECT rt.record_id AS id, group_concat(t.name, ' ') AS tags FROM record_tags rt JOIN tags t ON t.id = rt.tag_id ${tagFilter} GROUP BY rt.record_id`)
    .all(...params) as { id: number; tags: string }[];
  for (const t of tags) {
    const doc = docs.get(t.id);
    if (doc) doc.tags = t.tags;
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
    out.push(...buildDocuments(ctx, `WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk));
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
      ctx.db
        .prepare("SELECT DISTINCT entity_id AS id FROM changes WHERE entity = 'record' AND revision > ? AND revision <= ?")
        .all(sinceRevision, revision) as { id: number }[]
    ).map((r) => r.id);
    const upserts = searchDocumentsFor(ctx, ids);
    const present = new Set(upserts.map((d) => d.id));
    return { revision, upserts, deletes: ids.filter((id) => !present.has(id)) };
  })();
}
