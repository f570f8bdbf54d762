/**
 * A PDF opened with pdf.js in the renderer (its worker is a bundled asset, so the CSP's worker-src
 * 'self' holds), shared by the record's small viewer and the reader.
 */
import { useEffect, useState } from 'react';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * pdf.js's own resources, copied beside the app by the build (electron.vite.config.ts): the wasm
 * image decoders (JBIG2, JPEG 2000), the standard fonts, the CJK character maps and the ICC profile.
 * Without them a JBIG2 or JPX scan draws as a blank page and un-embedded fonts fall back. Served by
 * the app itself (app:// in Electron, the loopback host in a browser): nothing is fetched from outside.
 */
const PDFJS_ASSETS = new URL('pdfjs/', document.baseURI).href;
const PDFJS_OPTIONS = {
  wasmUrl: `${PDFJS_ASSETS}wasm/`,
  standardFontDataUrl: `${PDFJS_ASSETS}standard_fonts/`,
  cMapUrl: `${PDFJS_ASSETS}cmaps/`,
  cMapPacked: true,
  iccUrl: `${PDFJS_ASSETS}iccs/`,
};

/** The PDF at `url` (null: none wanted, for a reader showing images or text). */
export function usePdfDocument(url: string | null): { doc: PDFDocumentProxy | null; error: string | null } {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // One plain GET for the whole file (no ranged requests): the same on the host and on civic-file:.
    let task: ReturnType<typeof getDocument> | null = null;
    let stopped = false;
    if (url === null) return;
    void fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`the file could not be read (${r.status})`))))
      .then((data) => {
        if (stopped) return;
        task = getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(data) });
        return task.promise.then(setDoc);
      })
      .catch((e: Error) => {
        if (!stopped) setError(e.message);
      });
    return () => {
      stopped = true;
      void task?.destroy();
    };
  }, [url]);
  return { doc, error };
}
