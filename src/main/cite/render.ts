/**
 * Rendering citations with citeproc-js (the CSL processor inside citation-js's CSL plugin):
 * bibliography entries as text and as HTML (citeproc escapes every field value: a title with
 * "<script>" comes out as "&#60;script&#62;"), and the in-text citation of the records together.
 */
import CSL from 'citeproc';
import type { Citation } from '../../shared/channels/cite';
import type { CslItem } from './csl-item';
import { retrieveLocale } from './locale';
import type { Style } from './styles';

function engine(style: Style, items: CslItem[]) {
  const byId = new Map(items.map((i) => [i.id, i]));
  const sys = {
    retrieveLocale,
    retrieveItem: (id: string) => {
      const item = byId.get(id);
      if (!item) throw new Error(`no item ${id}`);
      return item;
    },
  };
  const lang = style.defaultLocale ?? 'en-US';
  const e = new CSL.Engine(sys, style.xml, lang, true);
  e.opt.development_extensions.wrap_url_and_doi = false;
  e.updateItems(items.map((i) => i.id));
  return e;
}

/** citeproc's text output keeps a few HTML entities of its own; plain text wants characters. */
const plain = (s: string) => s.replace(/&#38;/g, '&').replace(/&#60;/g, '<').replace(/&#62;/g, '>').trim();

export function renderCitation(style: Style, items: CslItem[], recordIdOf: (itemId: string) => number): Citation {
  const e = engine(style, items);
  const cite = (format: 'html' | 'text') => {
    e.setOutputFormat(format);
    return e.makeCitationCluster(items.map((i) => ({ id: i.id })));
  };
  const inText = { text: plain(cite('text')), html: cite('html') };
  e.setOutputFormat('html');
  const html = e.makeBibliography();
  e.setOutputFormat('text');
  const text = e.makeBibliography();
  if (!html || !text) {
    // A style without a bibliography (some note styles): the citation is all there is.
    return { style: style.key, entries: [], text: inText.text, html: inText.html, inText };
  }
  const ids = html[0].entry_ids.map((ids) => ids[0]!);
  const entries = ids.map((id, i) => ({ recordId: recordIdOf(id), text: plain(text[1][i] ?? ''), html: (html[1][i] ?? '').trim() }));
  return {
    style: style.key,
    entries,
    text: entries.map((e) => e.text).join('\n'),
    html: `${html[0].bibstart}${html[1].join('')}${html[0].bibend}`,
    inText,
  };
}

/** Runs a style once on a probe item: how an installed style proves it works. */
export function probeStyle(style: Style): void {
  renderCitation(
    style,
    [{ id: 'probe', type: 'report', title: 'Probe', author: [{ family: 'Archivist', given: 'Ann' }], issued: { 'date-parts': [[2018, 9]] } }],
    () => 0,
  );
}
