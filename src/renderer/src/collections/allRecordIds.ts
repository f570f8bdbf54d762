import { archive } from '../archive';
import type { ArchiveError } from '../../../shared/result';

/** Every record of the collection and below, in date order: what citing and exporting it as a whole act on. */
export async function allRecordIds(
  collectionId: number,
): Promise<{ ok: true; ids: number[] } | { ok: false; error: ArchiveError }> {
  const ids: number[] = [];
  for (;;) {
    const page = await archive.recordIds({
      collectionId,
      subcollections: true,
      sort: 'date',
      direction: 'asc',
      offset: ids.length,
    });
    if (!page.ok) return { ok: false, error: page.error };
    ids.push(...page.value.ids);
    if (page.value.ids.length === 0 || ids.length >= page.value.total) return { ok: true, ids };
  }
}
