/**
 * The committed schema dump (docs/schema.sql) is what the migrations produce, so a
 * schema change is reviewed as a diff. Regenerate it with `npm run schema:dump`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/catalogue/library';
import { LATEST_VERSION } from '../../../src/main/catalogue/migrations';
import { tempDir } from '../../support/catalogue';

const DUMP = path.resolve(__dirname, '../../../docs/schema.sql');

describe('schema dump', () => {
  it('matches what the migrations build', async () => {
    const lib = await openLibrary(path.join(tempDir(), 'lib'));
    const rows = lib.db
      .prepare(
        "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name",
      )
      .all() as { sql: string }[];
    lib.close();
    const dump =
      [
        `-- Generated from the migrations (schema version ${LATEST_VERSION}); do not edit: run npm run schema:dump`,
        ...rows.map((r) => `${r.sql.replace(/\n\s+/g, '\n  ')};`),
      ].join('\n\n') + '\n';
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(DUMP, dump);
    expect(fs.readFileSync(DUMP, 'utf8')).toBe(dump);
  });
});
