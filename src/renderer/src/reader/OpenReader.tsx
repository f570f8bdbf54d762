import { lazy, Suspense, useState } from 'react';
import type { RecordFile } from '../../../shared/channels/documents';
import { useT } from '../i18n/i18n';
import { readerSource } from './readerSource';
import './open-reader.css';

const ReaderDialog = lazy(() => import('./ReaderDialog'));

/**
 * The record viewer's "Open in reader" button, and the reader it opens at the page being viewed.
 * The button is not named by the file (the viewer around it is), so that looking for the file's
 * own button by its name finds one. Once opened the dialog stays mounted (closed), so closing can
 * hand focus back to this button.
 */
export function OpenReader({ file, page, onPage }: { file: RecordFile; page: number; onPage: (page: number) => void }) {
  const { t } = useT('reader');
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  if (!readerSource(file)) return null;
  return (
    <>
      <button
        type="button"
        className="open-reader"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {t('open')}
      </button>
      {loaded ? (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <ReaderDialog file={file} open={open} page={page} onPage={onPage} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
