/** Reads one stored file by its type: the facts, metadata suggestions, thumbnail and page text. */
import { kindOf } from '../detect';
import { extractImage } from './image';
import { mediaFacts } from './media';
import { extractPdf } from './pdf';
import { extractHtml, extractPlain } from './text';
import { emptyExtraction, type ExtractOptions, type Extraction } from './types';

export async function extractFile(file: string, mediaType: string, opts: ExtractOptions): Promise<Extraction> {
  switch (kindOf(mediaType)) {
    case 'pdf':
      return extractPdf(file, opts);
    case 'image':
      return extractImage(file, mediaType, opts);
    case 'text':
      return extractPlain(file);
    case 'html':
      return extractHtml(file);
    case 'audio':
    case 'video':
      return mediaFacts(file, mediaType);
    default: {
      const out = emptyExtraction();
      out.textError = `kept as an attachment: no text is read from ${mediaType} content`;
      return out;
    }
  }
}
