/**
 * Library settings for citations and exchange, in the catalogue's key/value `settings` table:
 * they travel with the library (backups, other machines), unlike per-user app preferences.
 */
import type { LibrarySettings } from '../../shared/channels/settings';
import { ArchiveFailure } from '../../shared/result';
import { backupsKept, setBackupsKept } from '../catalogue/backups';
import type { CatalogueContext } from '../catalogue/context';

const DEFAULT_STYLE = 'apa';
const KEYS = {
  archiveName: 'cite.archive.name',
  archivePlace: 'cite.archive.place',
  defaultStyle: 'cite.style.default',
} as const;

export function readSetting(ctx: Pick<CatalogueContext, 'db'>, key: string): string | null {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

export function writeSetting(ctx: Pick<CatalogueContext, 'db'>, key: string, value: string | null): void {
  if (value === null) ctx.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else
    ctx.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
}

export function getSettings(ctx: Pick<CatalogueContext, 'db'>): LibrarySettings {
  return {
    archiveName: readSetting(ctx, KEYS.archiveName),
    archivePlace: readSetting(ctx, KEYS.archivePlace),
    defaultStyle: readSetting(ctx, KEYS.defaultStyle) ?? DEFAULT_STYLE,
    backupsKept: backupsKept(ctx.db),
  };
}

export function updateSettings(
  ctx: CatalogueContext,
  patch: {
    archiveName?: string | null | undefined;
    archivePlace?: string | null | undefined;
    defaultStyle?: string | undefined;
    backupsKept?: number | null | undefined;
  },
  styleExists: (id: string) => boolean,
): LibrarySettings {
  return ctx.db.transaction(() => {
    if (patch.archiveName !== undefined) writeSetting(ctx, KEYS.archiveName, patch.archiveName);
    if (patch.archivePlace !== undefined) writeSetting(ctx, KEYS.archivePlace, patch.archivePlace);
    if (patch.backupsKept !== undefined) setBackupsKept(ctx.db, patch.backupsKept);
    if (patch.defaultStyle !== undefined) {
      if (!styleExists(patch.defaultStyle)) {
        throw new ArchiveFailure(
          'not_found',
          'not_found',
          { kind: 'defaultStyle', id: patch.defaultStyle },
          'defaultStyle',
        );
      }
      writeSetting(ctx, KEYS.defaultStyle, patch.defaultStyle);
    }
    return getSettings(ctx);
  })();
}
