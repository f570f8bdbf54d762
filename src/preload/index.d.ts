import type { ArchiveApi } from '../shared/client';
import type { ShellApi } from '../shared/shell';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in the browser host, where the renderer builds the same client over fetch. */
    archive?: ArchiveApi;
    /** Present in the desktop app only: the system dialog, whose picks come back as grants. */
    archiveShell?: ShellApi;
  }
}

export {};
