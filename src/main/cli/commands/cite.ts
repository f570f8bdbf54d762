/** Commands of citations: cite, styles, install-style, remove-style. */
import fs from 'node:fs';
import { ArchiveFailure } from '../../../shared/result';
import { recordId, single } from '../args';
import { call, print, type Command } from '../command';

/** The largest style file install-style reads (the channel takes at most 2 MB of text too). */
const MAX_STYLE_BYTES = 2_000_000;

export function recordIds(words: string[]): number[] {
  return words
    .flatMap((w) => w.split(','))
    .filter(Boolean)
    .map((w) => recordId(w, 'this command'));
}

function textFormat(raw: string | undefined): 'text' | 'html' {
  if (raw === undefined || raw === 'text' || raw === 'html') return raw ?? 'text';
  throw new ArchiveFailure('invalid_input', 'cli', { detail: `--format: "${raw}" is not text or html` }, 'format');
}

export const citeCommands: Record<string, Command> = {
  cite: {
    usage: 'cite ID... [--style S] [--format text|html]',
    summary: "print the bibliography of records in a citation style (default: the library's default style)",
    options: ['style', 'format'],
    words: [1, Infinity],
    check: (args) => {
      recordIds(args.positional.slice(1));
      textFormat(single(args, 'format'));
    },
    run: async (ctx) => {
      const style = single(ctx.args, 'style');
      const c = await call(ctx, 'citeRecords', {
        ids: recordIds(ctx.args.positional.slice(1)),
        ...(style ? { style } : {}),
      });
      const format = textFormat(single(ctx.args, 'format'));
      print(ctx, c, () => (format === 'html' ? c.html : [c.text, '', `In text: ${c.inText.text}`].join('\n')));
    },
  },
  styles: {
    usage: 'styles [--all] [--find WORDS]',
    summary:
      'list the citation styles: built in and installed; --all adds every official CSL style the app carries; --find keeps those whose id or title has the words',
    options: ['find'],
    words: [0, 0],
    run: async (ctx) => {
      const find = single(ctx.args, 'find');
      const styles = await call(ctx, 'listStyles', {
        all: ctx.args.flags.has('all'),
        ...(find !== undefined ? { find } : {}),
      });
      const label = (s: (typeof styles)[number]) => (s.source === 'official' ? '' : ` (${s.source})`);
      print(ctx, styles, () =>
        styles.length === 0
          ? `No style matches "${find ?? ''}"${ctx.args.flags.has('all') ? '' : ' (--all searches every official style)'}.`
          : styles.map((s) => `${s.id.padEnd(32)} ${s.title}${label(s)}`).join('\n'),
      );
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
        // The size first: a 50 MB "style" is refused without being read.
        const size = fs.statSync(file).size;
        if (size > MAX_STYLE_BYTES) {
          throw new ArchiveFailure(
            'invalid_input',
            'cli',
            {
              detail: `${file} is ${(size / 1_000_000).toFixed(1)} MB; a CSL style file is at most 2 MB (Chicago author-date, one of the largest official styles, is 0.17 MB), so this is not one`,
            },
            'file',
          );
        }
        xml = fs.readFileSync(file, 'utf8');
      } catch (error) {
        if (error instanceof ArchiveFailure) throw error;
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: `cannot read ${file}: ${(error as Error).message}`,
        });
      }
      const style = await call(ctx, 'installStyle', { xml });
      print(ctx, style, () =>
        [`Installed the style "${style.id}" (${style.title}).`, ...(style.note ? [style.note] : [])].join('\n'),
      );
    },
  },
  'remove-style': {
    usage: 'remove-style ID',
    summary: 'remove a style installed from a CSL file (the styles that come with the app stay)',
    options: [],
    words: [1, 1],
    run: async (ctx) => {
      const removed = await call(ctx, 'removeStyle', { style: ctx.args.positional[1]! });
      print(ctx, removed, () => `Removed the style "${removed.style}".`);
    },
  },
};
