/**
 * Where a worker thread's script is: its built bundle beside the other entries in out/main, or,
 * when the app runs from source (tests, `npm run cli`), the TypeScript file loaded through tsx.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from './locations';

export function workerScript(entry: string, source: string): { file: string; execArgv: string[] } {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  if (fromSource) return { file: path.join(appRoot(), 'src', 'main', source), execArgv: ['--import', 'tsx'] };
  // Beside this bundle, not in a fixed out/: a build made with --outDir (CIVIC_ARCHIVE_OUT) must run its own workers.
  return { file: path.join(path.dirname(fileURLToPath(import.meta.url)), `${entry}.js`), execArgv: [] };
}
