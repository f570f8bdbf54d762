/** Commands of citations: cite, styles, install-style, settings. */
import fs from 'node:fs';
import { ArchiveFailure } from '../../../shared/result';
import { recordId, single } from '../args';
import { call, print, type Command } from '../command';

export function recordIds(words: string[]): number[] {
  return words.flatMap((w) => w.split(',')).filter(Boolean).map((w) => recordId(w, 'this command'));
}

function textFormat(raw: string | undefined): 'text' | 'html' {
  if (raw === undefined || raw === 'text' || raw === 'html') return raw ?? 'text';
  throw new ArchiveFailure('invalid_input', `--format: "${raw}" is not text or html`, 'format');
}

export const citeCommands: Record<string, Command> = {
  cite: {
    usage: 'cite ID... [--style S] [--format text|html]',
    summary: 'print the bibliography of records in a citation style (default: the library\'s default style)',
    options: ['style', 'format'],
    words: [1, Infinity],
    check: (args) => {
      recordIds(args.positional.slice(1));
      textFormat(single(args, 'format'));
    },
    run: async (ctx) => {
      const style = single(ctx.args, 'style');
      const c = await call(ctx, 'citeRecords', { ids: recordIds(ctx.args.positional.slice(1)), ...(style ? { style } : {}) });
      const format = textFormat(single(ctx.args, 'format'));
      print(ctx, c, () => (format === 'html' ? c.html : [c.text, '', `In text: ${c.inText.text}`].join('\n')));
    },
  },
  styles: {
    usage: 'styles',
    summary: 'list the citation styles (built in and installed)',
    options: [],
    words: [0, 0],
    run: async (ctx) => {
      const styles = await call(ctx, 'listStyles', {});
      print(ctx, styles, () => styles.map((s) => `${s.id.padEnd(32)} ${s.title}${s.builtIn ? '' : ' (installed)'}`).join('\n'));
    },
  },
  'install-style': {
    usage: 'install-style FILE.csl',
    summary: 'install a CSL style file (checked first; a broken file is refused with the reason)',
    options: [],
    words: [1, 1],
    run: async (ctx) => {
      const file = ctx.args.positional[1]!;
      let xml: string;
      try {
        xml = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new ArchiveFailure('invalid_input', `cannot read ${file}: ${(error as Error).message}`);
      }
      const style = await call(ctx, 'installStyle', { xml });
      print(ctx, style, () => `Installed the style "${style.id}" (${style.title}).`);
    },
  },
  settings: {
    usage: 'settings [--archive-name TEXT] [--archive-place TEXT] [--default-style S] [--backups-kept N|default]',
    summary: 'show or change the library settings (holding archive, default citation style, automatic backups kept; 0 turns them off)',
    options: ['archive-name', 'archive-place', 'default-style', 'backups-kept'],
    words: [0, 0],
    run: async (ctx) => {
      const patch = {
        ...(ctx.args.options.has('archive-name') ? { archiveName: single(ctx.args, 'archive-name') } : {}),
        ...(ctx.args.options.has('archive-place') ? { archivePlace: single(ctx.args, 'archive-place') } : {}),
        ...(ctx.args.options.has('default-style') ? { defaultStyle: single(ctx.args, 'default-style') } : {}),
        ...(ctx.args.options.has('backups-kept') ? { backupsKept: backupsKeptOption(single(ctx.args, 'backups-kept')) } : {}),
      };
      const s = Object.keys(patch).length ? await call(ctx, 'updateSettings', patch) : await call(ctx, 'getSettings', {});
      print(ctx, s, () =>
        [`Holding archive: ${s.archiveName ?? '(not set)'}`, `Archive place:   ${s.archivePlace ?? '(not set)'}`, `Default style:   ${s.defaultStyle}`, `Backups kept:    ${s.backupsKept === 0 ? '0 (automatic backups off)' : s.backupsKept}`].join('\n'),
      );
    },
  },
};

/** --backups-kept: a count of copies, or "default". */
function backupsKeptOption(raw: string | undefined): number | null {
  if (raw === 'default') return null;
  if (raw === undefined || !/^\d+$/.test(raw)) throw new ArchiveFailure('invalid_input', '--backups-kept takes a number of copies (0: no automatic backups) or "default"', 'backupsKept');
  return Number(raw);
}
