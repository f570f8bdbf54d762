/**
 * The job runner: takes jobs from the catalogue's queue and does the slow part outside the
 * catalogue worker. An import job copies and hashes a file into storage (async streams, main
 * process) and registers it; an extract job runs in the extraction worker thread (PDF text,
 * OCR, thumbnails), reporting progress, and can be cancelled (the thread is stopped) or time out.
 * A failed job marks its file "text failed: reason" and the queue goes on.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutputOf } from '../../../shared/contract';
import { ArchiveFailure, type Result } from '../../../shared/result';
import type { Service } from '../../service/service';
import { workerScript } from '../../worker-script';
import { detectFile } from '../detect';
import { DEFAULT_JOB_MEMORY_MB, DEFAULT_JOB_TIMEOUT_MS, EXTRACT_HEAP_MB, maxFileBytes } from '../limits';
import { pathRuleOf } from '../path-rule';
import { storedPath, storeFile } from '../store';
import { fixityProblems, verifyLibrary } from '../verify';
import type { ExtractReply, ExtractRequest } from './extract-worker';

export type Job = NonNullable<OutputOf<'claimJob'>>;

export interface RunnerEvent {
  job: Job;
  phase: 'start' | 'progress' | 'end';
  done?: number;
  total?: number;
  label?: string;
  status?: string;
  error?: string | null;
  result?: OutputOf<'registerImport'>;
}

export interface RunnerOptions {
  service: Service;
  libraryRoot: string;
  /** OCR pages without text and images of documents (default true). */
  ocr?: boolean;
  /** An extract job running longer than this is stopped and marked failed. */
  jobTimeoutMs?: number;
  /** An extract job growing the process's memory by more than this is stopped and marked failed. */
  maxJobMemoryMb?: number;
  idlePollMs?: number;
  onEvent?: (event: RunnerEvent) => void;
}

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw ArchiveFailure.from(r.error);
  return r.value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Who runs a job ("host:pid:runner"), recorded when it is claimed: resumeJobs({ abandoned }) resets only jobs whose runner is gone. */
const ownerToken = () => `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
/** How often a job that reports no progress of its own (a long copy) tells the catalogue its runner is alive. */
const HEARTBEAT_MS = 5_000;

/** A payload file of a bag import job (see exchange/bagit.ts): where it is in the bag, and what it must hash to. */
interface BagPayload {
  path: string;
  sha256: string;
  size: number;
}

export class JobRunner {
  private worker: Promise<Worker> | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly opts: Required<Omit<RunnerOptions, 'onEvent'>> & Pick<RunnerOptions, 'onEvent'>;
  private readonly owner = ownerToken();

  constructor(opts: RunnerOptions) {
    this.opts = {
      ocr: true,
      jobTimeoutMs: DEFAULT_JOB_TIMEOUT_MS,
      maxJobMemoryMb: DEFAULT_JOB_MEMORY_MB,
      idlePollMs: 1_000,
      ...opts,
    };
  }

  private get filesDir(): string {
    return path.join(this.opts.libraryRoot, 'files');
  }

  /** Runs in the background until stop(): resumes jobs left running by a previous process first. */
  start(): void {
    if (this.loop) return;
    this.loop = (async () => {
      // If the catalogue cannot answer (closing), the loop below just idles until stop().
      // Only jobs whose runner is gone: a CLI process may be working on some right now.
      await this.opts.service.call('resumeJobs', { abandoned: true });
      while (!this.stopped) {
        const ran = await this.runOne(undefined).catch(() => false);
        if (!ran && !this.stopped) {
          await Promise.race([sleep(this.opts.idlePollMs), new Promise<void>((resolve) => (this.wake = resolve))]);
          this.wake = null;
        }
      }
    })();
  }

  /** Looks for work now instead of at the next poll. */
  kick(): void {
    this.wake?.();
  }

  /** Runs the jobs of one batch here until none is left (the CLI's import waits like this). */
  async runBatch(batch: string, kind?: Job['kind']): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (await this.runOne(batch, kind)) continue;
      if (kind !== undefined) return;
      // Another runner (the app) may hold some of this batch's jobs: wait for them too.
      const { counts } = await must(this.opts.service.call('listJobs', { batch, limit: 1 }));
      if (counts.running === 0 && counts.pending === 0) return;
      await sleep(250);
    }
  }

  /**
   * Puts back in the queue the jobs a runner that is gone left "running" (a killed CLI import,
   * a crashed app); jobs a live process is running stay its own. Returns how many.
   */
  async resumeAbandoned(): Promise<number> {
    return (await must(this.opts.service.call('resumeJobs', { abandoned: true }))).resumed;
  }

  /** Runs every pending job here until the queue is empty (the CLI's `jobs --run`, and what an import finds left by earlier runs). */
  async runPending(): Promise<number> {
    let ran = 0;
    while (!this.stopped && (await this.runOne(undefined))) ran++;
    return ran;
  }

  /**
   * Stops now: a running extraction is interrupted and its job left "running", so the next start
   * resumes it (as after a crash or a quit).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    const w = this.worker;
    this.worker = null;
    if (w) await w.then((worker) => worker.terminate()).catch(() => {});
    await this.loop;
    // What this runner leaves running is released: the next runner (of this process too) resumes it.
    // If the catalogue is already closing, the process is ending and the job is abandoned anyway.
    await this.opts.service.call('resumeJobs', { release: this.owner }).catch(() => undefined);
  }

  private async runOne(batch: string | undefined, kind?: Job['kind']): Promise<boolean> {
    const job = await must(
      this.opts.service.call('claimJob', {
        ...(batch === undefined ? {} : { batch }),
        ...(kind === undefined ? {} : { kind }),
        owner: this.owner,
      }),
    );
    if (!job) return false;
    this.opts.onEvent?.({ job, phase: 'start' });
    try {
      if (job.kind === 'import') await this.runImport(job);
      else if (job.kind === 'verify') await this.runVerify(job);
      else await this.runExtract(job);
    } catch (error) {
      const status = await must(
        this.opts.service.call('failJob', { id: job.id, error: (error as Error).message.slice(0, 2_000) }),
      );
      this.opts.onEvent?.({ job, phase: 'end', status: status.status, error: (error as Error).message });
    }
    return true;
  }

  /** Keeps a job's updated_at fresh while it runs without progress reports of its own, so it never looks abandoned. */
  private heartbeat(
    job: Job,
    progress: () => { done: number; label: string | null } = () => ({ done: 0, label: null }),
  ): () => void {
    const timer = setInterval(
      () => void this.opts.service.call('jobProgress', { id: job.id, total: job.progressTotal, ...progress() }),
      HEARTBEAT_MS,
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  private async runImport(job: Job): Promise<void> {
    if (job.params.bag !== undefined) return this.runBagImport(job);
    const stop = this.heartbeat(job);
    try {
      await this.runFileImport(job);
    } finally {
      stop();
    }
  }

  /**
   * A bag import (queued by importBag once the bag was checked): each payload file it needs is
   * copied into storage through storeFile, like any imported file, and must hash to what the bag's
   * manifest says; then finishBagImport writes the records in one transaction and removes any
   * copy no row refers to. A failure here is handed to finishBagImport too, so it cleans up.
   */
  private async runBagImport(job: Job): Promise<void> {
    const bag = job.params.bag as { dir: string; files: BagPayload[]; maxBytes: number };
    const stored: { sha256: string; fresh: boolean }[] = [];
    let error: string | null = null;
    let done = 0;
    let label: string | null = null;
    const stop = this.heartbeat(job, () => ({ done, label }));
    try {
      for (const f of bag.files) {
        if (this.stopped) return; // left running: resumed (and started again) on the next start
        const s = await storeFile(
          this.filesDir,
          path.join(bag.dir, ...f.path.split('/')),
          bag.maxBytes,
          pathRuleOf(job.params.pathRule),
        );
        stored.push({ sha256: s.sha256, fresh: !s.alreadyStored });
        if (s.sha256 !== f.sha256) {
          error = `bag ${bag.dir}: ${f.path} does not match its checksum in manifest-sha256.txt (it changed after the bag was checked); nothing was imported`;
          break;
        }
        done += f.size;
        label = f.path;
        this.opts.onEvent?.({ job, phase: 'progress', done, total: job.progressTotal, label });
        // A cancelled import stops copying here; finishBagImport then removes what it copied.
        const r = await this.opts.service.call('jobProgress', { id: job.id, done, total: job.progressTotal, label });
        if (r.ok && r.value.status === 'cancelled') break;
      }
    } catch (e) {
      error = (e as Error).message;
    } finally {
      stop();
    }
    const r = await must(this.opts.service.call('finishBagImport', { id: job.id, stored, error }));
    this.opts.onEvent?.({ job, phase: 'end', status: r.status, error: r.error });
  }

  private async runFileImport(job: Job): Promise<void> {
    const uploaded = job.params.uploaded as { sha256: string; size: number } | undefined;
    const maxBytes = typeof job.params.maxBytes === 'number' ? job.params.maxBytes : maxFileBytes();
    const stored =
      uploaded ?? (await storeFile(this.filesDir, String(job.params.path), maxBytes, pathRuleOf(job.params.pathRule)));
    const { mediaType } = await detectFile(storedPath(this.filesDir, stored.sha256));
    const result = await must(
      this.opts.service.call('registerImport', { id: job.id, sha256: stored.sha256, size: stored.size, mediaType }),
    );
    this.opts.onEvent?.({ job, phase: 'end', status: result.status, error: result.error, result });
  }

  private async runVerify(job: Job): Promise<void> {
    let last = 0;
    const report = await verifyLibrary(this.opts.service, this.opts.libraryRoot, (done, total) => {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      this.opts.onEvent?.({ job, phase: 'progress', done, total, label: `file ${done} of ${total}` });
      void this.opts.service.call('jobProgress', {
        id: job.id,
        done,
        total,
        label: `checking file ${done} of ${total}`,
      });
    });
    const cap = <T>(xs: T[]) => xs.slice(0, 1_000);
    const result = {
      checked: report.checked,
      ok: report.ok,
      problems: fixityProblems(report),
      missing: cap(report.missing),
      altered: cap(report.altered),
      orphaned: cap(report.orphaned),
    };
    const r = await must(this.opts.service.call('finishJob', { id: job.id, result }));
    this.opts.onEvent?.({ job, phase: 'end', status: r.status });
  }

  /** The extraction worker, started if needed and ready (pdf.js loaded) before a job is given to it. */
  private ensureWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    const { file, execArgv } = workerScript('extract-worker', 'documents/jobs/extract-worker.ts');
    const worker = new Worker(file, {
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: Math.min(EXTRACT_HEAP_MB, this.opts.maxJobMemoryMb) },
    });
    worker.unref();
    const ready = new Promise<Worker>((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', settle);
        worker.off('exit', onExit);
        if (error) reject(error);
        else resolve(worker);
      };
      const onMessage = (m: ExtractReply) => {
        if (m.type === 'ready') settle();
      };
      // A warm-up that never ends must not hold the queue: the job's own limits take over.
      const timer = setTimeout(() => settle(), 30_000);
      const onExit = (code: number) =>
        settle(new Error(`the extraction worker stopped while starting (exit code ${code})`));
      worker.on('message', onMessage);
      worker.once('error', settle);
      worker.once('exit', onExit);
    });
    this.worker = ready;
    // A worker that could not start is forgotten, so the next job starts a new one.
    ready.catch(() => {
      if (this.worker === ready) this.worker = null;
    });
    return ready;
  }

  private async runExtract(job: Job): Promise<void> {
    if (!job.sha256 || !job.mediaType || job.fileId === null) throw new Error('the job has no stored file');
    const worker = await this.ensureWorker();
    if (this.stopped) return; // stopped while the worker started: the job stays running, resumed next time
    const request: ExtractRequest = {
      type: 'extract',
      id: job.id,
      file: storedPath(this.filesDir, job.sha256),
      mediaType: job.mediaType,
      filesDir: this.filesDir,
      libraryRoot: this.opts.libraryRoot,
      // The import's own choice (params.ocr) narrows the runner's: "off" reads no text by OCR.
      ocr: this.opts.ocr && job.params.ocr !== 'off',
      ...(typeof job.params.ocr === 'string' && job.params.ocr !== 'off' ? { ocrLanguages: job.params.ocr } : {}),
    };
    let lastReport = 0;
    let cancelled = false;
    const outcome = await new Promise<
      { extraction: unknown } | { error: string } | { cancelled: true } | { interrupted: true }
    >((resolve) => {
      const finish = (
        value: { extraction: unknown } | { error: string } | { cancelled: true } | { interrupted: true },
      ) => {
        clearTimeout(timer);
        clearInterval(watch);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(value);
      };
      const kill = (value: { error: string } | { cancelled: true }) => {
        this.worker = null;
        void worker.terminate();
        finish(value);
      };
      const timer = setTimeout(
        () => kill({ error: `timed out after ${Math.round(this.opts.jobTimeoutMs / 1000)} s` }),
        this.opts.jobTimeoutMs,
      );
      let last = { done: 0, total: 0, label: null as string | null };
      const checkCancelled = () =>
        void this.opts.service.call('jobProgress', { id: job.id, ...last }).then((r) => {
          if (r.ok && r.value.status === 'cancelled' && !cancelled) {
            cancelled = true;
            kill({ cancelled: true });
          }
        });
      // Memory outside the worker's heap (decoded PDF streams, image buffers) shows only in the process's RSS.
      const baseline = process.memoryUsage.rss();
      const memoryLimit = this.opts.maxJobMemoryMb * 1024 * 1024;
      const checkMemory = () => {
        const grown = process.memoryUsage.rss() - baseline;
        if (grown > memoryLimit)
          kill({
            error: `stopped: reading it needed more than ${this.opts.maxJobMemoryMb} MB of memory (the file may be a decompression bomb)`,
          });
      };
      // A cancel must not wait for the next page (an OCR page can take seconds); memory is watched as often.
      const watch = setInterval(() => {
        checkMemory();
        checkCancelled();
      }, 100);
      const onMessage = (reply: ExtractReply) => {
        if (reply.type === 'ready' || reply.id !== job.id) return;
        if (reply.type === 'done') finish({ extraction: reply.extraction });
        else if (reply.type === 'error') finish({ error: reply.message });
        else {
          this.opts.onEvent?.({ job, phase: 'progress', done: reply.done, total: reply.total, label: reply.label });
          last = { done: reply.done, total: reply.total, label: reply.label };
          const now = Date.now();
          if (now - lastReport < 250 && reply.done !== 0) return;
          lastReport = now;
          checkCancelled();
        }
      };
      const onError = (error: Error & { code?: string }) => {
        this.worker = null;
        finish({
          error:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `stopped: reading it needed more than the extraction worker's memory limit`
              : `the extraction worker failed: ${error.message}`,
        });
      };
      const onExit = (code: number) => {
        this.worker = null;
        finish(this.stopped ? { interrupted: true } : { error: `the extraction worker stopped (exit code ${code})` });
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(request);
    });
    if ('cancelled' in outcome) {
      this.opts.onEvent?.({ job, phase: 'end', status: 'cancelled' });
      return;
    }
    if ('interrupted' in outcome) return; // left running: resumed on the next start
    if ('error' in outcome) throw new Error(outcome.error);
    const r = await must(
      this.opts.service.call('finishExtract', { id: job.id, extraction: outcome.extraction as never }),
    );
    this.opts.onEvent?.({ job, phase: 'end', status: r.status });
  }
}
