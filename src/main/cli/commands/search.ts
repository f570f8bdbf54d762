/** Commands of search: `search` (both engines, one merged list) and `reindex`. */
import fs from 'node:fs';
import { helpfulSuggestions, RecordSearch } from '../../../shared/search/engine';
import { foundAsTyped, idsInListOrder, inListOrder, mergeHits } from '../../../shared/search/merge';
import { segmentsText } from '../../../shared/search/snippet';
import { tokenize } from '../../../shared/search/tokenizer';
import { ArchiveFailure } from '../../../shared/result';
import type { InputOf } from '../../../shared/contract';
import { TEXT_HITS_MOST } from '../../../shared/channels/search';
import { RECORD_IDS_MOST } from '../../../shared/channels/catalogue';
import { libraryPaths } from '../../catalogue/library';
import { snapshotFile, writeSnapshotFor } from '../../search/snapshot';
import { splitSnapshotBytes } from '../../../shared/search/snapshot-file';
import { integer, kebabToCamel, single } from '../args';
import { call, print, type Command, type CommandContext } from '../command';
import { matchedInWords, mergedLine, understoodWords, warningWords } from '../format';

/** The list's orders a search can take (as the window offers them), each way: `creator-asc`, `updated-at-desc`… */
const LIST_ORDERS = ['type', 'title', 'creator', 'date', 'reference-code', 'collection', 'tags', 'updated-at'] as const;
const SORTS = [
  'relevance',
  // `title` alone is A to Z, as before list orders were offered.
  'title',
  ...LIST_ORDERS.flatMap((o) => [`${o}-asc`, `${o}-desc`] as const),
] as const;
type SearchSort = (typeof SORTS)[number];

/**
 * Each record's place in a list order, from the catalogue's own order (recordIds), so the CLI's
 * results come in the order the list shows, in every language, as the window's do. Null for relevance.
 */
async function listPlaces(ctx: CommandContext, sort: SearchSort): Promise<Map<number, number> | null> {
  if (sort === 'relevance') return null;
  const [, name, direction] = /^(.*?)(?:-(asc|desc))?$/.exec(sort)!;
  const order = {
    sort: kebabToCamel(name!) as InputOf<'recordIds'>['sort'],
    direction: (direction ?? 'asc') as 'asc' | 'desc',
  };
  const ids = await idsInListOrder((offset) => call(ctx, 'recordIds', { ...order, offset, limit: RECORD_IDS_MOST }));
  return new Map(ids.map((id, i) => [id, i]));
}

/**
 * The snapshot's bytes, read as a window's worker fetches them, when the catalogue says there is
 * one this build can use for this library: as text, 48 MB at 100,000 records would be decoded
 * whole, where the index decodes only what a query reaches. Null when unreadable or cut short.
 */
async function snapshotBytes(ctx: CommandContext): Promise<{ revision: number; data: Uint8Array } | null> {
  if (!(await call(ctx, 'searchSnapshotInfo', {}))) return null;
  try {
    return splitSnapshotBytes(fs.readFileSync(snapshotFile(libraryPaths(ctx.library))));
  } catch {
    return null;
  }
}

/** The record-level index as the app would have it: the snapshot if there is one, then the changes since. */
async function loadRecordSearch(ctx: CommandContext): Promise<RecordSearch> {
  const snapshot = await snapshotBytes(ctx);
  let search: RecordSearch | null = null;
  let since = 0;
  if (snapshot) {
    try {
      search = RecordSearch.fromJSON(snapshot.data);
      since = snapshot.revision;
    } catch {
      // Damaged inside though whole in length: the change feed builds the index instead.
      search = null;
    }
  }
  search ??= new RecordSearch();
  const feed = await call(ctx, 'searchDocuments', { sinceRevision: since });
  if (since === 0) search.addAll(feed.upserts);
  else {
    for (const id of feed.deletes) search.remove(id);
    for (const doc of feed.upserts) search.upsert(doc);
  }
  return search;
}

/**
 * Both engines and one merged list, as the app shows it: the record-level hits, then the records
 * found by their full text that pass the same filters. `search` prints it; `export --query` and
 * `cite --query` take its records.
 */
export async function searchBoth(ctx: CommandContext, query: string, limit: number, sort: SearchSort = 'relevance') {
  const search = await loadRecordSearch(ctx);
  const places = await listPlaces(ctx, sort);
  const place = (id: number) => places?.get(id);
  const outcome = search.search(query, {
    limit,
    withFacets: false,
    ...(places ? { sort: 'listed', listed: { key: sort, place } } : {}),
  });
  const text = await call(ctx, 'searchText', { query, limit: Math.min(limit, TEXT_HITS_MOST) });
  const accepted = search.accepted([...new Set(text.hits.map((h) => h.recordId))], outcome.query);
  const texts = text.hits.filter((h) => accepted.has(h.recordId));
  const terms = outcome.query.groups.flat().flatMap((c) => tokenize(c.text));
  const merged = places
    ? inListOrder(mergeHits(outcome.hits, texts, terms), place)
    : mergeHits(outcome.hits, texts, terms);
  const found = outcome.total + foundAsTyped(texts, (id) => search.lastResultHas(id));
  return {
    outcome,
    merged: merged.slice(0, limit),
    suggestions: helpfulSuggestions([...outcome.suggestions, ...text.suggestions], found),
  };
}

export const searchCommands: Record<string, Command> = {
  search: {
    usage: `search QUERY [--limit N] [--sort relevance|title|{${LIST_ORDERS.join('|')}}-{asc|desc}]`,
    summary:
      'search records and the text of their documents (words, OR, -word, "phrase", title: person: org: place: tag: type: ref: partnership: year: from: to:)',
    options: ['limit', 'sort'],
    words: [1, Infinity],
    check: (args) => {
      integer(args, 'limit');
      const sort = single(args, 'sort');
      if (sort && !(SORTS as readonly string[]).includes(sort))
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: `--sort: "${sort}" is not one of ${SORTS.join(', ')}`,
        });
    },
    run: async (ctx) => {
      const query = ctx.args.positional.slice(1).join(' ').trim();
      if (!query)
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: 'search needs a query, e.g. search "Hangzhou memorandum"',
        });
      const limit = integer(ctx.args, 'limit', 20)!;
      const { outcome, merged, suggestions } = await searchBoth(
        ctx,
        query,
        limit,
        (single(ctx.args, 'sort') as SearchSort | undefined) ?? 'relevance',
      );
      const json = merged.map((h) => ({
        id: h.id,
        title: h.title,
        type: h.type,
        date: h.date || null,
        referenceCode: h.referenceCode || null,
        score: Number(h.score.toFixed(3)),
        partial: h.partial,
        matchedIn: h.matchedIn.map(matchedInWords),
        snippet: segmentsText(h.snippet),
      }));
      print(ctx, json, () => {
        const lines = merged.map(mergedLine);
        const notes = [...outcome.query.warnings.map((w) => `note: ${warningWords(w)}`)];
        const hint = suggestions.length ? `Did you mean ${suggestions.map((s) => `“${s}”`).join(' or ')}?` : '';
        if (merged.length === 0) return [...notes, `Nothing matches “${query}”.${hint ? ` ${hint}` : ''}`].join('\n');
        return [
          ...notes,
          `Searched for ${outcome.query.understood.map(understoodWords).join(', ') || query}:`,
          ...lines,
          ...(hint ? [hint] : []),
        ].join('\n');
      });
    },
  },
  reindex: {
    usage: 'reindex',
    summary: 'rebuild the full-text index of documents and the record search snapshot',
    options: [],
    words: [0, 0],
    run: async (ctx) => {
      const text = await call(ctx, 'rebuildTextIndex', {});
      const info = await call(ctx, 'libraryInfo', {});
      const snap = writeSnapshotFor(libraryPaths(info.path));
      const result = {
        pages: text.pages,
        records: snap.documents,
        recordTexts: text.records,
        revision: snap.revision,
        snapshotBytes: snap.bytes,
      };
      print(
        ctx,
        result,
        () =>
          `Reindexed ${text.pages} pages of text, the full text of ${text.records} records, and ${snap.documents} records for search as you type (revision ${snap.revision}).`,
      );
    },
  },
};
