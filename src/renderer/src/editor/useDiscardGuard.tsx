/**
 * A form that holds typing not yet saved does not let it go silently: Cancel, Escape, a link or
 * a key that opens another record, the back button — each asks "Discard changes?" first. A form
 * as it was opened closes at once. Closing or reloading the window asks too (`beforeunload`: the
 * browser's own prompt, or in the desktop app the shell's Leave / Stay, src/main/shell/leave.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { leaveTo, setLeaveGuard } from '../app/route';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useT } from '../i18n/i18n';

export function useDiscardGuard(dirty: boolean) {
  const { t } = useT('editor');
  // What to do once the user agrees: the form's own cancel, or the place a link was going to.
  const [pending, setPending] = useState<(() => void) | null>(null);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    setLeaveGuard((to) => {
      if (!dirtyRef.current) return true;
      setPending(() => () => leaveTo(to));
      return false;
    });
    return () => setLeaveGuard(null);
  }, []);

  // Only while there is something to lose: a clean form lets the window close or reload at once.
  useEffect(() => {
    if (!dirty) return;
    const hold = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older engines ask only when returnValue is set; its text is not shown any more.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, [dirty]);

  /** Runs `then` at once if nothing would be lost, or after the user agrees to lose it. */
  const ask = (then: () => void) => {
    if (!dirtyRef.current) {
      setLeaveGuard(null);
      then();
    } else setPending(() => then);
  };

  /** The form is saved: leaving it loses nothing. */
  const release = () => setLeaveGuard(null);

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={t('discard.title')}
      message={t('discard.message')}
      confirmLabel={t('discard.confirm')}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const go = pending;
        setPending(null);
        setLeaveGuard(null);
        go?.();
      }}
    />
  );
  return { ask, release, dialog };
}
