/** "Cite these results (n)…": the first hits of a search cited together, in one dialog. */
import { useState } from 'react';
import { CiteDialog } from '../cite/CiteDialog';
import { useT } from '../i18n/i18n';

/** More than this many citations at once is a bibliography no one reads: the best hits are cited. */
const MOST = 500;

export function CiteResults({ hits }: { hits: readonly { id: number }[] }) {
  const { t } = useT('search');
  const [citing, setCiting] = useState<number[] | null>(null);
  return (
    <>
      {hits.length > 0 ? (
        <button type="button" className="quiet" onClick={() => setCiting(hits.slice(0, MOST).map((h) => h.id))}>
          {t('cite', { count: Math.min(hits.length, MOST) })}
        </button>
      ) : null}
      <CiteDialog ids={citing ?? []} open={citing !== null} onClose={() => setCiting(null)} />
    </>
  );
}
