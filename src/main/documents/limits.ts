/**
 * Limits on what the library accepts. The file size limit is a library setting (default 2 GiB;
 * `cli file-limit`, channel updateDocumentSettings); CIVIC_ARCHIVE_MAX_FILE_BYTES (the CLI's
 * --max-size) overrides it for one run.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

/** Images above this many pixels are refused for decoding (decompression bombs); the file is still kept. */
export const MAX_IMAGE_PIXELS = 150_000_000;

/** PDFs with more pages than this get text for the first MAX_PDF_PAGES only (the rest is reported). */
export const MAX_PDF_PAGES = 5_000;

/** pdf.js holds a whole PDF in memory: larger ones are kept, their text skipped with the reason. */
export const MAX_PDF_BYTES = 512 * 1024 ** 2;

/** Pages rendered for OCR are scaled so that their longer side is at most this many pixels. */
export const OCR_MAX_SIDE = 3_500;

/** The environment's override of the size limit, if any. */
export function envMaxFileBytes(): number | null {
  const raw = process.env.CIVIC_ARCHIVE_MAX_FILE_BYTES;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The size limit when no library says otherwise (the environment, else the default). */
export function maxFileBytes(): number {
  return envMaxFileBytes() ?? DEFAULT_MAX_FILE_BYTES;
}

/**
 * The extraction worker (PDF text, OCR, thumbnails) runs each file under these limits, so one
 * hostile file cannot stall the queue or take the machine's memory: its JavaScript heap is capped
 * (worker resourceLimits), its growth of the process's memory is watched (pdf.js decodes streams
 * into ArrayBuffers, outside that heap: a Flate bomb grows there) and a job running too long is
 * stopped. Past any of them the worker is terminated, the job failed with the reason, and the
 * queue goes on with a fresh worker.
 */
export const EXTRACT_HEAP_MB = 1_536;
export const DEFAULT_JOB_MEMORY_MB = 3_072;
export const DEFAULT_JOB_TIMEOUT_MS = 30 * 60_000;

/** The second TIFF decoder (UTIF) holds the whole file in memory: larger TIFFs are libvips's alone. */
export const MAX_TIFF_FALLBACK_BYTES = 512 * 1024 ** 2;

/** Directories read from one TIFF: past this the chain is taken to be broken. */
export const MAX_TIFF_PAGES = 10_000;
