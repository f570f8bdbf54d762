/**
 * Where stored files come from and where uploads go: the desktop app's civic-file: protocol, or
 * the browser host's /files and /upload routes. Only hashes go out; never a path.
 */
import i18next from 'i18next';
import type { InputOf } from '../../../shared/contract';
import type { ArchiveError } from '../../../shared/result';
import { errorWords } from '../common/errorWords';

const desktop = typeof window !== 'undefined' && 'archive' in window && window.archive !== undefined;

/** In the desktop app (which opens no new windows), as opposed to a browser tab on the browser host. */
export const inDesktopApp = desktop;

export function fileUrl(sha256: string): string {
  return desktop ? `civic-file://files/${sha256}` : `/files/${sha256}`;
}

function uploadUrl(query: URLSearchParams): string {
  return desktop ? `civic-file://upload?${query}` : `/upload?${query}`;
}

export interface UploadOutcome {
  batch: string | null;
  errors: { name: string; message: string }[];
}

/** Uploads files one by one into the same batch; each becomes a record (or is attached to `recordId`). */
export async function uploadFiles(
  files: readonly File[],
  opts: Partial<Pick<InputOf<'importUploaded'>, 'recordType' | 'tags' | 'collectionId' | 'ocr'>> & {
    recordId?: number;
    onProgress?: (done: number, total: number, name: string) => void;
  } = {},
): Promise<UploadOutcome> {
  let batch: string | null = null;
  const errors: { name: string; message: string }[] = [];
  for (const [i, file] of files.entries()) {
    opts.onProgress?.(i, files.length, file.name);
    const name = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    const query = new URLSearchParams({ name });
    if (opts.recordId !== undefined) query.set('recordId', String(opts.recordId));
    if (opts.recordType) query.set('recordType', opts.recordType);
    for (const tag of opts.tags ?? []) query.append('tag', tag);
    if (opts.collectionId !== undefined) query.set('collectionId', String(opts.collectionId));
    if (opts.ocr) query.set('ocr', opts.ocr);
    if (batch) query.set('batch', batch);
    try {
      const res = await fetch(uploadUrl(query), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const body = (await res.json()) as { ok: boolean; value?: { batch: string }; error?: ArchiveError };
      if (body.ok && body.value) {
        if (batch === null) announceJobs();
        batch = body.value.batch;
      } else
        errors.push({
          name: file.name,
          message: body.error
            ? errorWords(body.error)
            : i18next.t('uploadFailed', { ns: 'documents', status: res.status }),
        });
    } catch (error) {
      errors.push({ name: file.name, message: String((error as Error).message ?? error) });
    }
  }
  opts.onProgress?.(files.length, files.length, '');
  return { batch, errors };
}

const JOBS_EVENT = 'civic-archive:jobs';

/** Tells the jobs bar that work was queued (it polls only while there is work). */
export function announceJobs(): void {
  window.dispatchEvent(new Event(JOBS_EVENT));
}

export function onJobsAnnounced(listener: () => void): () => void {
  window.addEventListener(JOBS_EVENT, listener);
  return () => window.removeEventListener(JOBS_EVENT, listener);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function kindOf(mediaType: string): 'pdf' | 'image' | 'audio' | 'video' | 'text' | 'other' {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType === 'text/plain' || mediaType === 'text/html') return 'text';
  return 'other';
}
