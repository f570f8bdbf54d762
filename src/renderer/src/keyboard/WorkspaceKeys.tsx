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
import { fileUrl } from '../documents/files';
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
  return [...document.querySelectorAll<HTMLAnchorElement>('.list-pane a[href^="#/records/"]')].filter((a) => /^#\/records\/\d+$/.test(a.getAttribute('href') ?? ''));
}

function step(selectedId: number | null, by: 1 | -1): boolean {
  const links = listLinks();
  if (links.length === 0) return false;
  const at = selectedId === null ? -1 : links.findIndex((a) => a.getAttribute('href') === routeHref({ view: 'record', id: selectedId }));
  const next = at < 0 ? (by === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + by));
  const link = links[next]!;
  const id = Number(link.getAttribute('href')!.split('/').pop());
  navigate({ view: 'record', id });
  link.focus();
  link.scrollIntoView({ block: 'nearest' });
  return true;
}

export function WorkspaceKeys({ selectedId, editing, onNewRecord, onEdit }: Props) {
  const { t } = useT('keyboard');
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState('');
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
    const button = editing ? null : document.querySelector<HTMLButtonElement>('.record-pane .record-header button.danger-quiet');
    if (!button || button.disabled) return false;
    button.click();
  });
  useShortcut('next', () => step(selectedId, 1));
  useShortcut('previous', () => step(selectedId, -1));
  useShortcut('openFile', () => {
    if (selectedId === null) return false;
    // Within the few seconds a key press counts as the user's own action, so no popup blocker stops it.
    void archive.recordFiles({ recordId: selectedId }).then((files) => {
      const file = files.ok ? files.value[0] : undefined;
      if (file) {
        window.open(fileUrl(file.sha256), '_blank', 'noopener');
        setNotice('');
      } else setNotice(files.ok ? t('noFile') : files.error.message);
    });
  });

  return (
    <>
      <button type="button" className="icon" aria-label={t('open')} title={t('open')} aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
        ?
      </button>
      <p className="shortcut-notice" role="status">
        {notice}
      </p>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
