import type { Extraction } from '../../../shared/channels/documents';
import type { OcrSetup } from './ocr';

export type { Extraction };

export interface ExtractOptions {
  filesDir: string;
  ocr: OcrSetup | null;
  onProgress: (done: number, total: number, label: string) => void;
}

/** What every extractor starts from: nothing known yet, no text. */
export function emptyExtraction(): Extraction {
  return {
    pageCount: null,
    width: null,
    height: null,
    durationSeconds: null,
    encrypted: false,
    metadata: {},
    thumbnailSha256: null,
    pages: [],
    textStatus: 'none',
    textError: null,
  };
}

/** OCR text below this mean confidence is not kept as text (a photo of a delegation is not a document). */
export const MIN_OCR_CONFIDENCE = 45;
