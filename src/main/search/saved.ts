/** Saved searches: a name, the query as typed and the facet filters, kept in the catalogue. */
import type { z } from 'zod';
import type { FacetFilters, SavedSearch } from '../../shared/channels/search';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { sql } from '../catalogue/statements';

type Row = Omit<SavedSearch, 'filters'> & { filters: string };
const SELECT = 'SELECT id, name, query, filters, created_at AS createdAt, updated_at AS updatedAt FROM saved_searches';
const parse = (row: Row): SavedSearch => ({ ...row, filters: JSON.parse(row.filters) as SavedSearch['filters'] });

export function listSavedSearches(ctx: CatalogueContext): SavedSearch[] {
  return (sql(ctx.db, `${SELECT} ORDER BY name COLLATE NOCASE`).all() as Row[]).map(parse);
}

/** Saves a search under a name; saving again under the same name replaces it. */
export function saveSearch(
  ctx: CatalogueContext,
  input: { name: string; query: string; filters: z.output<typeof FacetFilters> },
): SavedSearch {
  const now = ctx.now();
  sql(
    ctx.db,
    `INSERT INTO saved_searches (name, query, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET query = excluded.query, filters = excluded.filters, updated_at = excluded.updated_at`,
  ).run(input.name, input.query, JSON.stringify(input.filters), now, now);
  return parse(sql(ctx.db, `${SELECT} WHERE name = ?`).get(input.name) as Row);
}

export function deleteSavedSearch(ctx: CatalogueContext, id: number): { id: number } {
  const info = sql(ctx.db, 'DELETE FROM saved_searches WHERE id = ?').run(id);
  if (info.changes === 0) throw new ArchiveFailure('not_found', 'not_found', { kind: 'savedSearch', id }, 'id');
  return { id };
}
