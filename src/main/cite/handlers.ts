/** The handlers of citations: one function per channel of channels/cite.ts. */
import type { citeChannels } from '../../shared/channels/cite';
import type { CatalogueContext } from '../catalogue/context';
import { requireRecord } from '../catalogue/records';
import type { HandlersFor } from '../service/handler-types';
import { toCslItem, type CslItem } from './csl-item';
import { formatItems } from './formats';
import { getSettings } from '../settings/library-settings';
import { probeStyle, renderCitation } from './render';
import { installStyle, listStyles, removeStyle, requireStyle } from './styles';

/** The records as CSL-JSON items, with the library's holding archive. */
function cslItems(ctx: CatalogueContext, ids: number[]): CslItem[] {
  const settings = getSettings(ctx);
  const archive = { name: settings.archiveName, place: settings.archivePlace };
  return [...new Set(ids)].map((id) => toCslItem(requireRecord(ctx, id), archive));
}

const recordIdOfItem = (itemId: string) => Number(itemId.replace(/^record-/, ''));

export const citeHandlers: HandlersFor<typeof citeChannels> = {
  listStyles: (ctx, options) => listStyles(ctx, options),
  installStyle: (ctx, { xml }) => installStyle(ctx, xml, probeStyle),
  removeStyle: (ctx, { style }) => removeStyle(ctx, style),
  citeRecords: (ctx, { ids, style }) =>
    renderCitation(requireStyle(ctx, style ?? getSettings(ctx).defaultStyle), cslItems(ctx, ids), recordIdOfItem),
  exportCitations: (ctx, { ids, format }) => ({
    format,
    count: new Set(ids).size,
    content: formatItems(cslItems(ctx, ids), format),
  }),
};
