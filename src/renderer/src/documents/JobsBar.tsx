import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { archive } from '../archive';
import { useT } from '../i18n/i18n';
import { onJobsAnnounced } from './files';

type Jobs = OutputOf<'listJobs'>;

/**
 * Background work (imports, text, OCR) as progress bars: file i of n, page j of m. Looks at the
 * job list when woken (an import started, the catalogue changed) and keeps polling only while
 * something is pending or running — never when idle; tells the app when jobs finish so views refresh.
 */
export function JobsBar({ onFinished, wakeKey }: { onFinished: () => void; wakeKey: number | string }) {
  const { t } = useT('documents');
  const [jobs, setJobs] = useState<Jobs | null>(null);
  const doneCount = useRef<number | null>(null);
  const [announced, setAnnounced] = useState(0);
  useEffect(() => onJobsAnnounced(() => setAnnounced((n) => n + 1)), []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await archive.listJobs({ active: true, limit: 500 });
      if (stopped) return;
      if (r.ok) {
        setJobs(r.value);
        // Each finished job may have made a record or stored text: let the views catch up.
        const settled = r.value.counts.done + r.value.counts.failed + r.value.counts.cancelled;
        if (doneCount.current !== null && settled !== doneCount.current) onFinished();
        doneCount.current = settled;
        const busy = r.value.counts.pending + r.value.counts.running > 0;
        if (busy) timer = setTimeout(() => void poll(), 700);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [onFinished, wakeKey, announced]);

  const list = jobs?.jobs ?? [];
  const open = list.filter((j) => j.status === 'pending' || j.status === 'running');
  const failed = list.filter((j) => j.status === 'failed');
  if (open.length === 0 && failed.length === 0) return null;
  const imports = list.filter((j) => j.kind === 'import');
  const extracts = list.filter((j) => j.kind === 'extract');
  const finished = (xs: typeof list) => xs.filter((j) => j.status !== 'pending' && j.status !== 'running').length;
  const running = open.find((j) => j.status === 'running');
  const batches = [...new Set(open.map((j) => j.batch))];

  return (
    <section className="jobs-bar" aria-label={t('jobs.label')} aria-live="polite">
      {imports.length > 0 ? (
        <label className="job-line">
          <span>
            {t('jobs.storing', { current: Math.min(finished(imports) + 1, imports.length), total: imports.length })}
          </span>
          <progress max={imports.length} value={finished(imports)} />
        </label>
      ) : null}
      {extracts.length > 0 ? (
        <label className="job-line">
          <span>
            {t('jobs.reading', { current: Math.min(finished(extracts) + 1, extracts.length), total: extracts.length })}
            {running?.kind === 'extract' && running.progressTotal > 0
              ? `, ${running.progressLabel ?? t('jobs.pageOf', { current: running.progressDone + 1, total: running.progressTotal })}`
              : ''}
          </span>
          <progress
            max={extracts.length}
            value={
              finished(extracts) + (running && running.progressTotal ? running.progressDone / running.progressTotal : 0)
            }
          />
        </label>
      ) : null}
      {batches.length > 0 ? (
        <button
          type="button"
          className="danger-quiet"
          onClick={() => void Promise.all(batches.map((batch) => archive.cancelJobs({ batch })))}
        >
          {t('jobs.cancel')}
        </button>
      ) : null}
      {failed.length > 0 ? (
        <details className="job-failures">
          <summary>{t('jobs.failed', { count: failed.length })}</summary>
          <ul>
            {failed.map((j) => (
              <li key={j.id}>
                {j.name}: {j.error}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
