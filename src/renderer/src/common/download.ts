/** Saving text the user asked for as a file: a download in the browser host, a save dialog in the desktop app. */
export function saveText(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Puts both an HTML and a plain-text version on the clipboard, so a word processor keeps the italics.
 * The desktop app grants web pages no permissions (the Clipboard API included), so where that API
 * is refused, the rendered preview itself is selected and copied, which also yields HTML and text.
 */
export async function copyCitation(html: string, text: string, rendered: HTMLElement | null): Promise<void> {
  try {
    if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return;
    }
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* refused: copy the selection below */
  }
  if (!rendered) throw new Error('the clipboard is not available');
  const selection = window.getSelection();
  const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const range = document.createRange();
  range.selectNodeContents(rendered);
  selection?.removeAllRanges();
  selection?.addRange(range);
  const copied = document.execCommand('copy');
  selection?.removeAllRanges();
  if (saved) selection?.addRange(saved);
  if (!copied) throw new Error('the clipboard is not available');
}

/** Puts plain text (BibTeX, RIS, CSL-JSON) on the clipboard; where the Clipboard API is refused, through a hidden text area. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* refused: copy from a selected text area below */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  focused?.focus();
  if (!copied) throw new Error('the clipboard is not available');
}
