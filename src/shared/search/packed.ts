/**
 * The search documents as the snapshot stores them: one array per record (no repeated keys) and
 * each linked name once for the whole library, referred to by number. At 100,000 records this is
 * a third of the size of plain JSON objects, each record is parsed alone when first needed
 * (index-snapshot.ts), and the loaded documents share their link objects (a name linked from
 * 30,000 records is held once).
 */
import type { SearchDocument, SearchLink } from './document';

/** Positional form of a document; `links` holds indexes into the shared link table. */
export type PackedDoc = [
  id: number,
  type: SearchDocument['type'],
  agreementKind: string,
  title: string,
  titleAlt: string,
  date: string,
  dateEnd: string,
  referenceCode: string,
  links: number[],
  tags: string[],
  languages: string[],
  outlet: string,
  description: string,
  flags: number,
];

interface PackedDocuments {
  links: SearchLink[];
  docs: PackedDoc[];
}

const HAS_FILE = 1;
const HAS_TEXT = 2;

export function packDocuments(docs: Iterable<SearchDocument>): PackedDocuments {
  const links: SearchLink[] = [];
  const index = new Map<string, number>();
  const linkIndex = (l: SearchLink): number => {
    const key = JSON.stringify([l.kind, l.name, l.altNames, l.roles]);
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = links.push(l) - 1));
    return i;
  };
  const packed: PackedDoc[] = [];
  for (const d of docs) {
    packed.push([
      d.id,
      d.type,
      d.agreementKind,
      d.title,
      d.titleAlt,
      d.date,
      d.dateEnd,
      d.referenceCode,
      d.links.map(linkIndex),
      d.tags,
      d.languages,
      d.outlet,
      d.description,
      (d.hasFile ? HAS_FILE : 0) | (d.hasText ? HAS_TEXT : 0),
    ]);
  }
  return { links, docs: packed };
}

/** One document from its packed form and the shared link table; a malformed one is a corrupt snapshot. */
export function unpackDocument(packed: PackedDoc, links: SearchLink[]): SearchDocument {
  if (!Array.isArray(packed) || packed.length !== 14 || !Array.isArray(packed[8]))
    throw new Error('search snapshot: a document is unreadable');
  const [
    id,
    type,
    agreementKind,
    title,
    titleAlt,
    date,
    dateEnd,
    referenceCode,
    linked,
    tags,
    languages,
    outlet,
    description,
    flags,
  ] = packed;
  return {
    id,
    type,
    agreementKind,
    title,
    titleAlt,
    date,
    dateEnd,
    referenceCode,
    links: linked.map((i) => {
      const link = links[i];
      if (!link) throw new Error(`search snapshot: link ${i} is missing`);
      return link;
    }),
    tags,
    languages,
    outlet,
    description,
    hasFile: (flags & HAS_FILE) !== 0,
    hasText: (flags & HAS_TEXT) !== 0,
  };
}
