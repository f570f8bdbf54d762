/** Channels of exchange: importing metadata (CSL-JSON, BibTeX, RIS, CSV, EndNote XML, MEDLINE, MODS) with a preview, and exporting records. */
import { z } from 'zod';
import { ERROR_REASONS } from '../errors/reasons';
import { AbsolutePath, AUTHORITY_KINDS, Id } from '../model';
import { DUPLICATE_GROUNDS, RowPlace } from '../reports/import-report';
import { channel, INTERNAL } from './channel';
import { JOB_STATUSES } from './documents';

const IMPORT_FORMATS = ['csl-json', 'bibtex', 'ris', 'csv', 'endnote-xml', 'medline', 'mods'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a row cannot be imported: a refusal's reason and params, worded by each door like any refusal. */
const RowProblem = z.object({
  reason: z.enum(ERROR_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RowProblem = z.output<typeof RowProblem>;

export const ImportReport = z.object({
  imported: z.number(),
  merged: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** True for a preview: nothing was written. */
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number(),
      /** Where in the file: row 3 (line 4), line 12 (its key), item 2. */
      where: RowPlace,
      title: z.string(),
      status: z.enum(['imported', 'merged', 'skipped', 'error']),
      /** An error row: why it cannot be imported. */
      problem: RowProblem.optional(),
      /** A skipped or merged row: what makes it the same as record `recordId`. */
      duplicate: z.enum(DUPLICATE_GROUNDS).optional(),
      recordId: z.number().optional(),
      /** A record with the same title and date: perhaps the same work, perhaps not (five towns called Springfield); the user decides. */
      possibleDuplicateOf: z.number().optional(),
    }),
  ),
  createdAuthorities: z.array(z.object({ id: z.number(), kind: z.enum(AUTHORITY_KINDS), name: z.string() })),
  /**
   * A bag import: the job batch that stores its files and then writes what this report plans (the
   * batch's import job holds the final report as its result; text extraction runs in the same batch).
   */
  batch: z.string().optional(),
});
export type ImportReport = z.output<typeof ImportReport>;

/** CSV column mapping: column header (or position, "1", "2"... in a file without a header row) -> record field (or an authority role, e.g. "author", "party"). */
const ColumnMapping = z.record(z.string(), z.string());

/** CSV delimiters: found from the file when left out. */
const CSV_DELIMITERS = [',', ';', '\t', ':', '|'] as const;
const CsvShape = {
  /** CSV only: the delimiter, when the file's own is not the one found. */
  delimiter: z.enum(CSV_DELIMITERS).optional(),
  /** CSV only: false when the first row is data; columns are then named by position ("1", "2"...). */
  header: z.boolean().default(true),
};
export type ColumnMapping = z.output<typeof ColumnMapping>;

const ImportInput = z.strictObject({
  content: z.string().min(1, 'the file is empty').max(200_000_000, 'the file is too large (200 MB at most)'),
  /** Guessed from the content when left out (CSV must be named). */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** What to do with a record that has the same reference code, or the same title, date and type and no field that differs, as one in the library. */
  duplicates: z.enum(['skip', 'merge']).default('skip'),
  /** Import the good rows and report the bad ones, instead of importing nothing. */
  skipBadRows: z.boolean().default(false),
  /** A row with the same title and date as a record, but not shown to be the same: import it (default) or skip it. */
  possibleDuplicates: z.enum(['import', 'skip']).default('import'),
  /** CSV only: column -> field; headers are matched by name where no mapping is given. */
  mapping: ColumnMapping.optional(),
  ...CsvShape,
});

const EXPORT_FORMATS = ['csv', 'json'] as const;

export const exchangeChannels = {
  previewMetadataImport: channel(ImportInput, ImportReport, false),
  importMetadata: channel(ImportInput, ImportReport, true),
  /** CSV: the column headers and the mapping they would get, for the mapping step. */
  csvColumns: channel(
    z.strictObject({ content: z.string().min(1).max(200_000_000), mapping: ColumnMapping.optional(), ...CsvShape }),
    z.object({
      headers: z.array(z.string()),
      /** The delimiter used: the one named, or the one found. */
      delimiter: z.string(),
      mapping: ColumnMapping,
      unmapped: z.array(z.string()),
      fields: z.array(z.string()),
    }),
    false,
  ),
  saveCsvMapping: channel(
    z.strictObject({ name: z.string().trim().min(1).max(200), mapping: ColumnMapping }),
    z.object({ name: z.string() }),
    true,
  ),
  listCsvMappings: channel(z.strictObject({}), z.array(z.object({ name: z.string(), mapping: ColumnMapping })), false),
  /** A BagIt package (RFC 8493) of the records given, or of the whole library, written to a new or empty folder. */
  exportBag: channel(
    z.strictObject({ dir: AbsolutePath, ids: z.array(Id).max(100_000).optional() }),
    z.object({ dir: z.string(), records: z.number(), files: z.number(), bytes: z.number() }),
    true,
  ),
  /**
   * Checks a bag completely and plans the import (dryRun: check and report only). Otherwise queues
   * one import job (batch in the report): the job runner stores the bag's files, then
   * finishBagImport writes the records, authorities, files, page text, history and settings all or nothing.
   */
  importBag: channel(
    z.strictObject({
      dir: AbsolutePath,
      duplicates: z.enum(['skip', 'merge']).default('skip'),
      skipBadRows: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
    ImportReport,
    true,
  ),
  /**
   * Internal, for the job runner: the files of a bag import job are in storage (or `error` says why
   * not); write the import in one transaction, or fail the job, removing the copies no row refers to.
   */
  finishBagImport: channel(
    z.strictObject({
      id: Id,
      stored: z
        .array(z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fresh: z.boolean() }))
        .max(10_000_000),
      error: z.string().max(4_000).nullable(),
    }),
    z.object({ status: z.enum(JOB_STATUSES), report: ImportReport.nullable(), error: z.string().nullable() }),
    true,
    INTERNAL,
  ),
  /** An online backup: a consistent copy of the catalogue and every stored file, in one .tar.gz archive. */
  backupLibrary: channel(
    z.strictObject({ out: AbsolutePath }),
    z.object({ file: z.string(), bytes: z.number(), files: z.number(), records: z.number() }),
    false,
  ),
  exportRecords: channel(
    z.strictObject({
      ids: z.array(Id).min(1, 'choose at least one record').max(100_000),
      format: z.enum(EXPORT_FORMATS),
    }),
    z.object({ format: z.enum(EXPORT_FORMATS), count: z.number(), content: z.string() }),
    false,
  ),
};
