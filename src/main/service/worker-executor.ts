/**
 * Runs the handlers in the catalogue worker thread and awaits them: the app and the browser host
 * use this, so SQLite work never runs on the main event loop. Requests are answered in order by
 * the single worker, which serialises every write.
 */
import { Worker } from 'node:worker_threads';
import { ArchiveFailure, archiveError, type Result } from '../../shared/result';
import { workerScript } from '../worker-script';
import type { WorkerData, WorkerReply, WorkerRequest } from './catalogue-worker';
import type { Executor } from './executor';

export async function workerExecutor(libraryDir: string, door: string): Promise<Executor> {
  const { file, execArgv } = workerScript('catalogue-worker', 'service/catalogue-worker.ts');
  const worker = new Worker(file, { workerData: { libraryDir, door } satisfies WorkerData, execArgv });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let dead: string | null = null;

  const failAll = (message: string) => {
    dead = message;
    for (const resolve of pending.values())
      resolve({ ok: false, error: archiveError('internal', 'internal', { detail: message }) });
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        worker.off('message', onMessage);
        resolve();
      } else if (reply.type === 'failed') {
        worker.off('message', onMessage);
        void worker.terminate();
        reject(ArchiveFailure.from({ ...reply.error, code: reply.error.code === 'library' ? 'library' : 'internal' }));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

  worker.on('message', (reply: WorkerReply) => {
    if (reply.type !== 'result') return;
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    resolve?.(reply.result as Result<unknown>);
  });
  worker.on('error', (error: Error) => failAll(`the catalogue worker failed: ${error.message}`));
  worker.on('exit', (code) => failAll(`the catalogue worker stopped (exit code ${code})`));

  const send = (request: WorkerRequest) =>
    new Promise<Result<unknown>>((resolve) => {
      if (dead) return resolve({ ok: false, error: archiveError('internal', 'internal', { detail: dead }) });
      pending.set(request.id, resolve);
      worker.postMessage(request);
    });

  return {
    run: (channel, input, rule) => send({ id: nextId++, channel, input, ...(rule === undefined ? {} : { rule }) }),
    close: async () => {
      if (dead) return;
      await send({ id: nextId++, close: true });
      await worker.terminate();
    },
  };
}
