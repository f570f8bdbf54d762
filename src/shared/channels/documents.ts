/**
 * Channels of documents: stored files, their pages of text, the import/extraction job queue and
 * fixity. The internal channels at the end are called by the job runner and the fixity check in
 * the main process (the catalogue worker only ever does the short, transactional part of a job);
 * no door answers them.
 */
import { z } from 'zod';
import { ImportSkip } from '../reports/import-report';
import { AbsolutePath, Id, OCR_CHOICES, RECORD_TYPES, Tag } from '../model';
import { channel, INTERNAL } from './channel';

const TEXT_STATUSES = ['pending', 'done', 'none', 'failed', 'skipped'] as const;
export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
const JOB_KINDS = ['import', 'extract', 'verify'] as const;
const PAGE_SOURCES = ['text-layer', 'ocr', 'plain', 'html'] as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 lower-case hex digits)');

export const FileView = z.object({
  id: z.number(),
  sha256: z.string(),
  size: z.number(),
  mediaType: z.string(),
  pageCount: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  encrypted: z.boolean(),
  textStatus: z.enum(TEXT_STATUSES),
  textError: z.string().nullable(),
  thumbnailSha256: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  lastFixityCheck: z.string().nullable(),
  fixityStatus: z.enum(['ok', 'missing', 'altered']).nullable(),
  createdAt: z.string(),
});
export type FileView = z.output<typeof FileView>;

export const RecordFile = FileView.extend({ originalName: z.string(), position: z.number(), addedAt: z.string() });
export type RecordFile = z.output<typeof RecordFile>;

const FileHolder = z.object({ recordId: z.number(), title: z.string(), originalName: z.string() });

export const PageView = z.object({
  page: z.number(),
  text: z.string(),
  source: z.enum(PAGE_SOURCES),
  confidence: z.number().nullable(),
  language: z.string().nullable(),
});
export type PageView = z.output<typeof PageView>;

export const JobView = z.object({
  id: z.number(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  batch: z.string(),
  fileId: z.number().nullable(),
  name: z.string(),
  /** The path an import job reads from. */
  source: z.string().nullable(),
  progressDone: z.number(),
  progressTotal: z.number(),
  progressLabel: z.string().nullable(),
  error: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobView = z.output<typeof JobView>;

const JobCounts = z.object(
  Object.fromEntries(JOB_STATUSES.map((s) => [s, z.number()])) as Record<(typeof JOB_STATUSES)[number], z.ZodNumber>,
);

/** What the records an import creates get: a type (absent: guessed from the file), tags, a collection; and how their text is read. */
const ImportChoices = {
  /** The type of the records created (one per file). Absent: a photograph when the file carries camera metadata, else "other". */
  recordType: z.enum(RECORD_TYPES).optional(),
  tags: z.array(Tag).max(200).default([]),
  collectionId: Id.optional(),
  /** Absent: every OCR language the library has (or $CIVIC_ARCHIVE_OCR_LANGS). */
  ocr: z.enum(OCR_CHOICES).optional(),
};

const ImportCandidate = z.object({ path: z.string(), name: z.string(), size: z.number() });

const ImportPaths = {
  /** Files and folders (folders are walked recursively), as absolute paths on this machine. */
  paths: z.array(AbsolutePath).min(1, 'give at least one file or folder').max(10_000),
};

/** A word OCR read, its box normalised to the page (0..1 from the top left, so any rendering scale fits). */
const OcrWord = z.strictObject({
  text: z.string().min(1).max(1_000),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
  /** Tesseract's confidence in the word, 0–100. */
  confidence: z.number().min(0).max(100),
});
export type OcrWord = z.output<typeof OcrWord>;

/** The words of one OCR'd page; width and height are the pixel size of the image OCR read. */
export const PageWords = z.strictObject({
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  words: z.array(OcrWord).max(100_000),
});
export type PageWords = z.output<typeof PageWords>;

const PageText = z.strictObject({
  page: z.number().int().min(1),
  text: z.string().max(5_000_000),
  source: z.enum(PAGE_SOURCES),
  confidence: z.number().min(0).max(100).nullable().default(null),
  language: z.string().max(50).nullable().default(null),
  /** The words OCR read with their boxes (OCR pages only). */
  words: PageWords.nullable().default(null),
});

export const Extraction = z.strictObject({
  pageCount: z.number().int().min(0).nullable(),
  width: z.number().int().min(0).nullable(),
  height: z.number().int().min(0).nullable(),
  durationSeconds: z.number().min(0).nullable(),
  encrypted: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
  thumbnailSha256: Sha256.nullable(),
  pages: z.array(PageText).max(100_000),
  textStatus: z.enum(['done', 'none', 'failed', 'skipped']),
  textError: z.string().max(2_000).nullable(),
});
export type Extraction = z.input<typeof Extraction>;

const DocumentSettings = z.object({
  /** Files larger than this are refused (with the reason) at import. */
  maxFileBytes: z.number(),
  /** Where the limit comes from: CIVIC_ARCHIVE_MAX_FILE_BYTES (one run), the library's setting, or the default (2 GiB). */
  source: z.enum(['environment', 'library', 'default']),
});

export const documentsChannels = {
  documentSettings: channel(z.strictObject({}), DocumentSettings, false),
  /** Sets the library's file size limit (null: back to the default). */
  updateDocumentSettings: channel(
    z.strictObject({ maxFileBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable() }),
    DocumentSettings,
    true,
  ),
  /** What an import of these paths would bring in (a folder import shows this before it starts). */
  previewImport: channel(
    z.strictObject(ImportPaths),
    z.object({ files: z.array(ImportCandidate), skipped: z.array(ImportSkip), totalBytes: z.number() }),
    false,
  ),
  /**
   * Queues the import of files: one new record per file, or all attached to `recordId`. The work
   * (copy, hash, text, OCR) runs in the background; follow it with listJobs({ batch }).
   */
  importFiles: channel(
    z.strictObject({
      ...ImportPaths,
      recordId: Id.optional(),
      ...ImportChoices,
    }),
    z.object({ batch: z.string(), queued: z.number(), files: z.array(ImportCandidate), skipped: z.array(ImportSkip) }),
    true,
  ),
  /**
   * Queues the registration of a file already streamed into storage (an upload through the browser
   * host or the desktop app's file protocol; the bytes never pass through this channel).
   */
  importUploaded: channel(
    z.strictObject({
      sha256: Sha256,
      size: z.number().int().min(1),
      name: z.string().min(1).max(4_096),
      recordId: Id.optional(),
      ...ImportChoices,
      batch: z.string().max(100).optional(),
    }),
    z.object({ batch: z.string(), jobId: z.number() }),
    true,
  ),
  /** A stored file's (or thumbnail's) type, for the file routes: only hashes known to the catalogue. */
  storedFileType: channel(z.strictObject({ sha256: Sha256 }), z.object({ mediaType: z.string() }), false),
  recordFiles: channel(z.strictObject({ recordId: Id }), z.array(RecordFile), false),
  fileInfo: channel(
    z
      .strictObject({ id: Id.optional(), sha256: Sha256.optional() })
      .refine((v) => (v.id === undefined) !== (v.sha256 === undefined), 'give id or sha256'),
    FileView.extend({ records: z.array(FileHolder) }),
    false,
  ),
  filePages: channel(
    z.strictObject({
      fileId: Id,
      from: z.number().int().min(1).default(1),
      limit: z.number().int().min(1).max(1_000).default(1_000),
    }),
    z.array(PageView),
    false,
  ),
  /**
   * The words OCR read on one page of a file, with their boxes normalised to the page, for
   * highlighting hits on a scan. Null when the page has none: it has a text layer or plain text, OCR
   * found nothing legible there, or it was read before boxes were kept (version 9) and not since.
   */
  pageWords: channel(
    z.strictObject({ fileId: Id, page: z.number().int().min(1, 'pages are numbered from 1') }),
    PageWords.nullable(),
    false,
  ),
  detachFile: channel(z.strictObject({ recordId: Id, fileId: Id }), z.object({ revision: z.number() }), true),

  listJobs: channel(
    z.strictObject({
      batch: z.string().max(100).optional(),
      /** Only pending and running jobs, plus those that finished in the last minute. */
      active: z.boolean().default(false),
      limit: z.number().int().min(1).max(10_000).default(200),
    }),
    z.object({ jobs: z.array(JobView), counts: JobCounts }),
    false,
  ),
  cancelJobs: channel(
    z.strictObject({ ids: z.array(Id).max(10_000).optional(), batch: z.string().max(100).optional() }),
    z.object({ cancelled: z.number() }),
    true,
  ),

  /** Queues a fixity check of every stored file (the app's "Check files"); its report is the job's result. */
  startVerify: channel(z.strictObject({}), z.object({ batch: z.string(), jobId: z.number() }), true),

  // ---- internal channels: the job runner and the fixity check report through these; no door answers them
  /** Jobs left running by a process that stopped go back to pending (call once at start). */
  /**
   * Puts jobs left "running" back in the queue. `abandoned`: only those whose runner is gone (its
   * process no longer runs, or it has not reported for a long while), so a CLI can take over the
   * work of a killed run without taking jobs from a runner that is still working on them.
   */
  resumeJobs: channel(
    z.strictObject({
      abandoned: z.boolean().default(false),
      /** A runner that stops gives up the jobs it leaves running (they stay "running", owned by no one, until a runner resumes them). */
      release: z.string().max(300).optional(),
    }),
    z.object({ resumed: z.number() }),
    true,
    INTERNAL,
  ),
  claimJob: channel(
    /** owner: "host:pid" of the runner taking the job, so resumeJobs can tell a live runner from a dead one. */
    z.strictObject({
      batch: z.string().max(100).optional(),
      kind: z.enum(JOB_KINDS).optional(),
      owner: z.string().max(300).optional(),
    }),
    JobView.extend({
      params: z.record(z.string(), z.unknown()),
      sha256: z.string().nullable(),
      mediaType: z.string().nullable(),
    }).nullable(),
    true,
    INTERNAL,
  ),
  jobProgress: channel(
    z.strictObject({
      id: Id,
      done: z.number().int().min(0),
      total: z.number().int().min(0),
      label: z.string().max(500).nullable().default(null),
    }),
    z.object({ status: z.enum(JOB_STATUSES) }),
    true,
    INTERNAL,
  ),
  failJob: channel(
    z.strictObject({ id: Id, error: z.string().max(2_000) }),
    z.object({ status: z.enum(JOB_STATUSES) }),
    true,
    INTERNAL,
  ),
  /** The file of an import job is in storage: register it (file row, record, link, extract job) in one transaction. */
  registerImport: channel(
    z.strictObject({ id: Id, sha256: Sha256, size: z.number().int().min(1), mediaType: z.string().max(200) }),
    z.object({
      status: z.enum(JOB_STATUSES),
      fileId: z.number().nullable(),
      recordId: z.number().nullable(),
      /** Records that already held this content before the import. */
      alreadyIn: z.array(z.number()),
      error: z.string().nullable(),
    }),
    true,
    INTERNAL,
  ),
  /** An extract job's outcome: the file's facts and its page text, written in one transaction. */
  finishExtract: channel(
    z.strictObject({ id: Id, extraction: Extraction }),
    z.object({ status: z.enum(JOB_STATUSES), pages: z.number() }),
    true,
    INTERNAL,
  ),

  /** A job's outcome when it has no file to update (verify). */
  finishJob: channel(
    z.strictObject({ id: Id, result: z.record(z.string(), z.unknown()) }),
    z.object({ status: z.enum(JOB_STATUSES) }),
    true,
    INTERNAL,
  ),
  storedFiles: channel(
    z.strictObject({
      afterId: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(10_000).default(1_000),
    }),
    z.object({
      files: z.array(z.object({ id: z.number(), sha256: z.string(), size: z.number() })),
      thumbnails: z.array(z.string()),
    }),
    false,
    INTERNAL,
  ),
  recordFixity: channel(
    z.strictObject({
      results: z.array(z.object({ id: Id, status: z.enum(['ok', 'missing', 'altered']) })).max(10_000),
    }),
    z.object({ updated: z.number() }),
    true,
    INTERNAL,
  ),
};
