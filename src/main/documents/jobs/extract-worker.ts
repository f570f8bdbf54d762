/**
 * Entry of the extraction worker thread: PDF text, OCR and thumbnails run here, never on the main
 * event loop nor in the catalogue worker. It reads stored files and writes only thumbnails into
 * storage; the catalogue is told the outcome by the job runner. One request at a time.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../extract';
import { chooseOcrLanguages, closeOcr, prepareOcr, type OcrSetup } from '../extract/ocr';
import { warmUpPdf } from '../extract/pdf';

export interface ExtractRequest {
  type: 'extract';
  id: number;
  file: string;
  mediaType: string;
  filesDir: string;
  libraryRoot: string;
  ocr: boolean;
  /** The languages the import chose ("eng", "chi_sim", "eng+chi_sim"); absent: the library's default. */
  ocrLanguages?: string;
}
export type ExtractReply =
  | { type: 'progress'; id: number; done: number; total: number; label: string }
  | { type: 'done'; id: number; extraction: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'ready' };

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');

const ocrSetups = new Map<string, OcrSetup>();

// Ready once pdf.js is loaded: the runner measures each job's memory from here, not the thread's start-up.
void warmUpPdf().finally(() => port.postMessage({ type: 'ready' } satisfies ExtractReply));

port.on('message', (msg: ExtractRequest | { type: 'close' }) => {
  if (msg.type === 'close') {
    void closeOcr().finally(() => port.close());
    return;
  }
  void (async () => {
    try {
      let ocr: OcrSetup | null = null;
      if (msg.ocr) {
        ocr = ocrSetups.get(msg.libraryRoot) ?? prepareOcr(msg.libraryRoot);
        ocrSetups.set(msg.libraryRoot, ocr);
        if (msg.ocrLanguages) ocr = chooseOcrLanguages(ocr, msg.ocrLanguages);
      }
      const extraction = await extractFile(msg.file, msg.mediaType, {
        filesDir: msg.filesDir,
        ocr,
        onProgress: (done, total, label) =>
          port.postMessage({ type: 'progress', id: msg.id, done, total, label } satisfies ExtractReply),
      });
      port.postMessage({ type: 'done', id: msg.id, extraction } satisfies ExtractReply);
    } catch (error) {
      port.postMessage({
        type: 'error',
        id: msg.id,
        message: (error as Error).message ?? String(error),
      } satisfies ExtractReply);
    }
  })();
});
