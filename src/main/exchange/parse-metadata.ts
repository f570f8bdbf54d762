/**
 * Reading CSL-JSON, BibTeX and RIS files into CSL-JSON items. BibTeX goes through Better BibTeX's
 * parser (./bibtex.ts), which reads real files and reports a broken entry on its own; RIS through
 * citation-js's plugin, after we check its structure ourselves, so that a broken file is refused
 * with the line a person can fix, not a parser's guess of where it got lost.
 */
import { lineFinder } from '../../shared/line-numbers';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { ArchiveFailure } from '../../shared/result';
import { decodeTex, readBibtex } from './bibtex';
import { looksLikeMedline, readMedline } from './medline';
import { readXmlFormat, xmlFormatOf } from './xml-formats';

export const METADATA_FORMATS = ['csl-json', 'bibtex', 'ris', 'endnote-xml', 'medline', 'mods'] as const;
export type MetadataFormat = (typeof METADATA_FORMATS)[number];

export interface ParsedItem {
  item: Record<string, unknown>;
  /** Where the entry starts in the file (1-based line), or its position in a JSON array. */
  where: string;
  /** Why this entry cannot be read (the rest of the file can): it is reported, not imported. */
  problem?: string;
}

/** A file that cannot be read as `format`; `message` is the parser's account of where and why. */
const refuse = (format: string, message: string): never => {
  throw new ArchiveFailure('invalid_input', 'parse_failed', { format, detail: message }, 'content');
};

/** Guesses the format from the content: JSON starts with [ or {, XML by its root, RIS with a TY tag, MEDLINE with PMID, BibTeX with @. */
export function detectFormat(content: string): MetadataFormat {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  const xml = xmlFormatOf(start);
  if (xml) return xml;
  if (looksLikeMedline(start)) return 'medline';
  if (/^TY {2}- /m.test(start.slice(0, 2_000))) return 'ris';
  if (/^\s*@\w+\s*[{(]/m.test(start)) return 'bibtex';
  throw new ArchiveFailure('invalid_input', 'import_format_unknown', {}, 'content');
}

function lineOf(content: string, index: number): number {
  return lineFinder(content)(index);
}

function parseCslJson(content: string): ParsedItem[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    const where = pos ? ` (line ${lineOf(content, Number(pos[1]))})` : '';
    return refuse('csl-json', `this CSL-JSON file is not valid JSON${where}: ${message}`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      refuse('csl-json', `CSL-JSON item ${i + 1} is not an object`);
    return { item: item as Record<string, unknown>, where: `item ${i + 1}` };
  });
}

/**
 * BibTeX through a parser made for real files (./bibtex.ts): an entry it cannot read is one
 * problem row with its key and line, the others are read; a file with nothing readable is refused.
 */
/**
 * The largest BibTeX file read: about five times Beebe's tugboat.bib, which takes its parser tens
 * of seconds. A larger file would hold the library's worker for many minutes: split it instead.
 */
const BIBTEX_MAX_CHARS = 20_000_000;

function parseBibtex(content: string): ParsedItem[] {
  if (content.length > BIBTEX_MAX_CHARS)
    refuse(
      'bibtex',
      `this BibTeX file is too large to import at once (${(content.length / 1e6).toFixed(0)} MB; at most ${BIBTEX_MAX_CHARS / 1e6} MB): split it into smaller files`,
    );
  const { items, problems } = readBibtex(content);
  if (items.length === 0) {
    const first = problems[0];
    return refuse(
      'bibtex',
      first
        ? `BibTeX: none of the ${problems.length} entries can be read (first: "${first.key}" on line ${first.line}: ${first.message})`
        : 'this BibTeX file has no entries (an entry starts with @type{key, ...})',
    );
  }
  const rows: (ParsedItem & { line: number })[] = [
    ...items.map((i) => ({ item: i.item, where: `line ${i.line} (${i.key})`, line: i.line })),
    ...problems.map((p) => ({
      item: { id: p.key, type: 'document', title: '' },
      where: `line ${p.line} (${p.key})`,
      line: p.line,
      problem: `this entry cannot be read: ${p.message}`,
    })),
  ];
  return rows.sort((a, b) => a.line - b.line).map(({ line: _line, ...row }) => row);
}

function parseMedline(content: string): ParsedItem[] {
  const rows = readMedline(content);
  if (rows.length === 0) refuse('medline', 'this MEDLINE file has no records (a record starts with "PMID- ")');
  return rows;
}

/** Every record must run from a TY tag to an ER tag; returns the line of each TY. */
function checkRis(content: string): number[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const starts: number[] = [];
  let open: number | null = null;
  lines.forEach((text, i) => {
    const tag = /^([A-Z][A-Z0-9]) {2}-/.exec(text)?.[1];
    if (tag === 'TY') {
      if (open !== null)
        refuse(
          'ris',
          `RIS: the record starting on line ${open} has no end tag (ER  -) before the next record on line ${i + 1}`,
        );
      open = i + 1;
      starts.push(i + 1);
    } else if (tag === 'ER') {
      if (open === null) refuse('ris', `RIS: line ${i + 1} ends a record (ER  -) that was never started with TY  -`);
      open = null;
    } else if (tag && open === null) {
      refuse(
        'ris',
        `RIS: line ${i + 1} has a ${tag} tag outside a record (records start with TY  - and end with ER  -)`,
      );
    }
  });
  // `open` is set inside the callback above, which TypeScript's narrowing does not follow.
  const unterminated = open as number | null;
  if (unterminated !== null)
    refuse('ris', `RIS: the record starting on line ${unterminated} has no end tag (ER  -): the file may be cut short`);
  if (starts.length === 0) refuse('ris', 'this RIS file has no records (a record starts with "TY  - ")');
  return starts;
}

/** RIS fields people fill from BibTeX, where TeX ({\\"o}, \\TeX) is often left in. */
const TEX_FIELDS = ['title', 'container-title', 'collection-title', 'title-short', 'original-title'];

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { _graph: _g, ...rest } = item;
  for (const field of TEX_FIELDS) {
    const value = rest[field];
    if (typeof value === 'string') rest[field] = decodeTex(value);
  }
  return rest;
}

export function parseMetadata(content: string, format: MetadataFormat = detectFormat(content)): ParsedItem[] {
  if (format === 'csl-json') return parseCslJson(content);
  if (format === 'bibtex') return parseBibtex(content);
  if (format === 'endnote-xml' || format === 'mods') return readXmlFormat(content, format);
  if (format === 'medline') return parseMedline(content);
  const starts = checkRis(content);
  let items: Record<string, unknown>[];
  try {
    items = plugins.input.chain(content, { forceType: '@ris/file', generateGraphs: false });
  } catch (error) {
    return refuse('ris', `RIS: ${(error as Error).message.split('\n')[0]}`);
  }
  return items.map((item, i) => ({
    item: strip(item),
    where: starts[i] !== undefined ? `line ${starts[i]}` : `entry ${i + 1}`,
  }));
}
