/**
 * Which key press means undo or redo. Cmd on a Mac, Ctrl elsewhere; Ctrl+Y also redoes outside
 * the Mac. Presses in a text field, or while a modal dialog is open, are left alone: there they
 * undo typing, which the browser does better than we could.
 */
const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
  );
}

export function undoKey(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (e.defaultPrevented || e.isComposing || e.altKey) return null;
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || inTextField(e.target) || document.querySelector('dialog[open]:modal')) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !mac && !e.shiftKey) return 'redo';
  return null;
}
