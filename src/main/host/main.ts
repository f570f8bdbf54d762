/**
 * `npm run serve -- [--library DIR] [--port N]`: the browser host. Prints one line with the URL
 * (carrying the token) and serves until stopped.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveFailure } from '../../shared/result';
import { chooseLibrary, rendererDir, resourcePath } from '../locations';
import { createService } from '../service/service';
import { workerExecutor } from '../service/worker-executor';
import { startSnapshotKeeper } from '../search/snapshot-keeper';
import { JobRunner } from '../files/jobs/runner';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { library: { type: 'string' }, port: { type: 'string' }, verbose: { type: 'boolean' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArchiveFailure('invalid_input', `--port: "${values.port}" is not a port number`);
  const library = chooseLibrary(values.library);
  const executor = await workerExecutor(library, 'browser host');
  const service = createService(executor);
  // Imports, text extraction and OCR run in the background; unfinished jobs resume now.
  const runner = new JobRunner({ service, libraryRoot: path.resolve(library), idlePollMs: 500 });
  runner.start();
  const host = await startHost({
    service,
    files: { libraryRoot: path.resolve(library), onUpload: () => runner.kick() },
    rendererDir: rendererDir(),
    faviconFile: resourcePath('icon.ico'),
    port,
    ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
  });
  const keeper = startSnapshotKeeper(library, service, 15_000, values.verbose ? (l) => console.error(l) : undefined);
  void keeper.refresh();
  console.log(`Civic Archive browser host: ${host.url}`);
  console.log(`Library: ${library}`);
  const stop = () => {
    keeper.stop();
    void host.close().then(() => runner.stop()).then(() => service.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`civic-archive serve: ${(error as Error).message}`);
  process.exit(error instanceof ArchiveFailure ? 1 : 2);
});
