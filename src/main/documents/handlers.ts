/** Documents' handlers: one function per channel of src/shared/channels/documents.ts. */
import type { documentsChannels } from '../../shared/channels/documents';
import type { HandlersFor } from '../service/handler-types';
import * as files from './file-records';

export const documentsHandlers: HandlersFor<typeof documentsChannels> = {
  documentSettings: (ctx) => files.documentSettings(ctx),
  updateDocumentSettings: (ctx, { maxFileBytes }) => files.updateDocumentSettings(ctx, maxFileBytes),
  previewImport: (ctx, { paths }) => files.previewImport(ctx, paths),
  importFiles: (ctx, input) => files.importFiles(ctx, input),
  importUploaded: (ctx, input) => files.importUploaded(ctx, input),
  storedFileType: (ctx, { sha256 }) => files.storedFileType(ctx, sha256),
  recordFiles: (ctx, { recordId }) => files.recordFiles(ctx, recordId),
  fileInfo: (ctx, input) => files.fileInfo(ctx, input),
  filePages: (ctx, { fileId, from, limit }) => files.filePages(ctx, fileId, from, limit),
  pageWords: (ctx, { fileId, page }) => files.pageWords(ctx, fileId, page),
  detachFile: (ctx, { recordId, fileId }) => files.detachFile(ctx, recordId, fileId),
  listJobs: (ctx, input) => files.listJobs(ctx, input),
  cancelJobs: (ctx, input) => files.cancelJobs(ctx, input),
  resumeJobs: (ctx, { abandoned, release }) => files.resumeJobs(ctx, abandoned, release),
  claimJob: (ctx, { batch, kind, owner }) => files.claimJob(ctx, batch, kind, owner),
  jobProgress: (ctx, input) => files.jobProgress(ctx, input),
  failJob: (ctx, { id, error }) => files.failJob(ctx, id, error),
  registerImport: (ctx, input) => files.registerImport(ctx, input),
  finishExtract: (ctx, { id, extraction }) => files.finishExtract(ctx, id, extraction),
  startVerify: (ctx) => files.startVerify(ctx),
  finishJob: (ctx, { id, result }) => files.finishJob(ctx, id, result),
  storedFiles: (ctx, { afterId, limit }) => files.storedFiles(ctx, afterId, limit),
  recordFixity: (ctx, { results }) => files.recordFixity(ctx, results),
};
