/**
 * PubMed's MEDLINE/.nbib format ("PMID- 123", "TI  - …", continuation lines indented by six
 * spaces, records separated by a blank line) read into CSL-JSON items. No npm package reads it
 * without also fetching from NCBI (citation-js's plugin-pubmed resolves identifiers online), so
 * this is a reader of the format as NLM documents it: a tag of up to four letters, padded to four,
 * then "- ". Every record keeps its PMID; a record without a title is reported, not dropped.
 */
import type { ParsedItem } from './parse-metadata';

/** MEDLINE's publication types (PT) -> CSL types; the first one known wins. */
const TYPES: Record<string, string> = {
  'journal article': 'article-journal',
  review: 'article-journal',
  'newspaper article': 'article-newspaper',
  'book chapter': 'chapter',
  book: 'book',
  'technical report': 'report',
  congress: 'paper-conference',
  dataset: 'dataset',
  preprint: 'article',
  letter: 'article-journal',
  editorial: 'article-journal',
  comment: 'article-journal',
};

const TAG = /^([A-Z][A-Z0-9]{0,3}) *- (.*)$/;

/** True when the text reads as MEDLINE: its first tagged line is a PMID (as PubMed writes every record). */
export function looksLikeMedline(start: string): boolean {
  return /^PMID- ?\d/m.test(start.slice(0, 2_000)) && /^[A-Z]{2,4} *- /m.test(start.slice(0, 2_000));
}

/** "Mangalam, Harry" -> family and given; a collective name (CN) stays whole. */
function person(full: string): Record<string, string> {
  const comma = full.indexOf(',');
  return comma > 0
    ? { family: full.slice(0, comma).trim(), given: full.slice(comma + 1).trim() }
    : { literal: full.trim() };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** DP as NLM writes it: "2002 Sep", "2006 Mar 1", "2006"; anything else ("2000 Spring", "1998 Dec-1999 Jan") as written. */
function medlineDate(written: string): Record<string, unknown> {
  const m = /^(\d{4})(?: ([A-Za-z]{3})(?: (\d{1,2}))?)?$/.exec(written.trim());
  const month = m?.[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (!m || (m[2] && month === 0)) return { raw: written };
  return { 'date-parts': [[Number(m[1]), ...(month ? [month] : []), ...(m[3] ? [Number(m[3])] : [])]] };
}

export function readMedline(content: string): ParsedItem[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const records: { line: number; fields: [string, string][] }[] = [];
  let current: { line: number; fields: [string, string][] } | null = null;
  lines.forEach((text, i) => {
    if (text.trim() === '') {
      current = null;
      return;
    }
    const tagged = TAG.exec(text);
    if (tagged) {
      if (!current || tagged[1] === 'PMID') {
        current = { line: i + 1, fields: [] };
        records.push(current);
      }
      current.fields.push([tagged[1]!, tagged[2]!.trim()]);
    } else if (current && /^\s/.test(text)) {
      // A continuation line: it carries on the value of the last tag.
      const last = current.fields[current.fields.length - 1]!;
      last[1] = `${last[1]} ${text.trim()}`;
    }
  });
  return records.map(({ line, fields }) => {
    const all = (tag: string) => fields.filter(([t]) => t === tag).map(([, v]) => v);
    const one = (tag: string) => all(tag)[0];
    const item: Record<string, unknown> = {};
    const pmid = one('PMID');
    item.id = pmid ? `pmid:${pmid}` : `line ${line}`;
    const types = all('PT')
      .map((t) => TYPES[t.toLowerCase()])
      .filter(Boolean);
    item.type = types[0] ?? (one('TA') || one('JT') ? 'article-journal' : 'document');
    // A title NLM translated into English is in [brackets], with the original in TT.
    const title = one('TI') ?? one('BTI');
    if (title) item.title = title;
    const authors = all('FAU').length ? all('FAU') : all('AU');
    const names = [...authors.map(person), ...all('CN').map((n) => ({ literal: n }))];
    if (names.length) item.author = names;
    const editors = all('FED').length ? all('FED') : all('ED');
    if (editors.length) item.editor = editors.map(person);
    const date = one('DP');
    if (date) item.issued = medlineDate(date);
    const journal = one('JT');
    if (journal) item['container-title'] = journal;
    if (one('TA')) item['container-title-short'] = one('TA');
    for (const [tag, variable] of [
      ['VI', 'volume'],
      ['IP', 'issue'],
      ['PG', 'page'],
      ['AB', 'abstract'],
      ['PL', 'publisher-place'],
      ['PB', 'publisher'],
      ['EN', 'edition'],
    ] as const) {
      const value = one(tag);
      if (value) item[variable] = value;
    }
    if (pmid) item.PMID = pmid;
    const pmcid = one('PMC');
    if (pmcid) item.PMCID = pmcid;
    // Identifiers come as "10.1186/… [doi]", "0-19-… [isbn]"; the ISSN as "1467-5463 (Print)".
    const doi = [...all('LID'), ...all('AID')].find((v) => v.endsWith('[doi]'));
    if (doi) item.DOI = doi.replace(/\s*\[doi\]$/, '');
    const isbn = all('ISBN')[0];
    if (isbn) item.ISBN = isbn;
    const issn = all('IS')[0];
    if (issn) item.ISSN = issn.replace(/\s*\(.*\)$/, '');
    const language = one('LA');
    if (language) item.language = language;
    const keywords = [...all('MH'), ...all('OT')];
    if (keywords.length) item.keyword = keywords.join(', ');
    return {
      item,
      where: { unit: 'line' as const, n: line, ...(pmid ? { key: `PMID ${pmid}` } : {}) },
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
