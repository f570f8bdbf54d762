/**
 * English left in a Chinese interface: the words a user sees or hears (visible text, aria-label,
 * title, placeholder, alt) that are not on a short allow-list of proper names and formats. Used by
 * the Chinese walk and the keyboard walk, so both judge a screen the same way.
 */
import type { Locator } from '@playwright/test';

/** Proper names, formats and standards that stay as they are in a Chinese interface. */
const ALLOWED = new Set([
  'BibTeX',
  'CSV',
  'RIS',
  'CSL',
  'JSON',
  'CSL-JSON',
  'APA',
  'MLA',
  'PDF',
  'OCR',
  'BagIt',
  'Zotero',
  'EndNote',
  'XML',
  'PubMed',
  'nbib',
  'MEDLINE',
  'MODS',
  'Tesseract',
  'SHA',
  'UTF',
  'TIFF',
  'JPEG',
  'PNG',
  'BCP',
  'URL',
  'KB',
  'MB',
  'GB',
  'Ctrl',
  'Shift',
  'Alt',
  'Enter',
  'Esc',
  'Tab',
  // The search language's own words, as typed: OR and field names such as year:.
  'OR',
  'year',
  // Style ids and language codes are identifiers; "Sept 2018", "c. 1988" show how a date may be typed.
  'ID',
  'chicago',
  'en',
  'zh-Hans',
  'Sept',
  'Civic',
  'Archive',
  // How a date is written, in ISO 8601's notation (请使用 YYYY、YYYY-MM 或 YYYY-MM-DD).
  'YYYY',
  'MM',
  'DD',
  // Encodings by their WHATWG labels, as the file details and the import's encoding show them (utf-8, gb18030).
  'utf',
  'gb',
  'windows',
]);

/** The little of the DOM the scan uses (this project's tests compile without the DOM types). */
interface ScanNode {
  parentElement: ScanElement | null;
  textContent: string | null;
}
interface ScanElement {
  closest(selector: string): ScanElement | null;
  checkVisibility(): boolean;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<ScanElement>;
  ownerDocument: { createTreeWalker(root: ScanElement, show: number): { nextNode(): ScanNode | null } };
}

/** In the page: the scope's rendered text nodes and the accessible-name attributes of its rendered elements. */
function textsOf(root: ScanElement): string[] {
  const out: string[] = [];
  const skip = (el: ScanElement) => el.closest('code, kbd, script, style, template, [translate="no"]') !== null;
  const SHOW_TEXT = 4;
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skip(parent) || !parent.checkVisibility()) continue;
    out.push(node.textContent ?? '');
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (skip(el) || !el.checkVisibility()) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext']) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  return out;
}

/**
 * The English words left in what a user sees or hears: the visible text and the aria-label,
 * title, placeholder and alt of every rendered element. Paths, file names and command-line
 * syntax (<code>, <kbd>) and proper names marked translate="no" (a citation style's title) are the
 * user's or the world's, not the interface's, so they are left out.
 */
export async function englishLeft(scope: Locator, gap?: RegExp): Promise<string[]> {
  const texts = await scope.evaluate(textsOf as (root: unknown) => string[]);
  // Each word once, with the text it stood in, so that a failure says where to look.
  const words = new Map<string, string>();
  for (const text of texts) {
    if (gap?.test(text.trim())) continue;
    const cleaned = text
      // Paths and file names: /tmp/…, C:\…, something.pdf
      .replace(/\S*[/\\]\S*/g, ' ')
      .replace(/\S+\.(?:pdf|txt|csv|bib|ris|json|tif|tiff|jpg|png|xml|csl|gz)\b/gi, ' ')
      // A file's SHA-256, as the viewer shows it.
      .replace(/\b[0-9a-f]{64}\b/g, ' ')
      // Identifiers the user types elsewhere: an environment variable, a file ending, OCR languages (eng+chi_sim).
      .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ')
      .replace(/(?:^|\s)\.\w+/g, ' ')
      .replace(/\b\w+\+\w+\b/g, ' ');
    for (const word of cleaned.match(/[A-Za-z][A-Za-z-]*[A-Za-z]/g) ?? []) {
      const allowed = ALLOWED.has(word) || word.split('-').every((part) => ALLOWED.has(part));
      if (!allowed && !words.has(word)) words.set(word, text.trim().slice(0, 120));
    }
  }
  return [...words].map(([word, text]) => `${word} ← ${text}`).sort();
}
