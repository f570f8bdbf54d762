/**
 * Reading CSL-JSON, BibTeX and RIS files into CSL-JSON items (citation-js's BibTeX and RIS
 * plugins do the parsing). Before handing a file to citation-js we check its structure ourselves,
 * so that a broken file is refused with the line a person can fix ("the entry starting on line 12
 * has 1 more { than }"), not a parser's guess of where it got lost.
 */
import { lineFinder } from '../../shared/line-numbers';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { ArchiveFailure } from '../../shared/result';

export const METADATA_FORMATS = ['csl-json', 'bibtex', 'ris'] as const;
export type MetadataFormat = (typeof METADATA_FORMATS)[number];

export interface ParsedItem {
  item: Record<string, unknown>;
  /** Where the entry starts in the file (1-based line), or its position in a JSON array. */
  where: string;
}

/** A file that cannot be read as `format`; `message` is the parser's account of where and why. */
const refuse = (format: string, message: string): never => {
  throw new ArchiveFailure('invalid_input', 'parse_failed', { format, detail: message }, 'content');
};

/** Guesses the format from the content: JSON starts with [ or {, RIS with a TY tag, BibTeX with @. */
export function detectFormat(content: string): MetadataFormat {
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
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

/** Entry start lines, and a check that every entry's braces balance before the next entry begins. */
function checkBibtex(content: string): number[] {
  const starts: number[] = [];
  const entry = /^[ \t]*@([A-Za-z]+)[ \t]*([{(])/gm;
  const found: { index: number; kind: string; open: string }[] = [];
  for (let m = entry.exec(content); m; m = entry.exec(content))
    found.push({ index: m.index, kind: m[1]!.toLowerCase(), open: m[2]! });
  if (found.length === 0) refuse('bibtex', 'this BibTeX file has no entries (an entry starts with @type{key, ...})');
  const lineAt = lineFinder(content);
  found.forEach((f, i) => {
    const end = found[i + 1]?.index ?? content.length;
    const body = content.slice(f.index, end);
    const line = lineAt(f.index);
    let depth = 0;
    let inQuote = false;
    for (let j = body.indexOf(f.open); j < body.length; j++) {
      const c = body[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '"' && depth === 1 && f.open === '{') inQuote = !inQuote;
      else if (c === '{' || (f.open === '(' && c === '(' && depth === 0)) depth++;
      else if (c === '}' || (f.open === '(' && c === ')' && depth === 1)) {
        depth--;
        if (depth < 0)
          refuse(
            'bibtex',
            `BibTeX: the entry starting on line ${line} has a "}" too many (line ${line + (body.slice(0, j).match(/\n/g)?.length ?? 0)})`,
          );
        if (depth === 0) {
          const rest = body
            .slice(j + 1)
            .replace(/%[^\n]*/g, '')
            .trim();
          if (rest && f.kind !== 'comment') {
            refuse(
              'bibtex',
              `BibTeX: unexpected text after the entry that starts on line ${line} (line ${line + (body.slice(0, j + 1).match(/\n/g)?.length ?? 0)}): "${rest.slice(0, 40)}"`,
            );
          }
          break;
        }
      }
    }
    if (depth > 0 && f.kind !== 'comment') {
      refuse(
        'bibtex',
        `BibTeX: the entry starting on line ${line} is not closed: it has ${depth} more "{" than "}" (unbalanced braces)`,
      );
    }
    if (inQuote) refuse('bibtex', `BibTeX: the entry starting on line ${line} has an unclosed quotation mark`);
    if (!['comment', 'string', 'preamble'].includes(f.kind)) starts.push(line);
  });
  return starts;
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

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { _graph: _g, ...rest } = item;
  return rest;
}

export function parseMetadata(content: string, format: MetadataFormat = detectFormat(content)): ParsedItem[] {
  if (format === 'csl-json') return parseCslJson(content);
  const starts = format === 'bibtex' ? checkBibtex(content) : checkRis(content);
  let items: Record<string, unknown>[];
  try {
    items = plugins.input.chain(content, {
      forceType: format === 'bibtex' ? '@bibtex/text' : '@ris/file',
      generateGraphs: false,
    });
  } catch (error) {
    return refuse(format, `${format === 'bibtex' ? 'BibTeX' : 'RIS'}: ${(error as Error).message.split('\n')[0]}`);
  }
  return items.map((item, i) => ({
    item: strip(item),
    where: starts[i] !== undefined ? `line ${starts[i]}` : `entry ${i + 1}`,
  }));
}
