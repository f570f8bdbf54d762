import { useEffect, useRef, type ReactNode } from 'react';
import { trapTab } from './focusTrap';

interface Props {
  open: boolean;
  /** The id of the dialog's heading: its accessible name. */
  labelledBy: string;
  /** The id of the text that says what the dialog asks (a confirmation's question). */
  describedBy?: string;
  className?: string;
  /** Escape, or the dialog's own Close/Cancel: the owner sets `open` to false. */
  onClose: () => void;
  /** Rendered only while open, so each opening starts from a fresh state. */
  children: ReactNode;
}

/**
 * Every modal dialog of the app, on the native <dialog>: the page behind it is inert, Tab wraps
 * inside it (trapTab), Escape asks the owner to close it, and focus goes back to whatever had it
 * before it opened.
 */
export function Modal({ open, labelledBy, describedBy, className, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    if (!open && dialog.open) {
      dialog.close();
      const back = returnTo.current;
      returnTo.current = null;
      if (back?.isConnected) back.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={trapTab}
      onCancel={(e) => {
        // A file input's picker closed with nothing chosen also fires "cancel", and it bubbles:
        // only the dialog's own (Escape) closes it, or dismissing the picker loses the dialog.
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        onClose();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
