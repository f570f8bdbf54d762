/**
 * What the browser host runs on a library: its catalogue worker and service, the job runner
 * (imports, text, OCR) and the search snapshot keeper — opened together and closed together, so
 * the host can move to another library (LibrarySwitch) without leaving any of them behind.
 */
import path from 'node:path';
import { JobRunner } from '../documents/jobs/runner';
import { startSnapshotKeeper } from '../search/snapshot-keeper';
import type { OpenedLibrary } from '../service/library-switch';
import { createService } from '../service/service';
import { workerExecutor } from '../service/worker-executor';

/** `door`: who acts, for the audit trail (the desktop app opens its libraries this way too, as "app"). */
export async function openHostLibrary(
  dir: string,
  log?: (line: string) => void,
  door = 'browser host',
): Promise<OpenedLibrary> {
  const root = path.resolve(dir);
  const service = createService(await workerExecutor(root, door));
  // Unfinished jobs of this library resume now.
  const runner = new JobRunner({ service, libraryRoot: root, idlePollMs: 500 });
  runner.start();
  const keeper = startSnapshotKeeper(root, service, 15_000, log);
  void keeper.refresh();
  return {
    root,
    service,
    kick: () => runner.kick(),
    close: async () => {
      keeper.stop();
      await runner.stop();
      await service.close();
    },
  };
}
