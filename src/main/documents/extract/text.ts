/**
 * Plain text and saved web pages: the file is kept as it is; its text (and an HTML page's title and date)
 * is taken, decoded in the encoding found, which is kept in the file's metadata.
 */
import fs from 'node:fs';
import { decodeAs, findEncoding } from '../../../shared/text-encoding';
import { stripTerminalCodes } from '../encoding';
import { titleFromMetadata } from '../titles';
import { emptyExtraction, type Extraction } from './types';

const MAX_TEXT_BYTES = 64 * 1024 * 1024;

function readText(file: string, html: boolean): { text: string; truncated: boolean; encoding: string } {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, MAX_TEXT_BYTES));
    fs.readSync(fd, buf, 0, buf.length, 0);
    const found = findEncoding(buf, { html });
    // Colour codes and cursor moves (logs, captured terminals) would be indexed as noise.
    const text = stripTerminalCodes(decodeAs(buf, found));
    return { text, truncated: size > MAX_TEXT_BYTES, encoding: found.encoding };
  } finally {
    fs.closeSync(fd);
  }
}

/** Long texts are kept as pages of about this many characters (cut at a line end), so no page is huge to index or show. */
const PAGE_CHARS = 100_000;

function splitPages(text: string): string[] {
  const pages: string[] = [];
  let rest = text;
  while (rest.length > PAGE_CHARS) {
    let cut = rest.lastIndexOf('\n', PAGE_CHARS);
    if (cut < PAGE_CHARS / 2) cut = rest.lastIndexOf(' ', PAGE_CHARS);
    if (cut < PAGE_CHARS / 2) cut = PAGE_CHARS;
    pages.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  pages.push(rest.trim());
  return pages.filter(Boolean);
}

export function extractPlain(file: string): Extraction {
  const { text, truncated, encoding } = readText(file, false);
  const out = emptyExtraction();
  out.metadata = { encoding };
  const pages = splitPages(text);
  out.pageCount = Math.max(1, pages.length);
  out.pages = pages.map((t, i) => ({
    page: i + 1,
    text: t,
    source: 'plain' as const,
    confidence: null,
    language: null,
  }));
  out.textStatus = pages.length ? 'done' : 'none';
  if (truncated) out.textError = `only the first ${MAX_TEXT_BYTES} bytes were read`;
  return out;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function metaContent(html: string, names: string[]): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /\b(?:name|property|itemprop)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    if (key && names.includes(key)) {
      const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
      if (content) return decodeEntities(content).trim();
    }
  }
  return null;
}

/** An ISO date (YYYY-MM-DD) from a date-like string, or null. */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(raw) ?? /^(\d{4}):(\d{2}):(\d{2})/.exec(raw);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function htmlToText(html: string): { title: string | null; text: string; date: string | null } {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const date =
    isoDate(
      metaContent(html, ['article:published_time', 'date', 'dc.date', 'dcterms.date', 'datepublished', 'pubdate']),
    ) ?? isoDate(/<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/i.exec(html)?.[1]);
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|head|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/section|\/article|\/header|\/footer|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ');
  const text = decodeEntities(body)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const cleanTitle = title ? decodeEntities(title).replace(/\s+/g, ' ').trim() || null : null;
  return { title: cleanTitle, text, date };
}

export function extractHtml(file: string): Extraction {
  const { text: html, truncated, encoding } = readText(file, true);
  const { title, text, date } = htmlToText(html);
  // "Untitled Document", a saved page's path: kept as the page says, not suggested as the record's title.
  const suggestedTitle = titleFromMetadata(title);
  const out = emptyExtraction();
  const pages = splitPages([title, text].filter(Boolean).join('\n'));
  out.pageCount = Math.max(1, pages.length);
  out.pages = pages.map((t, i) => ({
    page: i + 1,
    text: t,
    source: 'html' as const,
    confidence: null,
    language: null,
  }));
  out.textStatus = pages.length ? 'done' : 'none';
  out.metadata = {
    encoding,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    suggest: { ...(suggestedTitle ? { title: suggestedTitle } : {}), ...(date ? { date } : {}) },
  };
  if (truncated) out.textError = `only the first ${MAX_TEXT_BYTES} bytes were read`;
  return out;
}
