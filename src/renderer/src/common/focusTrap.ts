import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal dialog: from the last control to the first and back. A native modal
 * dialog makes the page behind it inert, but Chromium still lets Tab leave the document from the
 * dialog's last control (to the browser's own toolbar); this closes that gap.
 */
export function trapTab(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Tab' || e.defaultPrevented) return;
  const stops = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
  if (stops.length === 0) return;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const here = document.activeElement;
  if (e.shiftKey && (here === first || !e.currentTarget.contains(here))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (here === last || !e.currentTarget.contains(here))) {
    e.preventDefault();
    first.focus();
  }
}
