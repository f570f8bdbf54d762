import { useEffect, useState } from 'react';
import type { JobView } from '../../../shared/channels/documents';
import { archive } from '../archive';
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
    }
    else setError(r.error.message);
  };

  const running = job && (job.status === 'pending' || job.status === 'running');
  const report = job?.status === 'done' ? (job.result as unknown as Report) : null;
  return (
    <section className="verify-action" aria-label="Fixity">
      <button type="button" disabled={Boolean(running)} onClick={() => void start()}>
        Check files
      </button>
      {running ? (
        <p className="muted" role="status">
          Checking{job.progressTotal ? ` file ${job.progressDone} of ${job.progressTotal}` : ''}…
        </p>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
      {job?.status === 'failed' ? <p className="error">The check failed: {job.error}</p> : null}
      {report ? (
        <div role="status">
          {report.problems === 0 ? (
            <p className="muted">
              {report.checked} stored file{report.checked === 1 ? '' : 's'} checked: all intact.
            </p>
          ) : (
            <>
              <p className="error">
                {report.problems} problem{report.problems === 1 ? '' : 's'} in {report.checked} files; nothing was changed.
              </p>
              <ul className="error">
                {report.missing.map((p) => (
                  <li key={`m${p.id}`}>Missing: file #{p.id} (record #{p.records.join(', #')})</li>
                ))}
                {report.altered.map((p) => (
                  <li key={`a${p.id}`}>Altered: file #{p.id} (record #{p.records.join(', #')})</li>
                ))}
                {report.orphaned.map((p) => (
                  <li key={p}>Orphaned: {p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
