/**
 * Checks a CSL style file before it is installed, so a broken file is refused with a reason a
 * person can act on ("line 12: <layout> is closed by </citation>"), rather than failing later
 * inside the CSL processor with an obscure error. The structure checked is CSL 1.0's: a
 * well-formed XML document whose root is <style> in the CSL namespace, with an <info> carrying a
 * <title> and an <id>, a <citation> with a <layout>, and only CSL elements.
 */
import { lineFinder } from '../../shared/line-numbers';
import type { ReasonParams, StyleProblem } from '../../shared/errors/reasons';
import { ArchiveFailure } from '../../shared/result';

const CSL_NS = 'http://purl.org/net/xbiblio/csl';
const ELEMENTS = new Set(
  (
    'style info title title-short id link author contributor name email uri category issn eissn issnl summary rights ' +
    'updated published locale style-options date date-part terms term single multiple macro citation bibliography ' +
    'sort key layout text number names label substitute group choose if else-if else et-al name-part institution ' +
    'institution-part intext'
  ).split(' '),
);

export interface StyleOutline {
  id: string;
  title: string;
  citationClass: string;
  defaultLocale: string | null;
  /** The date of <updated> (YYYY-MM-DD), if the style has one. */
  updated: string | null;
}

interface Element {
  name: string;
  attrs: Map<string, string>;
  line: number;
  children: Element[];
  text: string;
}

const refuse = (problem: StyleProblem, more: Omit<ReasonParams['style_unusable'], 'problem'> = {}): never => {
  throw new ArchiveFailure('invalid_input', 'style_unusable', { problem, ...more }, 'xml');
};

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });

/**
 * A style file may not declare or use entities beyond XML's five. Declarations are how an "XML
 * bomb" (entities nested to expand to gigabytes) and an external entity (one that reads a file or
 * a URL) work; a CSL style never needs them.
 */
function refuseEntities(xml: string, lineAt: (index: number) => number): void {
  const doctype = /<!DOCTYPE\b[^>[]*(\[)?/i.exec(xml);
  if (doctype && (doctype[1] || /\b(SYSTEM|PUBLIC)\b/.test(doctype[0]))) {
    refuse(doctype[1] ? 'doctype_entities' : 'doctype_external', { line: lineAt(doctype.index) });
  }
  const entity = /<!ENTITY\b/i.exec(xml);
  if (entity) refuse('entity_declared', { line: lineAt(entity.index) });
  const reference = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)([^\s;&<]*);?/gi.exec(
    xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length)),
  );
  if (reference) {
    if (reference[1] && reference[0].endsWith(';'))
      refuse('entity_undefined', { line: lineAt(reference.index), name: reference[1] });
    refuse('bare_ampersand', { line: lineAt(reference.index) });
  }
}

/** A small, strict XML reader: enough to check well-formedness with line numbers. */
function parseXml(xml: string): Element {
  const lineAt = lineFinder(xml);
  refuseEntities(xml, lineAt);
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|[^<]+/g;
  const stack: Element[] = [];
  let root: Element | null = null;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [whole, cdata, closing, opening, attrText, selfClosing] = m;
    const line = lineAt(m.index);
    if (whole === '<') refuse('bad_lt', { line });
    if (whole.startsWith('<!--') || whole.startsWith('<?') || whole.startsWith('<!DOCTYPE')) continue;
    if (cdata !== undefined || !whole.startsWith('<')) {
      const text = cdata ?? whole;
      const parent = stack[stack.length - 1];
      if (parent) parent.text += cdata ?? decode(text);
      else if (text.trim() !== '') refuse('text_outside', { line });
      continue;
    }
    if (closing !== undefined) {
      const open = stack.pop();
      if (!open) refuse('closes_nothing', { line, name: closing });
      else if (open.name !== closing)
        refuse('mismatched', { line, name: open.name, openLine: open.line, other: closing });
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (attrText ?? '').matchAll(/([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      if (attrs.has(a[1]!)) refuse('attribute_twice', { line, name: opening!, other: a[1]! });
      attrs.set(a[1]!, decode(a[3] ?? a[4] ?? ''));
    }
    const element: Element = { name: opening!, attrs, line, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) refuse('second_root', { line, name: opening! });
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  const unclosed = stack.pop();
  if (unclosed) refuse('unclosed', { name: unclosed.name, openLine: unclosed.line });
  if (!root) refuse('no_element');
  return root!;
}

function child(e: Element, name: string): Element | undefined {
  return e.children.find((c) => c.name === name);
}

function checkElements(e: Element): void {
  if (!ELEMENTS.has(e.name)) refuse('not_csl_element', { line: e.line, name: e.name });
  e.children.forEach(checkElements);
}

export function checkStyle(xml: string): StyleOutline {
  const root = parseXml(xml.replace(/^\uFEFF/, ''));
  if (root.name !== 'style') refuse('wrong_root', { name: root.name });
  if (root.attrs.get('xmlns') !== CSL_NS) refuse('wrong_namespace', { other: CSL_NS });
  const version = root.attrs.get('version');
  if (!version) refuse('no_version');
  if (!/^1\.0/.test(version!)) refuse('wrong_version', { other: version! });
  const citationClass = root.attrs.get('class');
  if (citationClass !== 'in-text' && citationClass !== 'note') refuse('wrong_class');
  checkElements(root);
  const info = child(root, 'info');
  if (!info) refuse('no_info');
  const title = child(info!, 'title')?.text.trim();
  const id = child(info!, 'id')?.text.trim();
  if (!title) refuse('no_title');
  if (!id) refuse('no_id');
  const isDependent = info!.children.some((c) => c.name === 'link' && c.attrs.get('rel') === 'independent-parent');
  if (isDependent) refuse('dependent');
  const citation = child(root, 'citation');
  if (!citation || !child(citation, 'layout')) refuse('no_citation');
  const bibliography = child(root, 'bibliography');
  if (bibliography && !child(bibliography, 'layout')) refuse('bibliography_no_layout', { line: bibliography.line });
  const macros = new Set(root.children.filter((c) => c.name === 'macro').map((c) => c.attrs.get('name')));
  const walk = (e: Element) => {
    const macro = e.name === 'text' ? e.attrs.get('macro') : undefined;
    if (macro !== undefined && !macros.has(macro)) refuse('undefined_macro', { line: e.line, name: macro });
    e.children.forEach(walk);
  };
  walk(root);
  const updated = /^\d{4}-\d{2}-\d{2}/.exec(child(info!, 'updated')?.text.trim() ?? '')?.[0] ?? null;
  return {
    id: id!,
    title: title!,
    citationClass: citationClass!,
    defaultLocale: root.attrs.get('default-locale') ?? null,
    updated,
  };
}
