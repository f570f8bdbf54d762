/**
 * The sample catalogue (resources/sample/catalogue.json): records built from a real Leeds City
 * Council press release on the 2018 delegation to Hangzhou. Loaded through the same validated
 * paths as any user input, in one transaction.
 */
import { z } from 'zod';
import sampleData from '../../../resources/sample/catalogue.json';
import { AuthorityCreate, LINK_ROLES, RecordCreate } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import { createAuthority } from './authorities';
import { currentRevision } from './changes';
import type { CatalogueContext } from './context';
import { createRecord } from './records';
import { sql } from './statements';

const SampleAuthority = z.object({ key: z.string(), place: z.string().optional() }).passthrough();
const SampleRecord = z
  .object({
    links: z
      .array(z.object({ authority: z.string(), role: z.enum(LINK_ROLES), note: z.string().optional() }))
      .optional(),
  })
  .passthrough();
const SampleFile = z.object({ authorities: z.array(SampleAuthority), records: z.array(SampleRecord) });

const LOADED_KEY = 'sample.loaded';

export function loadSample(ctx: CatalogueContext): {
  records: number;
  authorities: number;
  skipped: boolean;
  revision: number;
} {
  return ctx.db.transaction(() => {
    if (sql(ctx.db, 'SELECT 1 FROM settings WHERE key = ?').get(LOADED_KEY)) {
      return { records: 0, authorities: 0, skipped: true, revision: currentRevision(ctx) };
    }
    const sample = SampleFile.parse(sampleData);
    const ids = new Map<string, number>();
    const resolve = (key: string, where: string): number => {
      const id = ids.get(key);
      if (id === undefined)
        throw new ArchiveFailure('internal', 'internal', {
          detail: `sample catalogue: ${where} names unknown authority "${key}"`,
        });
      return id;
    };
    // Places first, so events can name theirs.
    const ordered = [...sample.authorities].sort((a, b) => Number(a.kind !== 'place') - Number(b.kind !== 'place'));
    for (const { key, place, ...fields } of ordered) {
      const input = AuthorityCreate.parse({ ...fields, ...(place ? { placeId: resolve(place, key) } : {}) });
      ids.set(key, createAuthority(ctx, input).id);
    }
    for (const { links, ...fields } of sample.records) {
      const input = RecordCreate.parse({
        ...fields,
        links: (links ?? []).map((l) => ({
          authorityId: resolve(l.authority, String(fields.title)),
          role: l.role,
          note: l.note,
        })),
      });
      createRecord(ctx, input);
    }
    sql(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run(LOADED_KEY, ctx.now());
    return {
      records: sample.records.length,
      authorities: sample.authorities.length,
      skipped: false,
      revision: currentRevision(ctx),
    };
  })();
}
