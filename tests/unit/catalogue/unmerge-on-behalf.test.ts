/** Undoing a merge of organisations puts back who signed on behalf of the duplicate, row for row. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

/** Every row of record_links, as the catalogue file holds it. */
function linkRows(dir: string): unknown[] {
  const db = new Database(path.join(dir, 'catalogue.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT record_id, authority_id, role, note, position, on_behalf_of FROM record_links ORDER BY record_id, authority_id, role',
      )
      .all();
  } finally {
    db.close();
  }
}

describe('undoing a merge of organisations', () => {
  it('restores every "on behalf of" reference exactly, and search follows', async () => {
    const council = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    const dup = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds CC' });
    const other = await lib.ok('createAuthority', { kind: 'organisation', name: 'Harbin Institute' });
    const blake = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const wang = await lib.ok('createAuthority', { kind: 'person', name: 'Wang Li' });

    // Signed for the duplicate only (the record never links the duplicate itself).
    const forDup = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Twinning memorandum',
      links: [
        { authorityId: blake.id, role: 'signatory', onBehalfOf: dup.id },
        { authorityId: wang.id, role: 'signatory', onBehalfOf: other.id },
      ],
    });
    // Both organisations are parties; one signatory for each.
    const both = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Exchange agreement',
      links: [
        { authorityId: council.id, role: 'party' },
        { authorityId: dup.id, role: 'party', note: 'as Leeds CC' },
        { authorityId: blake.id, role: 'signatory', onBehalfOf: council.id },
        { authorityId: wang.id, role: 'signatory', onBehalfOf: dup.id },
      ],
    });
    // The duplicate itself acts on behalf of another body.
    await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter of intent',
      links: [{ authorityId: dup.id, role: 'author', onBehalfOf: other.id }],
    });
    const before = linkRows(lib.dir);

    const merged = await lib.ok('mergeAuthoritiesRestorably', {
      keepId: council.id,
      mergeId: dup.id,
      nameFrom: 'keep',
    });
    const mergedRows = linkRows(lib.dir);
    expect(mergedRows).not.toEqual(before);
    expect(JSON.stringify(mergedRows)).not.toContain(`"on_behalf_of":${dup.id}`);
    // The search text of a record that named the duplicate only "on behalf of" follows the merge.
    const hits = async (q: string) => (await lib.ok('searchText', { query: q })).hits.map((h) => h.recordId);
    expect(await hits('"City Council"')).toContain(forDup.id);

    await lib.ok('unmergeAuthorities', { snapshot: merged.snapshot });
    expect(linkRows(lib.dir)).toEqual(before);
    expect((await lib.ok('getRecord', { id: forDup.id })).links[0]!.onBehalfOf).toEqual({
      id: dup.id,
      name: 'Leeds CC',
    });
    expect(await hits('"Leeds CC"')).toEqual(expect.arrayContaining([forDup.id, both.id]));
    expect(await hits('"City Council"')).not.toContain(forDup.id);
    const doc = (await lib.ok('searchDocuments', { sinceRevision: 0 })).upserts.find((d) => d.id === forDup.id)!;
    expect(doc.links.map((l) => l.name)).toContain('Leeds CC');
  });
});
