/** Commands of citations: cite, styles, install-style. */
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
};
