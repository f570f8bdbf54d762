/**
 * CSL-JSON items out as BibTeX, RIS or CSL-JSON text (citation-js's BibTeX and RIS plugins do the
 * format work; CSL-JSON is our items as they are).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CiteFormat } from '../../shared/channels/cite';
import type { CslItem } from './csl-item';

/**
 * One RIS record. citation-js's RIS writer wraps values at 70 characters, mid-word, and its reader
 * joins the pieces with a space ("celebratio n"); Zotero and EndNote write one line per tag, and so
 * do we. It also leaves out the archival location, which RIS carries as AV (and citation-js reads back).
 */
function risRecord(item: CslItem): string {
  let out = new Cite([item]).format('ris', { format: 'text' });
  out = out.replace(/\r?\n(?![A-Z][A-Z0-9] {2}-)(?=[^\r\n])/g, '');
  const location = typeof item.archive_location === 'string' ? item.archive_location : null;
  if (location && !/^AV {2}- /m.test(out))
    out = out.replace(/^ER {2}- ?$/m, `AV  - ${location.replace(/\s+/g, ' ')}\nER  - `);
  return out.endsWith('\n') ? out : `${out}\n`;
}

export function formatItems(items: CslItem[], format: CiteFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (format === 'ris') return items.map(risRecord).join('\n');
  const out = new Cite(items).format('bibtex', { format: 'text' });
  return out.endsWith('\n') ? out : `${out}\n`;
}
