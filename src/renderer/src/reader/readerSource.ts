/** What a record's file is read as in the reader: PDF pages, image pages, or its text. */
import type { RecordFile } from '../../../shared/channels/documents';
import { fileUrl, kindOf } from '../documents/files';

export type ReaderSource =
  | { kind: 'pdf'; url: string; pageCount: number }
  /** One image per page: the file itself, or a scan's page previews (a page not drawn is null). */
  | { kind: 'images'; pages: (string | null)[] }
  | { kind: 'text' };

export function readerSource(file: RecordFile): ReaderSource | null {
  const kind = kindOf(file.mediaType);
  if (kind === 'pdf')
    return file.encrypted ? null : { kind, url: fileUrl(file.sha256), pageCount: file.pageCount ?? 1 };
  if (kind === 'text') return { kind };
  if (kind !== 'image') return null;
  // Browsers draw every image type but TIFF; a TIFF is shown by its page previews, else its thumbnail.
  if (file.mediaType !== 'image/tiff') return { kind: 'images', pages: [fileUrl(file.sha256)] };
  const previews = Array.isArray(file.metadata.pagePreviews)
    ? (file.metadata.pagePreviews as unknown[]).map((p) => (typeof p === 'string' ? fileUrl(p) : null))
    : [];
  if (previews.length > 0) return { kind: 'images', pages: previews };
  return file.thumbnailSha256 ? { kind: 'images', pages: [fileUrl(file.thumbnailSha256)] } : null;
}

export function pageCountOf(source: ReaderSource, pdfPages: number | null): number {
  if (source.kind === 'pdf') return pdfPages ?? source.pageCount;
  if (source.kind === 'images') return source.pages.length;
  return 1;
}
