/**
 * A message about what just happened (a batch applied, an export saved, an undo), shown in the
 * window's message row: a strip at the foot of the window kept for messages alone, so a message
 * never covers a control and its coming and going never moves the panes.
 *
 * A success goes by itself after SUCCESS_MESSAGE_MS, though not while the pointer is on it or the
 * focus in it; an error, or a warning to read, stays until dismissed. The live region stays in the
 * page while empty, so screen readers announce each message as it comes.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/i18n';

/**
 * How long a success stays before it goes by itself (ms): long enough to read a sentence twice.
 * The message carries it (data-goes-after), for a test to wait no longer than the app does.
 */
const SUCCESS_MESSAGE_MS = 8_000;

/** The message row's element, once App has laid it out (its ref), and who waits for it. */
let messageRow: HTMLElement | null = null;
const rowListeners = new Set<() => void>();

export function setMessageRow(element: HTMLElement | null): void {
  messageRow = element;
  for (const listener of rowListeners) listener();
}

function useMessageRow(): HTMLElement | null {
  return useSyncExternalStore(
    (listener) => (rowListeners.add(listener), () => rowListeners.delete(listener)),
    () => messageRow,
  );
}

interface Props {
  /** Empty: no message. */
  text: string;
  /**
   * passing: a success or a passing note, gone by itself; lasting: a warning, kept until
   * dismissed; error: kept too, and announced at once.
   */
  tone: 'passing' | 'lasting' | 'error';
  /** The message went by itself or was dismissed: the owner empties its text. */
  onGone: () => void;
  className?: string;
}

export function Message({ text, tone, onGone, className = '' }: Props): ReactNode {
  const row = useMessageRow();
  const { t } = useT('undo');
  // Held for the text it was held on: a new message starts its own time.
  const [heldOn, setHeldOn] = useState<string | null>(null);
  const held = heldOn === text;
  const fades = tone === 'passing' && text !== '' && !held;

  useEffect(() => {
    if (!fades) return;
    const timer = setTimeout(onGone, SUCCESS_MESSAGE_MS);
    return () => clearTimeout(timer);
    // onGone is a fresh closure on each render: the timer follows the message, not the render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fades, text]);

  const box = (
    <p
      className={`message ${tone} ${className}`.trim()}
      // An error is announced at once (alert); the rest politely (status).
      role={tone === 'error' ? 'alert' : 'status'}
      data-goes-after={tone === 'passing' ? SUCCESS_MESSAGE_MS : undefined}
      onMouseEnter={() => setHeldOn(text)}
      onMouseLeave={() => setHeldOn(null)}
      onFocus={() => setHeldOn(text)}
      onBlur={() => setHeldOn(null)}
    >
      {text ? <span className="message-text">{text}</span> : null}
      {text ? (
        <button
          type="button"
          className="message-dismiss"
          aria-label={t('dismiss')}
          title={t('dismiss')}
          onClick={onGone}
        >
          ×
        </button>
      ) : null}
    </p>
  );
  return row ? createPortal(box, row) : null;
}
