/**
 * The workspace's shortcuts: installs the window's key listener, answers the shortcuts that act
 * on the workspace as a whole, and offers the shortcut list (`?`, or its header button).
 * The list and the record pane are found through the document (the list's record links, the
 * record pane's delete button, the editor's form) so each stays the one place its action lives:
 * pressing Delete is exactly the same as pressing the pane's Delete… button, confirmation included.
 */
import { useState } from 'react';
import { navigate, routeHref } from '../app/route';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import { Message } from '../common/Message';
import { fileUrl, inDesktopApp } from '../documents/files';
import { useT } from '../i18n/i18n';
import { useShortcut, useShortcutListener } from './registry';
import { ShortcutsDialog } from './ShortcutsDialog';
import './keyboard.css';

interface Props {
  selectedId: number | null;
  editing: boolean;
  onNewRecord: () => void;
  onEdit: (id: number) => void;
}

/** The record links of the list or search results, in the order shown. */
function listLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('.list-pane a[href^="#/records/"]')].filter((a) =>
    /^#\/records\/\d+$/.test(a.getAttribute('href') ?? ''),
  );
}

function step(selectedId: number | null, by: 1 | -1): boolean {
  const links = listLinks();
  if (links.length === 0) return false;
  const at =
    selectedId === null
      ? -1
      : links.findIndex((a) => a.getAttribute('href') === routeHref({ view: 'record', id: selectedId }));
  const next = at < 0 ? (by === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + by));
  const link = links[next]!;
  const id = Number(link.getAttribute('href')!.split('/').pop());
  navigate({ view: 'record', id });
  // Scroll the row, not the link: a link scrolled inside its clipped cell would hide its own title.
  link.focus({ preventScroll: true });
  (link.closest('[role="row"], tr, li') ?? link).scrollIntoView({ block: 'nearest' });
  return true;
}

export function WorkspaceKeys({ selectedId, editing, onNewRecord, onEdit }: Props) {
  const { t } = useT('keyboard');
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<{ text: string; failed: boolean }>({ text: '', failed: false });
  useShortcutListener();

  useShortcut('help', () => setHelpOpen(true));
  useShortcut('newRecord', () => onNewRecord());
  useShortcut('edit', () => (selectedId !== null && !editing ? onEdit(selectedId) : false));
  useShortcut('focusSearch', () => {
    const search = document.getElementById('search');
    if (!(search instanceof HTMLInputElement)) return false;
    search.focus();
    search.select();
  });
  useShortcut('save', () => {
    const form = document.querySelector<HTMLFormElement>('.record-pane.editor form');
    if (!form) return false;
    form.requestSubmit();
  });
  useShortcut('delete', () => {
    const button = editing
      ? null
      : document.querySelector<HTMLButtonElement>('.record-pane .record-header button.danger-quiet');
    if (!button || button.disabled) return false;
    button.click();
  });
  useShortcut('next', () => step(selectedId, 1));
  useShortcut('previous', () => step(selectedId, -1));
  useShortcut('openFile', () => {
    if (selectedId === null) return false;
    void archive.recordFiles({ recordId: selectedId }).then((files) => {
      const file = files.ok ? files.value[0] : undefined;
      if (!file)
        return setNotice(
          files.ok ? { text: t('noFile'), failed: false } : { text: errorWords(files.error), failed: true },
        );
      setNotice({ text: '', failed: false });
      // The desktop app opens no other windows: there the file opens in the record's own viewer.
      // In a browser, within the seconds a key press counts as the user's action (no popup blocker).
      if (!inDesktopApp) return void window.open(fileUrl(file.sha256), '_blank', 'noopener');
      const button = document.querySelector<HTMLButtonElement>('.record-pane .documents .file-item');
      button?.click();
      button?.focus({ preventScroll: true });
      document.querySelector('.record-pane .documents .viewer')?.scrollIntoView({ block: 'start' });
    });
  });

  return (
    <>
      <button
        type="button"
        className="icon"
        aria-label={t('open')}
        title={t('open')}
        aria-keyshortcuts="?"
        onClick={() => setHelpOpen(true)}
      >
        ?
      </button>
      {/* "This record has no file" answers a key press and goes by itself; a failure stays. */}
      <Message
        text={notice.text}
        tone={notice.failed ? 'error' : 'passing'}
        onGone={() => setNotice({ text: '', failed: false })}
      />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
