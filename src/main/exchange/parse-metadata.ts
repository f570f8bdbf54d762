/**
 * Reading CSL-JSON, BibTeX and RIS files into CSL-JSON items. BibTeX goes through Better BibTeX's
 * parser (./bibtex.ts), which reads real files and reports a broken entry on its own; RIS through
 * citation-js's plugin, after we check its structure ourselves, so that a broken file is refused
 * with the line a person can fix, not a parser's guess of where it got lost.
 */
import { lineFinder } from '../../shared/line-numbers';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { RowProblem } from '../../shared/channels/exchange';
import type { ParseProblem, ReasonParams } from '../../shared/errors/reasons';
import type { RowPlace } from '../../shared/reports/import-report';
import { ArchiveFailure } from '../../shared/result';
import { decodeTex, readBibtex } from './bibtex';
import { looksLikeMedline, readMedline } from './medline';
import { readXmlFormat, xmlFormatOf } from './xml-formats';

export const METADATA_FORMATS = ['csl-json', 'bibtex', 'ris', 'endnote-xml', 'medline', 'mods'] as const;
export type MetadataFormat = (typeof METADATA_FORMATS)[number];

export interface ParsedItem {
  item: Record<string, unknown>;
  /** Where the entry starts in the file (1-based line), or its position in a JSON array. */
  where: RowPlace;
  /** Why this entry cannot be read (the rest of the file can): it is reported, not imported. */
  problem?: RowProblem;
}

/** A file that cannot be read as `format`: the problem, with where (and the parser's own words, if any). */
const refuse = (
  format: string,
  problem: ParseProblem,
  more: Omit<ReasonParams['parse_failed'], 'format' | 'problem'> = {},
): never => {
  throw new ArchiveFailure('invalid_input', 'parse_failed', { format, problem, ...more }, 'content');
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
    return refuse('csl-json', 'not_json', {
      ...(pos ? { line: lineOf(content, Number(pos[1])) } : {}),
      detail: message,
    });
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      refuse('csl-json', 'not_object', { item: i + 1 });
    return { item: item as Record<string, unknown>, where: { unit: 'item', n: i + 1 } };
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
    refuse('bibtex', 'too_large', { size: Math.round(content.length / 1e6), max: BIBTEX_MAX_CHARS / 1e6 });
  const { items, problems } = readBibtex(content);
  if (items.length === 0) {
    const first = problems[0];
    return first
      ? refuse('bibtex', 'nothing_readable', {
          count: problems.length,
          key: first.key,
          line: first.line,
          detail: first.message,
        })
      : refuse('bibtex', 'no_entries');
  }
  const rows: (ParsedItem & { line: number })[] = [
    ...items.map((i) => ({ item: i.item, where: { unit: 'line' as const, n: i.line, key: i.key }, line: i.line })),
    ...problems.map((p) => ({
      item: { id: p.key, type: 'document', title: '' },
      where: { unit: 'line' as const, n: p.line, key: p.key },
      line: p.line,
      problem: { reason: 'entry_unreadable' as const, params: { detail: p.message } },
    })),
  ];
  return rows.sort((a, b) => a.line - b.line).map(({ line: _line, ...row }) => row);
}

function parseMedline(content: string): ParsedItem[] {
  const rows = readMedline(content);
  if (rows.length === 0) refuse('medline', 'no_records', { marker: '"PMID- "' });
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
      if (open !== null) refuse('ris', 'unterminated', { line: open, next: i + 1 });
      open = i + 1;
      starts.push(i + 1);
    } else if (tag === 'ER') {
      if (open === null) refuse('ris', 'stray_end', { line: i + 1 });
      open = null;
    } else if (tag && open === null) {
      refuse('ris', 'tag_outside', { line: i + 1, tag });
    }
  });
  // `open` is set inside the callback above, which TypeScript's narrowing does not follow.
  const unterminated = open as number | null;
  if (unterminated !== null) refuse('ris', 'unterminated', { line: unterminated });
  if (starts.length === 0) refuse('ris', 'no_records', { marker: '"TY  - "' });
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
    return refuse('ris', 'parser', { detail: (error as Error).message.split('\n')[0]! });
  }
  return items.map((item, i) => ({
    item: strip(item),
    where: starts[i] !== undefined ? { unit: 'line', n: starts[i] } : { unit: 'entry', n: i + 1 },
  }));
}
