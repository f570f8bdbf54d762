import type { ArchiveApi } from '../shared/client';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in the browser host, where the renderer builds the same client over fetch. */
    archive?: ArchiveApi;
  }
}

export {};
