import type { z } from 'zod';
import type { LibraryInfo } from '../../shared/contract';
import { currentRevision } from './changes';
import type { CatalogueContext } from './context';
import { libraryId } from './library';
import { LATEST_VERSION } from './migrations';
import { sql } from './statements';

function countBy(ctx: CatalogueContext, query: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of sql(ctx.db, query).all() as { k: string; n: number }[]) out[row.k] = row.n;
  return out;
}

export function libraryInfo(ctx: CatalogueContext): z.output<typeof LibraryInfo> {
  const count = (table: string) => (sql(ctx.db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    path: ctx.paths.root,
    id: libraryId(ctx.db),
    schemaVersion: LATEST_VERSION,
    revision: currentRevision(ctx),
    counts: {
      records: count('records'),
      byType: countBy(ctx, 'SELECT type AS k, count(*) AS n FROM records GROUP BY type'),
      authorities: countBy(ctx, 'SELECT kind AS k, count(*) AS n FROM authorities GROUP BY kind'),
      tags: (sql(ctx.db, 'SELECT count(DISTINCT tag_id) AS n FROM record_tags').get() as { n: number }).n,
      collections: count('collections'),
    },
  };
}
