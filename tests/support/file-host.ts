/**
 * The browser host in process on a fresh test library, with the job runner behind its upload
 * route (no OCR) and a stub renderer folder: the tests of the host's file routes and of its body
 * limits both need exactly this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JobRunner } from '../../src/main/documents/jobs/runner';
import { startHost, type Host } from '../../src/main/host/server';
import { openTestLibrary, tempDir, type TestLibrary } from './catalogue';

export interface FileHost {
  lib: TestLibrary;
  host: Host;
  runner: JobRunner;
  /** Stops the host, then the runner, then closes the library. */
  close(): Promise<void>;
}

export async function startFileHost(): Promise<FileHost> {
  const lib = await openTestLibrary();
  const runner = new JobRunner({ service: lib.service, libraryRoot: lib.dir, ocr: false, idlePollMs: 50 });
  runner.start();
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  const host = await startHost({
    service: lib.service,
    rendererDir,
    files: { libraryRoot: lib.dir, onUpload: () => runner.kick() },
  });
  return {
    lib,
    host,
    runner,
    close: async () => {
      await host.close();
      await runner.stop();
      await lib.close();
    },
  };
}
