/**
 * Where the undo history is kept: in the library folder, through the service (getUndoHistory /
 * putUndoHistory), so it outlives a reload, a browser host started on another port (a page's
 * localStorage belongs to its origin, and the port is part of it) and a restart, in the desktop
 * app and the browser alike. The service answers for the library open now, and only if it is
 * the one the history belongs to (by its id): a write late for a library switched away is dropped.
 */
import { archive } from '../archive';

export interface HistoryStore {
  /** The text kept for this library, or null (none, unreadable, or the service unreachable). */
  get(library: string): Promise<string | null>;
  /** Replaces it (null: forget it); false if it could not be kept. */
  put(library: string, text: string | null): Promise<boolean>;
}

export const libraryStore: HistoryStore = {
  get: async (libraryId) => {
    const result = await archive.getUndoHistory({ libraryId });
    return result.ok ? result.value.text : null;
  },
  put: async (libraryId, text) => {
    const result = await archive.putUndoHistory({ libraryId, text });
    return result.ok && result.value.kept;
  },
};

/** Where histories were kept before (localStorage, by library id): read once, then moved to the library. */
const LEGACY_KEY_PREFIX = 'civic-archive:undo:';

export function takeLegacy(library: string): string | null {
  try {
    return localStorage.getItem(LEGACY_KEY_PREFIX + library);
  } catch {
    return null;
  }
}

export function dropLegacy(library: string): void {
  try {
    localStorage.removeItem(LEGACY_KEY_PREFIX + library);
  } catch {
    // No storage: nothing was kept there.
  }
}
