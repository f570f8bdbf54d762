/**
 * `npm run serve -- [--library DIR] [--port N] [--allow-dir DIR]...`: the browser host. Prints one
 * line with the URL (carrying the token) and serves until stopped. Paths given through the browser
 * (imports, bags, backups, another library) must lie in the library folder or an --allow-dir.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveFailure } from '../../shared/result';
import { chooseLibrary, rendererDir, resourcePath } from '../locations';
import { LibrarySwitch } from '../service/library-switch';
import { openHostLibrary } from './library';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      library: { type: 'string' },
      port: { type: 'string' },
      verbose: { type: 'boolean' },
      'allow-dir': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ArchiveFailure('invalid_input', 'cli', { detail: `--port: "${values.port}" is not a port number` });
  const library = chooseLibrary(values.library);
  const allowDirs = [path.resolve(library), ...(values['allow-dir'] ?? []).map((d) => path.resolve(d))];
  const log = values.verbose ? (line: string) => console.error(line) : undefined;
  // The library can be changed while the host runs (openLibrary, from Settings).
  const open = (dir: string) => openHostLibrary(dir, log);
  const libraries = new LibrarySwitch(await open(library), open);
  const service = libraries.service;
  const host = await startHost({
    service,
    // A getter: file routes always serve the library open now.
    files: {
      get libraryRoot() {
        return libraries.root;
      },
      onUpload: () => libraries.kick(),
    },
    allowDirs,
    rendererDir: rendererDir(),
    faviconFile: resourcePath('icon.ico'),
    port,
    ...(log ? { log } : {}),
  });
  console.log(`Civic Archive browser host: ${host.url}`);
  console.log(`Library: ${library}`);
  if (allowDirs.length > 1) console.log(`Paths from the browser may also lie in: ${allowDirs.slice(1).join(', ')}`);
  const stop = () => {
    void host
      .close()
      .then(() => service.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`civic-archive serve: ${(error as Error).message}`);
  process.exit(error instanceof ArchiveFailure ? 1 : 2);
});
