/**
 * BibTeX and BibLaTeX files as people have them, read into CSL-JSON items. The parsing is Better
 * BibTeX's own parser (@retorquere/bibtex-parser): it reads @string macros and # concatenation,
 * @preamble, @comment, text between entries, crossref, month macros, and turns TeX accents and
 * commands into Unicode; an entry it cannot read is reported on its own, and the rest are read.
 * This file maps its entries to CSL-JSON: every field the entry has is kept, either as the CSL
 * variable it stands for or, verbatim, under `custom.bibtex` (CSL-JSON's place for data it has no
 * variable for), so nothing in the file is lost on the way in.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { lineFinder } from '../../shared/line-numbers';

interface BibtexItem {
  item: Record<string, unknown>;
  line: number;
  key: string;
}

interface BibtexProblem {
  key: string;
  line: number;
  message: string;
}

/**
 * TeX logos and the macros of well-known bibliographies (Beebe's TUGboat files use \TUB from
 * tugboat.def), which the parser leaves to us. Anything else unknown becomes its argument or name.
 */
const LOGOS: Record<string, string> = {
  TeX: 'TeX',
  TUB: 'TUGboat',
  TUG: 'TUG',
  BibTeX: 'BibTeX',
  BibLaTeX: 'BibLaTeX',
  LaTeX: 'LaTeX',
  LaTeXe: 'LaTeX2ε',
  AMS: 'AMS',
  AmS: 'AMS',
  AMSTeX: 'AMS-TeX',
  AmSTeX: 'AMS-TeX',
  AMSLaTeX: 'AMS-LaTeX',
  MF: 'METAFONT',
  METAFONT: 'METAFONT',
  MP: 'MetaPost',
  METAPOST: 'MetaPost',
  PS: 'PostScript',
  PDF: 'PDF',
  ConTeXt: 'ConTeXt',
  XeTeX: 'XeTeX',
  XeLaTeX: 'XeLaTeX',
  LuaTeX: 'LuaTeX',
  LuaLaTeX: 'LuaLaTeX',
  eTeX: 'ε-TeX',
  pdfTeX: 'pdfTeX',
  pdfLaTeX: 'pdfLaTeX',
  SliTeX: 'SliTeX',
  LAMSTeX: 'LAMS-TeX',
  MFB: 'The METAFONTbook',
  TB: 'The TeXbook',
  POBox: 'P.O. Box',
  Dash: '—',
  // Sorting tricks print nothing.
  noopsort: '',
  SortNoop: '',
  sortnoop: '',
};

function unsupported(_node: unknown, tex: string): string {
  const name = /^\\([A-Za-z@]+)/.exec(tex)?.[1];
  if (name && LOGOS[name] !== undefined) return LOGOS[name];
  // An unknown command with an argument: its argument's text (\booktitle{X} -> X); without one, its name.
  const argument = tex
    .replace(/^\\[A-Za-z@]+\*?/, '')
    .replace(/[{}]/g, '')
    .trim();
  return argument || name || '';
}

/** The parser writes rich text as HTML (<i>, <sup>, case-protecting spans); records hold plain text. */
function plain(value: string): string {
  return (
    value
      .replace(/L\u1D2CT<sub>E<\/sub>X/g, 'LaTeX')
      .replace(/T<sub>E<\/sub>X/g, 'TeX')
      .replace(/<[^>]*>/g, '')
      // Spacing commands the parser leaves in math ($O(n \log n / \! \log\log n)$).
      .replace(/\\!/g, '')
      .replace(/\\[,;:> ]/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/[ \t\n]+/g, ' ')
      .trim()
      .normalize('NFC')
  ); // {\" e} comes out as e + a combining diaeresis
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month field: "9", "sep", "September", or "sep 14" as citation-js writes a day into it. */
function monthAndDay(month: string | undefined, day: string | undefined): [string?, string?] {
  if (month === undefined) return [undefined, day];
  const m = /^(\d{1,2}|[A-Za-z]+)\.?(?:\s+(\d{1,2}))?$/.exec(month.trim());
  if (!m) return [undefined, day];
  const index = /^\d+$/.test(m[1]!) ? Number(m[1]) : MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (index < 1 || index > 12) return [undefined, day];
  return [String(index), day ?? m[2]];
}

/** BibTeX/BibLaTeX entry types -> CSL types (BibLaTeX manual §2.1; CSL 1.0.2 types). */
const TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  booklet: 'pamphlet',
  inbook: 'chapter',
  bookinbook: 'chapter',
  suppbook: 'chapter',
  incollection: 'chapter',
  suppcollection: 'chapter',
  collection: 'book',
  mvcollection: 'book',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  proceedings: 'book',
  mvproceedings: 'book',
  manual: 'report',
  techreport: 'report',
  report: 'report',
  mastersthesis: 'thesis',
  phdthesis: 'thesis',
  thesis: 'thesis',
  unpublished: 'manuscript',
  misc: 'document',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  patent: 'patent',
  periodical: 'periodical',
  suppperiodical: 'article-journal',
  dataset: 'dataset',
  software: 'software',
  reference: 'book',
  mvreference: 'book',
  inreference: 'entry-encyclopedia',
  letter: 'personal_communication',
  audio: 'song',
  video: 'motion_picture',
  movie: 'motion_picture',
  artwork: 'graphic',
  image: 'graphic',
  legislation: 'legislation',
  legal: 'legislation',
  jurisdiction: 'legal_case',
  standard: 'standard',
  music: 'musical_score',
  performance: 'performance',
  review: 'review',
  interview: 'interview',
};

const THESIS_GENRE: Record<string, string> = { mastersthesis: "Master's thesis", phdthesis: 'PhD thesis' };

/** Plain fields whose CSL variable has another name (the rest of the known ones keep theirs). */
const FIELD_VARIABLES: Record<string, string> = {
  shorttitle: 'title-short',
  series: 'collection-title',
  pages: 'page',
  pagetotal: 'number-of-pages',
  volumes: 'number-of-volumes',
  edition: 'edition',
  doi: 'DOI',
  isbn: 'ISBN',
  issn: 'ISSN',
  url: 'URL',
  pmid: 'PMID',
  pmcid: 'PMCID',
  abstract: 'abstract',
  note: 'note',
  annote: 'annote',
  annotation: 'annote',
  chapter: 'chapter-number',
  eventtitle: 'event-title',
  venue: 'event-place',
  type: 'genre',
  howpublished: 'medium',
  version: 'version',
  volume: 'volume',
  language: 'language',
  langid: 'language',
  addendum: 'references',
  library: 'archive',
  shelfmark: 'call-number',
  titleaddon: 'title-short',
  origtitle: 'original-title',
  origpublisher: 'original-publisher',
  origlocation: 'original-publisher-place',
};

const CREATORS: Record<string, string> = {
  author: 'author',
  editor: 'editor',
  translator: 'translator',
  bookauthor: 'container-author',
  director: 'director',
  holder: 'author',
  scriptwriter: 'script-writer',
  commentator: 'commenter',
  collaborator: 'contributor',
};

function cslName(c: Creator): Record<string, string> {
  if (c.name !== undefined) return { literal: plain(c.name) };
  const out: Record<string, string> = {};
  if (c.lastName) out.family = plain(c.lastName);
  if (c.firstName) out.given = plain(c.firstName);
  if (c.prefix) out['non-dropping-particle'] = plain(c.prefix);
  if (c.suffix) out.suffix = plain(c.suffix);
  return out;
}

/**
 * A BibTeX year or BibLaTeX date into CSL date parts. "1992a" is 1992 (the letter, a disambiguation
 * suffix, stays in custom.bibtex); "2001--2009" a range; "[1965?]" and "c. 1965" approximate;
 * anything else, and "n.d.", is left as the text it is.
 */
function cslDate(value: string, month?: string, day?: string): Record<string, unknown> | undefined {
  const text = value.trim();
  if (text === '' || /^n\.?\s*d\.?$/i.test(text)) return undefined;
  const iso =
    /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:\s*(?:\/|--?|–)\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?)?$/.exec(text);
  if (iso) {
    const start = [Number(iso[1]), iso[2] ?? month, iso[3] ?? day]
      .filter((p) => p !== undefined && p !== '')
      .map(Number);
    const parts: number[][] = [start.filter((n) => Number.isFinite(n))];
    if (iso[4]) parts.push([iso[4], iso[5], iso[6]].filter((p) => p !== undefined).map(Number));
    return { 'date-parts': parts };
  }
  const year = /^\[?(?:c\.\s*|ca\.\s*|circa\s*)?(\d{4})(\??)\]?(?:[a-z]|ff\.?)?$/i.exec(text);
  if (year) {
    const parts = [Number(year[1]), month, day].filter((p) => p !== undefined && p !== '').map(Number);
    const approximate = year[2] === '?' || /^\[?c/i.test(text);
    return { 'date-parts': [parts.filter((n) => Number.isFinite(n))], ...(approximate ? { circa: true } : {}) };
  }
  return { literal: text };
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? plain(v) || undefined : Array.isArray(v) ? v.map(String).map(plain).join('; ') : undefined;

/** One parsed entry as a CSL-JSON item (every field kept, see the file comment). */
function toCsl(entry: Entry): Record<string, unknown> {
  const type = entry.type.toLowerCase();
  const f = entry.fields as Record<string, unknown>;
  const item: Record<string, unknown> = { id: entry.key, 'citation-key': entry.key, type: TYPES[type] ?? 'document' };
  const consumed = new Set<string>(['crossref']);
  /** The text of the first of these fields that has one, marking it as carried by a CSL variable. */
  const take = (...fields: string[]): string | undefined => {
    for (const field of fields) {
      const value = str(f[field]);
      if (value !== undefined) {
        consumed.add(field);
        return value;
      }
    }
    return undefined;
  };
  const set = (variable: string, value: unknown) => {
    if (value !== undefined && value !== '' && item[variable] === undefined) item[variable] = value;
  };
  if (THESIS_GENRE[type]) set('genre', THESIS_GENRE[type]);
  const subtype = str(f.entrysubtype) ?? '';
  if (type === 'article' && /newspaper/i.test(subtype)) item.type = 'article-newspaper';
  if (type === 'article' && /magazine/i.test(subtype)) item.type = 'article-magazine';
  const title = take('title');
  const subtitle = take('subtitle');
  set('title', title && subtitle ? `${title}: ${subtitle}` : title);
  set('container-title', take('journaltitle', 'journal', 'booktitle', 'maintitle'));
  const [month, day] = monthAndDay(str(f.month), str(f.day));
  const dated = take('date');
  const year = dated === undefined ? take('year') : undefined;
  if (year !== undefined) {
    if (month !== undefined) consumed.add('month');
    if (day !== undefined && f.day !== undefined) consumed.add('day');
  }
  set('issued', dated !== undefined ? cslDate(dated) : year !== undefined ? cslDate(year, month, day) : undefined);
  // A year with more than digits ("1992a", "[1965?]", "1980ff") keeps its text: the suffix tells works apart.
  if (year !== undefined && !/^\d{4}$/.test(year)) consumed.delete('year');
  if (dated !== undefined && !/^\d{4}(-\d\d){0,2}$/.test(dated)) consumed.delete('date');
  for (const [field, variable] of [
    ['urldate', 'accessed'],
    ['eventdate', 'event-date'],
    ['origdate', 'original-date'],
  ] as const) {
    const value = take(field);
    if (value !== undefined) set(variable, cslDate(value));
  }
  // "number" is an article's issue, a report's or a patent's number, a book's number in its series.
  const number = take('number');
  if (number !== undefined) {
    if (type === 'article' || type === 'periodical') set('issue', number);
    else if (f.series !== undefined && /book|collection|proceedings|reference/.test(type))
      set('collection-number', number);
    else set('number', number);
  }
  set('issue', take('issue'));
  set('publisher', take('publisher', 'institution', 'school', 'organization'));
  set('publisher-place', take('location', 'address'));
  if (Array.isArray(f.keywords)) {
    consumed.add('keywords');
    set('keyword', (f.keywords as unknown[]).map((k) => plain(String(k))).join(', '));
  }
  for (const [field, value] of Object.entries(f)) {
    if (consumed.has(field)) continue;
    const variable = CREATORS[field];
    if (variable && Array.isArray(value) && item[variable] === undefined) {
      const names = (value as Creator[]).map(cslName).filter((n) => Object.keys(n).length > 0);
      if (names.length > 0) {
        item[variable] = names;
        consumed.add(field);
        continue;
      }
    }
    const plainVariable = FIELD_VARIABLES[field];
    if (plainVariable && item[plainVariable] === undefined && str(value) !== undefined) {
      item[plainVariable] = str(value);
      consumed.add(field);
    }
  }
  // Every field no CSL variable carries (bibdate, coden, a second publisher...), as the parser read it.
  const rest = Object.fromEntries(Object.entries(f).filter(([field]) => !consumed.has(field)));
  item.custom = {
    bibtex: { type: entry.type, key: entry.key, ...(Object.keys(rest).length > 0 ? { fields: rest } : {}) },
  };
  return item;
}

/** Signs of TeX in a text: a command (\\"o, \\TeX, \\&) or a group in braces ({\\"o}, {NASA}). */
const TEX = /\\[A-Za-z@"'`^~=.]|[{}]/;

/**
 * TeX left in text from elsewhere (a RIS title exported from a .bib: "Caf{\\'e} culture",
 * "{\\TeX} and {\\TUB}") decoded to Unicode by the same parser and options as a .bib file's fields,
 * so both read alike. Text with no TeX in it, or that the parser cannot read as a field (unbalanced
 * braces), is returned as it is.
 */
export function decodeTex(text: string): string {
  if (!TEX.test(text)) return text;
  const library = parse(`@misc{tex, title = {${text}}}`, { english: false, sentenceCase: false, unsupported });
  const title = library.errors.length === 0 ? library.entries[0]?.fields.title : undefined;
  return typeof title === 'string' ? plain(title) : text;
}

const KEY_OF_INPUT = /^\s*@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)/;

/**
 * Reads a .bib file. Returns the entries it could read, as CSL-JSON with their line, and one
 * problem per entry it could not (its key and line, and the parser's reason).
 */
export function readBibtex(content: string): { items: BibtexItem[]; problems: BibtexProblem[] } {
  const source = content.replace(/^\uFEFF/, '');
  const library = parse(source, {
    english: false,
    sentenceCase: false,
    unsupported,
    applyCrossRef: true,
  });
  const lineAt = lineFinder(source);
  // Each entry carries its source text: found in order, it gives the entry's line.
  let from = 0;
  const lineOf = (input: string | undefined): number => {
    if (!input) return 0;
    const at = source.indexOf(input, from);
    if (at < 0) {
      const anywhere = source.indexOf(input);
      return anywhere < 0 ? 0 : lineAt(anywhere);
    }
    from = at + 1;
    return lineAt(at);
  };
  const problems: BibtexProblem[] = library.errors.map((e) => {
    const key = (e.input && KEY_OF_INPUT.exec(e.input)?.[2]) || '(no key)';
    const at = e.input ? source.indexOf(e.input.trimStart()) : -1;
    // One line: the parser quotes the text it found, new lines and all.
    const message = e.error.replace(/\s+/g, ' ');
    return { key, line: at < 0 ? Number(/at line (\d+)/.exec(e.error)?.[1] ?? 0) : lineAt(at), message };
  });
  // The parser returns what it salvaged of a broken entry too: those are reported, not imported.
  const broken = new Set(problems.map((p) => p.key));
  const items: BibtexItem[] = [];
  for (const entry of library.entries) {
    const line = lineOf(entry.input.trimStart());
    if (broken.has(entry.key)) continue;
    items.push({ item: toCsl(entry), line, key: entry.key });
  }
  return { items, problems };
}
