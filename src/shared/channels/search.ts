/** Channels of search. */
import { z } from 'zod';
import { SearchDocument } from '../search/document';
import { channel } from './channel';

export const searchChannels = {
  /**
   * Search documents for the record-level index: all of them (revision 0), or what changed since
   * a revision (upserts plus deleted ids), so a search index can follow the catalogue.
   */
  searchDocuments: channel(
    z.strictObject({ sinceRevision: z.number().int().min(0).default(0) }),
    z.object({ revision: z.number(), upserts: z.array(SearchDocument), deletes: z.array(z.number()) }),
    false,
  ),
};
