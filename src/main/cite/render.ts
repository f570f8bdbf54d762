/**
 * Rendering citations with citeproc-js (the CSL processor inside citation-js's CSL plugin):
 * bibliography entries as text and as HTML (citeproc escapes every field value: a title with
 * "<script>" comes out as "&#60;script&#62;"), and the in-text citation of the records together.
 *
 * What the style prints is the official style's output, unchanged, with one addition: Cite Them
 * Right's CSL style prints no archival location, so for the built-in `harvard-cite-them-right` the
 * location follows the official entry the way Cite Them Right cites archive material
 * ("Reference. Place: Archive.").
 */
import CSL, { type Engine } from 'citeproc';
import type { Citation } from '../../shared/channels/cite';
import type { CslItem } from './csl-item';
import { retrieveLocale } from './locale';
import type { Style } from './styles';

/**
 * Engines are kept and reused, as citation-js does: building one compiles the whole style (a
 * second or more for APA on a busy machine), while citing with a built one takes milliseconds.
 * Each use swaps in the items to cite and clears the engine's registry first, so an edited
 * record is read again.
 */
interface Pooled {
  engine: Engine;
  items: Map<string, CslItem>;
}
const POOL_SIZE = 8;

/**
 * CSL 1.0.2 renamed the variable `event` to `event-title`. The styles of 2026 (citation-js's APA,
 * Cite Them Right, NLM) read the new name, the 2025 snapshot and most installed styles the old one,
 * and citeproc-js does not treat them as one: so an item carries the event under both names.
 */
function withEventAliases(item: CslItem): CslItem {
  const event = item['event-title'] ?? item.event;
  return event === undefined ? item : { ...item, event, 'event-title': event };
}
const pool = new Map<Style['csl'], Pooled>();

function engine(style: Style, items: CslItem[]) {
  let pooled = pool.get(style.csl);
  if (pooled) pool.delete(style.csl);
  else {
    const current: Pooled = { engine: null as unknown as Engine, items: new Map() };
    const sys = {
      retrieveLocale,
      retrieveItem: (id: string) => {
        const item = current.items.get(id);
        if (!item) throw new Error(`no item ${id}`);
        return item;
      },
    };
    current.engine = new CSL.Engine(sys, style.csl, style.defaultLocale ?? 'en-US', true);
    current.engine.opt.development_extensions.wrap_url_and_doi = false;
    pooled = current;
  }
  pool.set(style.csl, pooled);
  if (pool.size > POOL_SIZE) pool.delete(pool.keys().next().value!);
  pooled.engine.updateItems([]);
  pooled.items = new Map(items.map((i) => [i.id, withEventAliases(i)]));
  pooled.engine.updateItems(items.map((i) => i.id));
  return pooled.engine;
}

/** citeproc's text output keeps a few HTML entities of its own; plain text wants characters. */
const plain = (s: string) => s.replace(/&#38;/g, '&').replace(/&#60;/g, '<').replace(/&#62;/g, '>').trim();

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Cite Them Right's archive material: "LCC/IR/AG/2018/01. Leeds: West Yorkshire Archive Service." */
function citeThemRightLocation(item: CslItem): string | null {
  const reference = text(item.archive_location);
  const where = [text(item['archive-place']), text(item.archive)].filter((s) => s !== null).join(': ');
  const parts = [reference, where].filter((s) => s);
  return parts.length === 0 ? null : parts.map((p) => (/[.!?]$/.test(p!) ? p : `${p}.`)).join(' ');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');

/** The addition after an official entry, if the style has one for this item. */
function addition(style: Style, item: CslItem | undefined): string | null {
  return style.source === 'built-in' && style.key === 'harvard-cite-them-right' && item
    ? citeThemRightLocation(item)
    : null;
}

/**
 * The ids of the entries a bibliography printed. citeproc-js lists every item in entry_ids but
 * prints no entry for an item the style leaves out (APA cites a personal communication in the text
 * only) and reports it in bibliography_errors: those are taken out, so entries and ids line up.
 */
function printedIds(
  meta: { entry_ids: string[][]; bibliography_errors?: { index: number }[] },
  count: number,
): string[] {
  const skipped = new Set((meta.bibliography_errors ?? []).map((e) => e.index));
  const ids = meta.entry_ids.map((x) => x[0]!).filter((_, i) => !skipped.has(i));
  if (ids.length !== count) throw new Error(`the CSL processor listed ${ids.length} entries but printed ${count}`);
  return ids;
}

export function renderCitation(style: Style, items: CslItem[], recordIdOf: (itemId: string) => number): Citation {
  const e = engine(style, items);
  e.setOutputFormat('html');
  const html = e.makeBibliography();
  e.setOutputFormat('text');
  const bibText = e.makeBibliography();
  // The citation as citation-js makes it: one cluster of all the items, processed with the processor's
  // full state (so a style's grouping and collapsing apply: "Harrison, 1999, 2020").
  const cite = (format: 'html' | 'text') =>
    e.rebuildProcessorState(
      [{ citationItems: items.map((i) => ({ id: i.id })), properties: { noteIndex: 0 } }],
      format,
      [],
    )[0]![2];
  const inText = { text: plain(cite('text')), html: cite('html') };
  if (!html || !bibText) {
    // A style without a bibliography (some note styles): the citation is all there is.
    return { style: style.key, entries: [], text: inText.text, html: inText.html, inText };
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  const ids = printedIds(html[0], html[1].length);
  const rawHtml = html[1].map((entry, i) => {
    const more = addition(style, byId.get(ids[i]!));
    return more ? entry.replace(/<\/div>(\s*)$/, ` ${escapeHtml(more)}</div>$1`) : entry;
  });
  const entries = ids.map((id, i) => {
    const more = addition(style, byId.get(id));
    const entryText = plain(bibText[1][i] ?? '');
    return {
      recordId: recordIdOf(id),
      text: more ? `${entryText} ${more}` : entryText,
      html: (rawHtml[i] ?? '').trim(),
    };
  });
  return {
    style: style.key,
    entries,
    text: entries.map((e) => e.text).join('\n'),
    html: `${html[0].bibstart}${rawHtml.join('')}${html[0].bibend}`,
    inText,
  };
}

/** Runs a style once on a probe item: how an installed style proves it works. */
export function probeStyle(style: Style): void {
  renderCitation(
    style,
    [
      {
        id: 'probe',
        type: 'report',
        title: 'Probe',
        author: [{ family: 'Archivist', given: 'Ann' }],
        issued: { 'date-parts': [[2018, 9]] },
      },
    ],
    () => 0,
  );
}
