/** Commands of exchange: export (BibTeX, RIS, CSL-JSON, CSV, JSON, BagIt), import-metadata. */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../../shared/channels/exchange';
import { englishPlace } from '../../../shared/reports/en';
import { englishRowNote } from '../../../shared/reports/row-note';
import { ArchiveFailure } from '../../../shared/result';
import { decodeFileBytes, EncodingProblem, type DecodedFile } from '../../../shared/text-encoding';
import { single } from '../args';
import { call, print, type CommandContext, type Command } from '../command';
import { restoreLibrary } from '../../exchange/backup';
import { JobRunner } from '../../documents/jobs/runner';
import { recordIds } from './cite';
import { searchBoth } from './search';

const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json', 'csv', 'json', 'bagit'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

function exportFormat(raw: string | undefined): ExportFormat {
  if (raw === undefined)
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `export needs --format (one of ${EXPORT_FORMATS.join(', ')})` },
      'format',
    );
  if (!(EXPORT_FORMATS as readonly string[]).includes(raw)) {
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `--format: "${raw}" is not one of ${EXPORT_FORMATS.join(', ')}` },
      'format',
    );
  }
  return raw as ExportFormat;
}

/** The records a command works on: the IDs given, else those a --query finds (as `search` does), else every record. */
async function selection(ctx: CommandContext): Promise<number[]> {
  const words = ctx.args.positional.slice(1);
  const query = single(ctx.args, 'query');
  if (words.length > 0) return recordIds(words);
  if (query !== undefined) {
    const hits = (await searchBoth(ctx, query, 5_000)).merged;
    if (hits.length === 0)
      throw new ArchiveFailure('invalid_input', 'cli', { detail: `nothing matches "${query}": nothing to export` });
    return hits.map((h) => h.id);
  }
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const page = await call(ctx, 'listRecords', { limit: 1_000, offset, sort: 'createdAt', direction: 'asc' });
    ids.push(...page.items.map((r) => r.id));
    if (page.items.length < 1_000) break;
  }
  if (ids.length === 0)
    throw new ArchiveFailure('invalid_input', 'cli', { detail: 'the library has no records: nothing to export' });
  return ids;
}

function writeOut(file: string, content: string): void {
  const target = path.resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, target);
}

const IMPORT_FORMATS = ['csl-json', 'bibtex', 'ris', 'csv', 'endnote-xml', 'medline', 'mods'] as const;
type ImportFormat = (typeof IMPORT_FORMATS)[number];

function importFormat(raw: string | undefined, file: string): ImportFormat | undefined {
  if (raw !== undefined) {
    if (!(IMPORT_FORMATS as readonly string[]).includes(raw))
      throw new ArchiveFailure(
        'invalid_input',
        'cli',
        { detail: `--format: "${raw}" is not one of ${IMPORT_FORMATS.join(', ')}` },
        'format',
      );
    return raw as ImportFormat;
  }
  const ext = path.extname(file).toLowerCase();
  return (
    {
      '.bib': 'bibtex',
      '.bibtex': 'bibtex',
      '.ris': 'ris',
      '.json': 'csl-json',
      '.csv': 'csv',
      '.nbib': 'medline',
      '.medline': 'medline',
      // .xml is EndNote XML or MODS: told apart by the root element.
    } as Record<string, ImportFormat>
  )[ext];
}

/** A file's text, in the encoding found from its bytes, or as --encoding names it. */
function readText(file: string, encoding?: string): DecodedFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new ArchiveFailure('invalid_input', 'cli', { detail: `cannot read ${file}: ${(error as Error).message}` });
  }
  try {
    return decodeFileBytes(bytes, encoding);
  } catch (error) {
    if (!(error instanceof EncodingProblem)) throw error;
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `${file}: ${error.message}${encoding ? '' : ' (--encoding NAME)'}` },
      'encoding',
    );
  }
}

const DELIMITER_NAMES: Record<string, ',' | ';' | '\t' | ':' | '|'> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  ':': ':',
  colon: ':',
  '|': '|',
  pipe: '|',
};

/** --delimiter: the character, or its name (a tab is awkward to type in a shell). */
function delimiterOf(raw: string | undefined): ',' | ';' | '\t' | ':' | '|' | undefined {
  if (raw === undefined) return undefined;
  const found = DELIMITER_NAMES[raw.toLowerCase()];
  if (!found)
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `--delimiter: "${raw}" is not one of , ; : | tab (or comma, semicolon, colon, pipe)` },
      'delimiter',
    );
  return found;
}

/** --map COLUMN=FIELD (repeatable, or several joined by commas): a column by header or position, as the app names fields. */
function inlineMapping(values: string[] | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of values.flatMap((v) => v.split(','))) {
    const eq = pair.lastIndexOf('=');
    const column = pair.slice(0, eq).trim();
    const field = pair.slice(eq + 1).trim();
    if (eq <= 0 || !column || !field)
      throw new ArchiveFailure(
        'invalid_input',
        'cli',
        { detail: `--map: "${pair}" is not COLUMN=FIELD (e.g. --map 1=title,2=date or --map "Where=place")` },
        'map',
      );
    mapping[column] = field;
  }
  return mapping;
}

function reportText(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'Preview (nothing written): would import' : 'Imported'} ${r.imported}, merged ${r.merged}, skipped ${r.skipped}, with errors ${r.failed}; ${r.createdAuthorities.length} new authority records.`,
    ...r.rows
      // Rows imported are listed only when flagged: a possible duplicate the user may want to skip.
      .filter((row) => row.status !== 'imported' || row.possibleDuplicateOf !== undefined)
      .map((row) => `  ${englishPlace(row.where)}: ${row.status}: ${row.title} — ${englishRowNote(row)}`),
    ...r.createdAuthorities.map((a) => `  new ${a.kind}: ${a.name}`),
  ];
  return lines.join('\n');
}

export const exchangeCommands: Record<string, Command> = {
  'import-bag': {
    usage: 'import-bag DIR [--dry-run] [--merge] [--skip-bad-rows] [--no-ocr]',
    summary: 'check a BagIt package completely, then import its records and files (all or nothing)',
    options: [],
    words: [1, 1],
    run: async (ctx) => {
      const planned = await call(ctx, 'importBag', {
        dir: path.resolve(ctx.args.positional[1]!),
        duplicates: ctx.args.flags.has('merge') ? 'merge' : 'skip',
        skipBadRows: ctx.args.flags.has('skip-bad-rows'),
        dryRun: ctx.args.flags.has('dry-run'),
      });
      if (planned.dryRun || planned.batch === undefined) {
        print(ctx, planned, () => reportText(planned));
        return;
      }
      // The bag's files are stored and its records written by the import job, then the text of files
      // the bag carries none for is read: all of it here, so nothing is left pending when this returns.
      const batch = planned.batch;
      const info = await call(ctx, 'libraryInfo', {});
      const runner = new JobRunner({
        service: ctx.service,
        libraryRoot: info.path,
        ocr: !ctx.args.flags.has('no-ocr'),
      });
      let earlier = 0;
      try {
        await runner.resumeAbandoned();
        await runner.runBatch(batch);
        // Like `import`: what a killed run left undone is finished too, not left pending for the app.
        earlier = await runner.runPending();
      } finally {
        await runner.stop();
      }
      const { jobs } = await call(ctx, 'listJobs', { batch, limit: 10_000 });
      const job = jobs.find((j) => j.kind === 'import');
      if (!job || job.status !== 'done' || !job.result)
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: job?.error ?? `the import of ${planned.batch} did not finish (${job?.status ?? 'no job'})`,
        });
      const report = job.result as typeof planned;
      const extracted = jobs.filter((j) => j.kind === 'extract');
      const textFailed = extracted.filter((j) => j.status !== 'done').length;
      print(ctx, { ...report, textJobs: extracted.length, textFailed, earlierJobs: earlier }, () =>
        [
          reportText(report),
          ...(extracted.length
            ? [
                `Read the text of ${extracted.length - textFailed} of ${extracted.length} files the bag carried no text for.`,
              ]
            : []),
          ...(earlier ? [`Also finished ${earlier} job${earlier === 1 ? '' : 's'} left by an earlier run.`] : []),
        ].join('\n'),
      );
    },
  },
  backup: {
    usage: 'backup --out FILE',
    summary: 'back up the library (an online copy of the catalogue and every file) into one .tar.gz archive',
    options: ['out'],
    words: [0, 0],
    check: (args) => {
      if (!single(args, 'out'))
        throw new ArchiveFailure('invalid_input', 'cli', { detail: 'backup needs --out FILE' }, 'out');
    },
    run: async (ctx) => {
      const b = await call(ctx, 'backupLibrary', { out: path.resolve(single(ctx.args, 'out')!) });
      print(ctx, b, () => `Backed up ${b.records} records and ${b.files} files to ${b.file} (${b.bytes} bytes)`);
    },
  },
  restore: {
    usage: 'restore FILE --library DIR [--force]',
    summary: 'restore a backup into DIR (checked first; an existing library is replaced only with --force, and kept)',
    options: [],
    words: [1, 1],
    check: (args) => {
      if (!single(args, 'library'))
        throw new ArchiveFailure(
          'invalid_input',
          'cli',
          { detail: 'restore needs --library DIR: the folder to restore into' },
          'library',
        );
    },
    standalone: (ctx) => {
      const r = restoreLibrary(ctx.args.positional[1]!, single(ctx.args, 'library')!, ctx.args.flags.has('force'));
      print(ctx, r, () =>
        [
          `Restored ${r.records} records and ${r.files} files into ${r.library}`,
          ...(r.replaced ? [`The library that was there is kept at ${r.replaced}`] : []),
        ].join('\n'),
      );
    },
    run: async () => {},
  },
  'import-metadata': {
    usage:
      'import-metadata FILE [--format csl-json|bibtex|ris|csv|endnote-xml|medline|mods] [--encoding NAME] [--mapping FILE|NAME] [--map COLUMN=FIELD,...] [--delimiter ,|;|:|pipe|tab] [--no-header] [--dry-run] [--merge] [--skip-bad-rows] [--skip-possible-duplicates]',
    summary:
      'import records from CSL-JSON, BibTeX, RIS, CSV, EndNote XML, PubMed/MEDLINE (.nbib) or MODS, all or nothing (--dry-run previews)',
    options: ['format', 'mapping', 'encoding', 'map', 'delimiter'],
    words: [1, 1],
    check: (args) => {
      importFormat(single(args, 'format'), args.positional[1]!);
      delimiterOf(single(args, 'delimiter'));
      inlineMapping(args.options.get('map'));
    },
    run: async (ctx) => {
      const file = ctx.args.positional[1]!;
      const format = importFormat(single(ctx.args, 'format'), file);
      const mappingFile = single(ctx.args, 'mapping');
      let mapping: Record<string, string> | undefined;
      if (mappingFile && !fs.existsSync(mappingFile)) {
        // Not a file: the name of a mapping saved in the library (from the app or saveCsvMapping).
        const saved = (await call(ctx, 'listCsvMappings', {})).find((m) => m.name === mappingFile);
        if (!saved)
          throw new ArchiveFailure(
            'invalid_input',
            'cli',
            { detail: `--mapping: there is no file ${mappingFile} and no saved mapping of that name` },
            'mapping',
          );
        mapping = saved.mapping;
      } else if (mappingFile) {
        try {
          mapping = JSON.parse(readText(mappingFile).text) as Record<string, string>;
        } catch (error) {
          if (error instanceof ArchiveFailure) throw error;
          throw new ArchiveFailure('invalid_input', 'cli', {
            detail: `--mapping: ${mappingFile} is not a JSON object of column -> field (${(error as Error).message})`,
          });
        }
      }
      // --map adds to (and wins over) a --mapping file or saved mapping.
      const inline = inlineMapping(ctx.args.options.get('map'));
      if (inline) mapping = { ...mapping, ...inline };
      const delimiter = delimiterOf(single(ctx.args, 'delimiter'));
      const decoded = readText(file, single(ctx.args, 'encoding'));
      const input = {
        content: decoded.text,
        ...(format ? { format } : {}),
        ...(mapping ? { mapping } : {}),
        ...(delimiter ? { delimiter } : {}),
        header: !ctx.args.flags.has('no-header'),
        duplicates: ctx.args.flags.has('merge') ? ('merge' as const) : ('skip' as const),
        skipBadRows: ctx.args.flags.has('skip-bad-rows'),
        possibleDuplicates: ctx.args.flags.has('skip-possible-duplicates') ? ('skip' as const) : ('import' as const),
      };
      const report = await call(ctx, ctx.args.flags.has('dry-run') ? 'previewMetadataImport' : 'importMetadata', input);
      const encoding = { name: decoded.encoding, detected: decoded.detected };
      print(ctx, { ...report, encoding }, () =>
        [
          reportText(report),
          // A wrong guess shows in the titles above; the way to read the file otherwise is named.
          decoded.detected
            ? `Read as ${decoded.encoding} (detected; --encoding NAME reads it as another)`
            : `Read as ${decoded.encoding} (as named)`,
        ].join('\n'),
      );
    },
  },
  export: {
    usage: 'export --format bibtex|ris|csl-json|csv|json|bagit [--out FILE|DIR] [ID... | --query Q]',
    summary: 'export records (all of them, the IDs given, or what a search finds)',
    options: ['format', 'out', 'query'],
    words: [0, Infinity],
    check: (args) => {
      exportFormat(single(args, 'format'));
      recordIds(args.positional.slice(1));
      if (args.positional.length > 1 && args.options.has('query'))
        throw new ArchiveFailure('invalid_input', 'cli', { detail: 'give record IDs or --query, not both' });
    },
    run: async (ctx) => {
      const format = exportFormat(single(ctx.args, 'format'));
      const out = single(ctx.args, 'out');
      if (format === 'bagit') {
        if (!out)
          throw new ArchiveFailure(
            'invalid_input',
            'cli',
            { detail: 'export --format bagit needs --out DIR (a new or empty folder)' },
            'out',
          );
        const whole = ctx.args.positional.length === 1 && !ctx.args.options.has('query');
        const bag = await call(ctx, 'exportBag', {
          dir: path.resolve(out),
          ...(whole ? {} : { ids: await selection(ctx) }),
        });
        print(
          ctx,
          bag,
          () =>
            `Wrote a BagIt package of ${bag.records} records and ${bag.files} files (${bag.bytes} bytes) to ${bag.dir}`,
        );
        return;
      }
      const ids = await selection(ctx);
      const result =
        format === 'csv' || format === 'json'
          ? await call(ctx, 'exportRecords', { ids, format })
          : await call(ctx, 'exportCitations', { ids, format });
      if (out) {
        writeOut(out, result.content);
        print(
          ctx,
          { format, count: result.count, out: path.resolve(out) },
          () => `Exported ${result.count} records as ${format} to ${out}`,
        );
      } else {
        ctx.out(result.content.replace(/\n$/, ''));
      }
    },
  },
};
