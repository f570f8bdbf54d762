/**
 * Serving stored files to the renderer (the browser host's /files/<sha256> route and the desktop
 * app's civic-file: protocol): only a hash the catalogue knows, never a path; inline, with the
 * stored type, no sniffing, and HTML sandboxed (a saved web page never runs as our origin).
 * Byte ranges are honoured so audio and video can seek. Uploads stream into storage the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Service } from '../service/service';
import { searchablePdf } from './searchable-pdf';
import { SHA256, storedPath, storeStream } from './store';
import { ArchiveFailure, archiveError, type ArchiveError } from '../../shared/result';

export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable | string | null;
}

const text = (status: number, message: string): FileResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: message,
});

/** The response for GET /files/<sha256> (with an optional Range header). */
export async function serveStoredFile(
  service: Service,
  libraryRoot: string,
  sha256: string,
  range: string | undefined,
): Promise<FileResponse> {
  if (!SHA256.test(sha256)) return text(404, 'not found');
  const known = await service.call('storedFileType', { sha256 });
  if (!known.ok) return text(404, 'not found');
  const file = storedPath(path.join(libraryRoot, 'files'), sha256);
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    return text(410, 'the stored file is missing (run verify)');
  }
  const headers: Record<string, string> = {
    'Content-Type': known.value.mediaType,
    'Content-Disposition': 'inline',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Accept-Ranges': 'bytes',
    // A stored web page or SVG is shown, never run with the app's rights.
    'Content-Security-Policy':
      "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'",
  };
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (m && (m[1] || m[2])) {
    let start = m[1] ? Number(m[1]) : size - Number(m[2]);
    let end = m[1] && m[2] ? Number(m[2]) : size - 1;
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    if (start > end || start >= size)
      return { status: 416, headers: { 'Content-Range': `bytes */${size}` }, body: null };
    return {
      status: 206,
      headers: {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': String(end - start + 1),
      },
      body: fs.createReadStream(file, { start, end }),
    };
  }
  return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, body: fs.createReadStream(file) };
}

/**
 * The response for GET /searchable/<file id>: the file as a searchable PDF (searchable-pdf.ts), to
 * download; a refusal (not a scan, no OCR words...) as a Result envelope, for the page to word.
 */
export async function serveSearchablePdf(service: Service, libraryRoot: string, rawId: string): Promise<FileResponse> {
  const refuse = (status: number, error: ArchiveError): FileResponse => ({
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    body: JSON.stringify({ ok: false, error }),
  });
  if (!/^[1-9]\d{0,15}$/.test(rawId))
    return refuse(404, archiveError('not_found', 'not_found', { kind: 'file', id: rawId }));
  try {
    const pdf = await searchablePdf(service, libraryRoot, Number(rawId));
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(pdf.bytes.length),
        // RFC 6266/5987: the name may hold any character (a Chinese file name) without breaking the header.
        'Content-Disposition': `attachment; filename="searchable.pdf"; filename*=UTF-8''${encodeURIComponent(pdf.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
      body: Readable.from([Buffer.from(pdf.bytes)]),
    };
  } catch (error) {
    if (!(error instanceof ArchiveFailure)) throw error;
    return refuse(error.code === 'not_found' ? 404 : 422, error.toError());
  }
}

/**
 * POST /upload?name=N[&recordId=ID][&recordType=T][&tag=T...][&collectionId=ID][&ocr=O][&batch=B]: the
 * body (raw bytes) is stored, then its import is queued (the channel checks the values). Answers a Result envelope like /api.
 */
export async function receiveUpload(
  service: Service,
  libraryRoot: string,
  query: URLSearchParams,
  body: NodeJS.ReadableStream,
  declaredLength: number | null,
): Promise<{ status: number; result: unknown }> {
  const fail = (status: number, error: ArchiveError) => ({
    status,
    result: { ok: false, error: { ...error, code: 'invalid_input' } },
  });
  const name = query.get('name');
  if (!name)
    return fail(
      400,
      archiveError('invalid_input', 'field_invalid', { field: 'name', problem: 'required', detail: 'is required' }),
    );
  const settings = await service.call('documentSettings', {});
  if (!settings.ok) return fail(500, settings.error);
  const max = settings.value.maxFileBytes;
  if (declaredLength !== null && declaredLength > max)
    return fail(413, archiveError('invalid_input', 'file_too_large', { name, size: declaredLength, max }));
  let stored;
  try {
    stored = await storeStream(path.join(libraryRoot, 'files'), body, name, max);
  } catch (error) {
    return fail(
      400,
      error instanceof ArchiveFailure
        ? error.toError()
        : archiveError('invalid_input', 'internal', { detail: (error as Error).message }),
    );
  }
  const recordId = query.get('recordId');
  const result = await service.call('importUploaded', {
    sha256: stored.sha256,
    size: stored.size,
    name,
    ...(recordId ? { recordId: Number(recordId) } : {}),
    ...(query.get('recordType') ? { recordType: query.get('recordType') as never } : {}),
    tags: query.getAll('tag'),
    ...(query.get('collectionId') ? { collectionId: Number(query.get('collectionId')) } : {}),
    ...(query.get('ocr') ? { ocr: query.get('ocr') as never } : {}),
    ...(query.get('batch') ? { batch: query.get('batch')! } : {}),
  });
  if (!result.ok && !stored.alreadyStored) {
    // Nothing will register it: do not leave an orphan behind (unless the catalogue knows the hash).
    const known = await service.call('storedFileType', { sha256: stored.sha256 });
    if (!known.ok) await fs.promises.rm(storedPath(path.join(libraryRoot, 'files'), stored.sha256), { force: true });
  }
  return { status: 200, result };
}

export function toWebBody(body: FileResponse['body']): ReadableStream | string | null {
  if (body === null || typeof body === 'string') return body;
  return Readable.toWeb(body) as ReadableStream;
}
