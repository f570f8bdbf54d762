/** Entry of the thread that writes the search snapshot, so building it never blocks the catalogue or a window. */
import { parentPort, workerData } from 'node:worker_threads';
import { libraryPaths } from '../catalogue/library';
import { writeSnapshotFor } from './snapshot';

const { libraryDir } = workerData as { libraryDir: string };
try {
  parentPort?.postMessage({ ok: true, value: writeSnapshotFor(libraryPaths(libraryDir)) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message });
}
