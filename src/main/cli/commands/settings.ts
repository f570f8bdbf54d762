/** Commands of library settings: settings. */
import { ArchiveFailure } from '../../../shared/result';
import { single } from '../args';
import { call, print, type Command } from '../command';

export const settingsCommands: Record<string, Command> = {
  settings: {
    usage: 'settings [--archive-name TEXT] [--archive-place TEXT] [--default-style S] [--backups-kept N|default]',
    summary:
      'show or change the library settings (holding archive, default citation style, automatic backups kept; 0 turns them off)',
    options: ['archive-name', 'archive-place', 'default-style', 'backups-kept'],
    words: [0, 0],
    run: async (ctx) => {
      const patch = {
        ...(ctx.args.options.has('archive-name') ? { archiveName: single(ctx.args, 'archive-name') } : {}),
        ...(ctx.args.options.has('archive-place') ? { archivePlace: single(ctx.args, 'archive-place') } : {}),
        ...(ctx.args.options.has('default-style') ? { defaultStyle: single(ctx.args, 'default-style') } : {}),
        ...(ctx.args.options.has('backups-kept')
          ? { backupsKept: backupsKeptOption(single(ctx.args, 'backups-kept')) }
          : {}),
      };
      const s = Object.keys(patch).length
        ? await call(ctx, 'updateSettings', patch)
        : await call(ctx, 'getSettings', {});
      print(ctx, s, () =>
        [
          `Holding archive: ${s.archiveName ?? '(not set)'}`,
          `Archive place:   ${s.archivePlace ?? '(not set)'}`,
          `Default style:   ${s.defaultStyle}`,
          `Backups kept:    ${s.backupsKept === 0 ? '0 (automatic backups off)' : s.backupsKept}`,
        ].join('\n'),
      );
    },
  },
};

/** --backups-kept: a count of copies, or "default". */
function backupsKeptOption(raw: string | undefined): number | null {
  if (raw === 'default') return null;
  if (raw === undefined || !/^\d+$/.test(raw))
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: '--backups-kept takes a number of copies (0: no automatic backups) or "default"' },
      'backupsKept',
    );
  return Number(raw);
}
