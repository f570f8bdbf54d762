import { useEffect, useState } from 'react';
import type { JobView } from '../../../shared/channels/documents';
import { archive } from '../archive';
import { errorWords } from '../common/errorWords';
import { useT } from '../i18n/i18n';
import { announceJobs } from './files';

interface Report {
  checked: number;
  ok: number;
  problems: number;
  missing: { id: number; records: number[]; detail: string }[];
  altered: { id: number; records: number[]; detail: string }[];
  orphaned: string[];
}

/** "Check files": re-hashes every stored file in the background and shows what is missing, altered or orphaned. Repairs nothing. */
export function VerifyAction() {
  const { t } = useT('documents');
  const [batch, setBatch] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!batch) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await archive.listJobs({ batch, limit: 1 });
      if (stopped) return;
      const j = r.ok ? (r.value.jobs[0] ?? null) : null;
      setJob(j);
      if (j && (j.status === 'pending' || j.status === 'running')) timer = setTimeout(() => void poll(), 700);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batch]);

  const start = async () => {
    setError(null);
    const r = await archive.startVerify({});
    if (r.ok) {
      setBatch(r.value.batch);
      announceJobs();
    } else setError(errorWords(r.error));
  };

  const running = job && (job.status === 'pending' || job.status === 'running');
  const report = job?.status === 'done' ? (job.result as unknown as Report) : null;
  return (
    <section className="verify-action" aria-label={t('verify.label')}>
      <button type="button" disabled={Boolean(running)} onClick={() => void start()}>
        {t('verify.check')}
      </button>
      {running ? (
        <p className="muted" role="status">
          {job.progressTotal
            ? t('verify.checkingFile', { done: job.progressDone, total: job.progressTotal })
            : t('verify.checking')}
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {job?.status === 'failed' ? <p className="error">{t('verify.failed', { reason: job.error })}</p> : null}
      {report ? (
        <div role="status">
          {report.problems === 0 ? (
            <p className="muted">{t('verify.intact', { count: report.checked })}</p>
          ) : (
            <>
              <p className="error">{t('verify.problems', { count: report.problems, checked: report.checked })}</p>
              <ul className="error">
                {report.missing.map((p) => (
                  <li key={`m${p.id}`}>{t('verify.missing', { id: p.id, records: p.records.join(', #') })}</li>
                ))}
                {report.altered.map((p) => (
                  <li key={`a${p.id}`}>{t('verify.altered', { id: p.id, records: p.records.join(', #') })}</li>
                ))}
                {report.orphaned.map((p) => (
                  <li key={p}>{t('verify.orphaned', { path: p })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
