/**
 * The shortcut registry: one keydown listener for the window, and handlers registered per
 * shortcut. The handler registered last is asked first, so a part of the screen that knows better
 * (an editor, a dialog) can answer a shortcut before the workspace's default; a handler returns
 * false to pass the key on.
 */
import { useEffect, useRef } from 'react';
import { matches, SHORTCUTS, type ShortcutId } from './shortcuts';

export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

const handlers = new Map<ShortcutId, ShortcutHandler[]>();

function registerShortcut(id: ShortcutId, handler: ShortcutHandler): () => void {
  const list = handlers.get(id) ?? [];
  list.push(handler);
  handlers.set(id, list);
  return () => {
    const at = list.indexOf(handler);
    if (at >= 0) list.splice(at, 1);
  };
}

/** Registers a handler for as long as the component is mounted (and `enabled`); always calls the latest handler. */
export function useShortcut(id: ShortcutId, handler: ShortcutHandler, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => (enabled ? registerShortcut(id, (e) => latest.current(e)) : undefined), [id, enabled]);
}

/** Where a typed letter belongs to a field, not to a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  return false;
}

/** A modal dialog has the keyboard: the workspace's shortcuts wait until it closes. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open]:modal') !== null;
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  const typing = isTyping(e.target);
  for (const shortcut of SHORTCUTS) {
    if (!shortcut.dispatched || (typing && !shortcut.whileTyping)) continue;
    if (!shortcut.chords.some((c) => matches(c, e))) continue;
    if (modalOpen()) return;
    const list = handlers.get(shortcut.id) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!(e) !== false) {
        e.preventDefault();
        return;
      }
    }
    return;
  }
}

/** Installs the window's listener (once, by the app). */
export function useShortcutListener(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
