/**
 * Keeps the search snapshot close to the catalogue: when the revision has moved on and the
 * catalogue has been quiet for a while, a background thread writes a fresh snapshot. Used by the
 * app and the browser host; the CLI's `reindex` writes one directly.
 */
import { Worker } from 'node:worker_threads';
import type { Service } from '../service/service';
import { workerScript } from '../worker-script';
import { libraryPaths } from '../catalogue/library';
import { storedSnapshotRevision } from './snapshot';

export interface SnapshotKeeper {
  /** Writes a snapshot now if the catalogue moved on since the last one; resolves when done. */
  refresh(): Promise<void>;
  stop(): void;
}

export function startSnapshotKeeper(
  libraryDir: string,
  service: Service,
  everyMs = 15_000,
  log: (line: string) => void = () => {},
): SnapshotKeeper {
  // The snapshot on disk counts when current: without this, every start rewrote it (62 MB and
  // seconds of a core at 100,000 records) even when the catalogue had not moved since.
  let snapshotRevision = storedSnapshotRevision(libraryPaths(libraryDir)) ?? -1;
  let lastSeen = -1;
  let running: Promise<void> | null = null;

  const build = () =>
    new Promise<void>((resolve) => {
      const { file, execArgv } = workerScript('snapshot-worker', 'search/snapshot-worker.ts');
      const worker = new Worker(file, { workerData: { libraryDir }, execArgv });
      worker.once(
        'message',
        (m: { ok: boolean; value?: { revision: number; documents: number; bytes: number }; message?: string }) => {
          if (m.ok && m.value) {
            snapshotRevision = m.value.revision;
            log(
              `search snapshot: ${m.value.documents} records at revision ${m.value.revision} (${m.value.bytes} bytes)`,
            );
          } else log(`search snapshot failed: ${m.message}`);
        },
      );
      worker.once('error', (e: Error) => log(`search snapshot failed: ${e.message}`));
      worker.once('exit', () => resolve());
    });

  const refresh = async () => {
    if (running) return running;
    // Only the revision: libraryInfo also counts every record by type, tens of milliseconds of the
    // catalogue's one thread at 100,000 records, taken from the window opening beside it.
    const info = await service.call('libraryRevision', {});
    if (!info.ok || info.value.revision === snapshotRevision) return;
    running = build().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => {
    void service.call('libraryRevision', {}).then((info) => {
      if (!info.ok) return;
      const revision = info.value.revision;
      // Quiet since the last tick, and different from the snapshot: write one.
      if (revision === lastSeen && revision !== snapshotRevision) void refresh();
      lastSeen = revision;
    });
  }, everyMs);
  timer.unref();
  return { refresh, stop: () => clearInterval(timer) };
}
