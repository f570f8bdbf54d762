/** Commands of search. */
import { ArchiveFailure } from '../../../shared/result';
import { buildRecordIndex, searchRecords } from '../../../shared/search/engine';
import { integer } from '../args';
import { call, print, type Command } from '../command';
import { hitLine } from '../format';

export const searchCommands: Record<string, Command> = {
  search: {
    usage: 'search QUERY [--limit N]',
    summary: 'search the catalogue (titles, names, places, tags, reference codes, descriptions)',
    options: ['limit'],
    words: [1, Infinity],
    check: (args) => void integer(args, 'limit'),
    run: async (ctx) => {
      const query = ctx.args.positional.slice(1).join(' ').trim();
      if (!query) throw new ArchiveFailure('invalid_input', 'search needs a query, e.g. search "Hangzhou memorandum"');
      const docs = await call(ctx, 'searchDocuments', { sinceRevision: 0 });
      const hits = searchRecords(buildRecordIndex(docs.upserts), query, integer(ctx.args, 'limit', 20));
      print(
        ctx,
        hits.map(({ terms: _terms, ...hit }) => hit),
        () => (hits.length === 0 ? `Nothing matches "${query}".` : hits.map(hitLine).join('\n')),
      );
    },
  },
};
