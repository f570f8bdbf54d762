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

/**
 * Downloads a scan as a searchable PDF (made by the main process from its OCR words), under the
 * name the app gives it. Returns the refusal in the interface language, or null when it went.
 */
export async function downloadSearchablePdf(fileId: number): Promise<string | null> {
  const url = desktop ? `civic-file://searchable/${fileId}` : `/searchable/${fileId}`;
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok || !(res.headers.get('Content-Type') ?? '').startsWith('application/pdf')) {
    const body = (await res.json().catch(() => null)) as { error?: ArchiveError } | null;
    return body?.error
      ? errorWords(body.error)
      : i18next.t('searchableFailed', { ns: 'documents', status: res.status });
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = encoded ? decodeURIComponent(encoded) : 'searchable.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by now; the object URL is let go on the next turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  return null;
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
