/**
 * EndNote XML (EndNote's File > Export > XML) and MODS (the Library of Congress's Metadata Object
 * Description Schema, which bibutils, Zotero and library catalogues write) read into CSL-JSON items.
 * No well-kept npm package reads either into CSL (citation-js has no plugin for them), so each is a
 * careful reader over fast-xml-parser. The XML is refused before parsing if it declares a document
 * type with entities or an external file: that is how an XML bomb (entities expanding to
 * gigabytes) and an external entity (reading a file of this computer) work, and neither format
 * needs one.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineFinder } from '../../shared/line-numbers';
import { ArchiveFailure } from '../../shared/result';
import type { ParsedItem } from './parse-metadata';

type Node = Record<string, unknown>;

export type XmlFormat = 'endnote-xml' | 'mods';
const LABEL: Record<XmlFormat, string> = { 'endnote-xml': 'EndNote XML', mods: 'MODS' };

/** EndNote XML's root is <xml><records>; MODS's is <mods> or <modsCollection> (any prefix). */
export function xmlFormatOf(start: string): XmlFormat | null {
  const head = start.slice(0, 4_000);
  if (!head.startsWith('<')) return null;
  if (/<(?:\w+:)?(?:modsCollection|mods)\b/.test(head)) return 'mods';
  if (/<xml>\s*<records>|<records>\s*<record>/.test(head)) return 'endnote-xml';
  return null;
}

function refuseEntities(xml: string, format: XmlFormat): void {
  const lineAt = lineFinder(xml);
  const doctype = /<!DOCTYPE\b[^>[]*(\[)?/i.exec(xml);
  const entity = /<!ENTITY\b/i.exec(xml);
  if ((doctype && (doctype[1] || /\b(SYSTEM|PUBLIC)\b/.test(doctype[0]))) || entity)
    throw new ArchiveFailure(
      'invalid_input',
      'xml_entities',
      { format: LABEL[format], line: lineAt((doctype ?? entity)!.index) },
      'content',
    );
}

/** Every element as an array, attributes under "@", text under "#text": one shape to walk. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  trimValues: false,
  htmlEntities: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

function parse(xml: string, format: XmlFormat): Node {
  refuseEntities(xml, format);
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new ArchiveFailure(
      'invalid_input',
      'parse_failed',
      { format, problem: 'not_xml', line: valid.err.line, detail: valid.err.msg },
      'content',
    );
  return parser.parse(xml) as Node;
}

const kids = (node: Node | undefined, tag: string): Node[] =>
  ((node?.[tag] as unknown[] | undefined) ?? []).filter((n): n is Node => typeof n === 'object' && n !== null);
const kid = (node: Node | undefined, ...path: string[]): Node | undefined =>
  path.reduce<Node | undefined>((n, tag) => kids(n, tag)[0], node);
const attr = (node: Node | undefined, name: string): string | undefined => {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
};

/** The text of an element and everything inside it (EndNote wraps text in <style> runs). */
function textOf(node: Node | undefined): string {
  if (!node) return '';
  let out = typeof node['#text'] === 'string' ? node['#text'] : '';
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text' || key.startsWith('@') || !Array.isArray(value)) continue;
    for (const child of value) if (typeof child === 'object' && child !== null) out += textOf(child as Node);
  }
  return out.replace(/\s+/g, ' ').trim();
}
const textAt = (node: Node | undefined, ...path: string[]) => textOf(kid(node, ...path)) || undefined;

function put(item: Node, variable: string, value: string | undefined): void {
  if (value) item[variable] = value;
}

/** "Blake, Judith" -> family, given; a name without a comma (an institution) is kept whole. */
function nameOf(written: string): Node {
  const comma = written.indexOf(',');
  return comma > 0
    ? { family: written.slice(0, comma).trim(), given: written.slice(comma + 1).trim() }
    : { literal: written.trim() };
}

/** EndNote's reference types (ref-type's name) -> CSL types. */
const ENDNOTE_TYPES: Record<string, string> = {
  'journal article': 'article-journal',
  'electronic article': 'article-journal',
  'magazine article': 'article-magazine',
  'newspaper article': 'article-newspaper',
  book: 'book',
  'edited book': 'book',
  'electronic book': 'book',
  'book section': 'chapter',
  'electronic book section': 'chapter',
  'conference paper': 'paper-conference',
  'conference proceedings': 'book',
  thesis: 'thesis',
  report: 'report',
  'government document': 'report',
  'web page': 'webpage',
  'personal communication': 'personal_communication',
  manuscript: 'manuscript',
  map: 'map',
  'film or broadcast': 'broadcast',
  'press release': 'article',
  dataset: 'dataset',
  patent: 'patent',
  statute: 'legislation',
  bill: 'bill',
  case: 'legal_case',
  generic: 'document',
};

function readEndnote(xml: string): ParsedItem[] {
  const root = parse(xml, 'endnote-xml');
  const records = kids(kid(root, 'xml', 'records') ?? kid(root, 'records'), 'record');
  if (records.length === 0)
    throw new ArchiveFailure(
      'invalid_input',
      'parse_failed',
      { format: 'endnote-xml', problem: 'no_records', marker: '<record>' },
      'content',
    );
  return records.map((record, i) => {
    const item: Node = {};
    const number = textAt(record, 'rec-number');
    item.id = number ? `endnote:${number}` : `record ${i + 1}`;
    const refType = kid(record, 'ref-type');
    item.type = ENDNOTE_TYPES[(attr(refType, 'name') ?? '').toLowerCase()] ?? 'document';
    const contributors = kid(record, 'contributors');
    const names = (group: string, tag: string) =>
      kids(kid(contributors, group), tag)
        .map((a) => textOf(a))
        .filter(Boolean)
        .map(nameOf);
    const authors = names('authors', 'author');
    if (authors.length) item.author = authors;
    // EndNote's secondary authors are a book section's editors; a book's are its series editors.
    const editors = names('secondary-authors', 'author');
    if (editors.length) item[item.type === 'book' ? 'collection-editor' : 'editor'] = editors;
    const translators = names('translated-authors', 'author');
    if (translators.length) item.translator = translators;
    const titles = kid(record, 'titles');
    const title = textAt(titles, 'title');
    put(item, 'title', title);
    put(item, 'container-title', textAt(kid(record, 'periodical'), 'full-title') ?? textAt(titles, 'secondary-title'));
    put(item, 'collection-title', textAt(titles, 'tertiary-title'));
    put(item, 'title-short', textAt(titles, 'short-title'));
    const dates = kid(record, 'dates');
    const year = textAt(dates, 'year');
    const pubDate = textAt(dates, 'pub-dates', 'date');
    // "pub-dates" is often a month and day ("Sep 14") without the year: joined with it.
    const written = [pubDate && year && !pubDate.includes(year) ? `${pubDate} ${year}` : (pubDate ?? year)]
      .filter(Boolean)
      .join('');
    if (written) item.issued = { raw: written };
    for (const [tag, variable] of [
      ['volume', 'volume'],
      ['number', 'issue'],
      ['pages', 'page'],
      ['edition', 'edition'],
      ['publisher', 'publisher'],
      ['pub-location', 'publisher-place'],
      ['isbn', 'ISBN'],
      ['abstract', 'abstract'],
      ['language', 'language'],
      ['work-type', 'genre'],
      ['call-num', 'call-number'],
      ['notes', 'note'],
      ['access-date', 'accessed'],
    ] as const) {
      const value = textAt(record, tag);
      if (variable === 'accessed') {
        if (value) item.accessed = { raw: value };
      } else put(item, variable, value);
    }
    // EndNote keeps a journal's ISSN in the isbn element; an article's DOI in electronic-resource-num.
    if (typeof item.ISBN === 'string' && /^\d{4}-\d{3}[\dXx]$/.test(item.ISBN) && item.type !== 'book') {
      item.ISSN = item.ISBN;
      delete item.ISBN;
    }
    const doi = textAt(record, 'electronic-resource-num');
    if (doi) item.DOI = doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
    const url = textAt(kid(record, 'urls'), 'related-urls', 'url') ?? textAt(kid(record, 'urls'), 'web-urls', 'url');
    put(item, 'URL', url);
    const keywords = kids(kid(record, 'keywords'), 'keyword').map(textOf).filter(Boolean);
    if (keywords.length) item.keyword = keywords.join(', ');
    return {
      item,
      where: { unit: 'entry' as const, n: i + 1, ...(number ? { key: `rec-number ${number}` } : {}) },
      ...(title
        ? {}
        : {
            problem: {
              reason: 'field_invalid' as const,
              params: { field: 'title', problem: 'empty', detail: 'must not be empty' },
            },
          }),
    };
  });
}

/** MODS genres and types of resource -> CSL types. */
function modsType(mods: Node): string {
  const genres = kids(mods, 'genre').map((g) => textOf(g).toLowerCase());
  const host = kids(mods, 'relatedItem').find((r) => attr(r, 'type') === 'host');
  const hostGenres = host ? kids(host, 'genre').map((g) => textOf(g).toLowerCase()) : [];
  const has = (...words: string[]) => genres.some((g) => words.includes(g));
  if (has('thesis', 'theses', "master's thesis", 'doctoral thesis', 'dissertation')) return 'thesis';
  if (has('report', 'technical report')) return 'report';
  if (has('conference publication') && host) return 'paper-conference';
  if (has('web site', 'webpage', 'web page')) return 'webpage';
  if (has('newspaper article') || hostGenres.includes('newspaper')) return 'article-newspaper';
  if (has('magazine article') || hostGenres.includes('magazine')) return 'article-magazine';
  if (has('journal article', 'article') || hostGenres.some((g) => g === 'journal' || g === 'periodical'))
    return 'article-journal';
  // A book "in" a host is a book in a series (bibutils writes the series as the host).
  if (has('book') && !hostGenres.includes('book')) return 'book';
  if (host) return hostGenres.includes('book') ? 'chapter' : 'article';
  if (kids(mods, 'typeOfResource').some((t) => textOf(t) === 'cartographic')) return 'map';
  return 'document';
}

function modsTitle(node: Node | undefined): string | undefined {
  const info = kids(node, 'titleInfo').find((t) => !attr(t, 'type')) ?? kid(node, 'titleInfo');
  if (!info) return undefined;
  const title = [textAt(info, 'nonSort'), textAt(info, 'title')].filter(Boolean).join(' ');
  const sub = textAt(info, 'subTitle');
  return (sub ? `${title}: ${sub}` : title) || undefined;
}

/** MODS names by role (marcrelator codes or terms) -> CSL name variables. */
const MODS_ROLES: Record<string, string> = {
  aut: 'author',
  author: 'author',
  cre: 'author',
  creator: 'author',
  edt: 'editor',
  editor: 'editor',
  trl: 'translator',
  translator: 'translator',
  ill: 'illustrator',
  illustrator: 'illustrator',
  cmp: 'composer',
  composer: 'composer',
  drt: 'director',
  director: 'director',
  ive: 'interviewer',
  interviewer: 'interviewer',
  rcp: 'recipient',
  recipient: 'recipient',
};

function modsNames(node: Node, item: Node): void {
  for (const name of kids(node, 'name')) {
    const parts = kids(name, 'namePart');
    const family = parts.filter((p) => attr(p, 'type') === 'family').map(textOf);
    const given = parts.filter((p) => attr(p, 'type') === 'given').map(textOf);
    const plain = parts.filter((p) => !attr(p, 'type')).map(textOf);
    const csl: Node =
      family.length && attr(name, 'type') !== 'corporate'
        ? { family: family.join(' '), ...(given.length ? { given: given.join(' ') } : {}) }
        : attr(name, 'type') === 'personal' && plain.length === 1
          ? nameOf(plain[0]!)
          : { literal: [...plain, ...family, ...given].join(', ') };
    const roles = kids(kid(name, 'role'), 'roleTerm').map((r) => textOf(r).toLowerCase());
    const variable = roles.map((r) => MODS_ROLES[r]).find(Boolean) ?? 'author';
    ((item[variable] ??= []) as Node[]).push(csl);
  }
}

function readMods(xml: string): ParsedItem[] {
  const root = parse(xml, 'mods');
  const collection = kid(root, 'modsCollection');
  const all = collection ? kids(collection, 'mods') : kids(root, 'mods');
  if (all.length === 0)
    throw new ArchiveFailure(
      'invalid_input',
      'parse_failed',
      { format: 'mods', problem: 'no_records', marker: '<mods>' },
      'content',
    );
  return all.map((mods, i) => {
    const item: Node = {};
    const id = attr(mods, 'ID');
    item.id = id ?? `mods ${i + 1}`;
    item.type = modsType(mods);
    const title = modsTitle(mods);
    put(item, 'title', title);
    modsNames(mods, item);
    const host = kids(mods, 'relatedItem').find((r) => attr(r, 'type') === 'host');
    const series = kids(mods, 'relatedItem').find((r) => attr(r, 'type') === 'series');
    // Where a part is published: the host's originInfo for an article or chapter, else the item's own.
    const origin = kid(mods, 'originInfo') ?? kid(host, 'originInfo');
    const issued =
      textAt(origin, 'dateIssued') ??
      textAt(kid(host, 'originInfo'), 'dateIssued') ??
      textAt(kid(mods, 'part'), 'date') ??
      textAt(kid(host, 'part'), 'date') ??
      textAt(origin, 'copyrightDate') ??
      textAt(origin, 'dateCreated');
    if (issued) item.issued = { raw: issued };
    put(item, 'publisher', textAt(origin, 'publisher') ?? textAt(kid(host, 'originInfo'), 'publisher'));
    const place = kids(kid(origin, 'place'), 'placeTerm').find((p) => attr(p, 'type') !== 'code');
    put(item, 'publisher-place', textOf(place) || undefined);
    put(item, 'edition', textAt(origin, 'edition'));
    if (host && item.type === 'book') put(item, 'collection-title', modsTitle(host));
    else if (host) {
      put(item, 'container-title', modsTitle(host));
      const hostItem: Node = {};
      modsNames(host, hostItem);
      if (hostItem.editor) item.editor = hostItem.editor;
      if (hostItem.author) item['container-author'] = hostItem.author;
    }
    if (series) put(item, 'collection-title', modsTitle(series));
    const part = kid(mods, 'part') ?? kid(host, 'part');
    for (const detail of kids(part, 'detail')) {
      const type = attr(detail, 'type');
      const value = textAt(detail, 'number');
      if (type === 'volume') put(item, 'volume', value);
      else if (type === 'issue' || type === 'number') put(item, 'issue', value);
      // bibutils writes a page that is not a range ("73+") as a detail, not an extent.
      else if (type === 'page') put(item, 'page', value);
    }
    const extent = kids(part, 'extent').find((e) => ['page', 'pages', undefined].includes(attr(e, 'unit')));
    if (extent) {
      const start = textAt(extent, 'start');
      const end = textAt(extent, 'end');
      put(item, 'page', start && end ? `${start}-${end}` : (start ?? textAt(extent, 'list')));
    }
    for (const identifier of [...kids(mods, 'identifier'), ...kids(host, 'identifier')]) {
      const type = (attr(identifier, 'type') ?? '').toLowerCase();
      const variable = { doi: 'DOI', isbn: 'ISBN', issn: 'ISSN', uri: 'URL', url: 'URL', pmid: 'PMID' }[type];
      if (variable && !item[variable]) put(item, variable, textOf(identifier) || undefined);
    }
    put(item, 'URL', item.URL ? undefined : textAt(kid(mods, 'location'), 'url'));
    put(item, 'abstract', textAt(mods, 'abstract'));
    put(item, 'note', textAt(mods, 'note'));
    put(item, 'language', textAt(kid(mods, 'language'), 'languageTerm'));
    const topics = kids(mods, 'subject')
      .flatMap((s) => kids(s, 'topic').map(textOf))
      .filter(Boolean);
    if (topics.length) item.keyword = topics.join(', ');
    return {
      item,
      where: { unit: 'entry' as const, n: i + 1, ...(id ? { key: id } : {}) },
      ...(title
        ? {}
        : {
            problem: {
              reason: 'field_invalid' as const,
              params: { field: 'title', problem: 'empty', detail: 'must not be empty' },
            },
          }),
    };
  });
}

export function readXmlFormat(content: string, format: XmlFormat): ParsedItem[] {
  const xml = content.replace(/^\uFEFF/, '');
  return format === 'mods' ? readMods(xml) : readEndnote(xml);
}
