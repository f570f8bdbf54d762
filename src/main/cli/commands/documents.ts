/** Commands over documents: import files and folders, list a record's files, show jobs, verify fixity. */
import fs from 'node:fs';
import path from 'node:path';
import { ArchiveFailure } from '../../../shared/result';
import { englishSkip } from '../../../shared/reports/en';
import { JobRunner, type RunnerEvent } from '../../documents/jobs/runner';
import { searchablePdf } from '../../documents/searchable-pdf';
import { fixityProblems, verifyLibrary } from '../../documents/verify';
import { OCR_CHOICES, type OcrChoice } from '../../../shared/model';
import { integer, recordId, single, type ParsedArgs } from '../args';
import { terminalSafe } from '../terminal';
import { call, print, type Command, type CommandContext } from '../command';
import { typeSlug } from './catalogue';

/** FILE-ID and PAGE, both positive whole numbers. */
function pageOf(positional: string[]): { fileId: number; page: number } {
  const fileId = recordId(positional[1], 'words');
  const raw = positional[2];
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ArchiveFailure('invalid_input', 'cli', {
      detail: `"${raw ?? ''}" is not a page number (pages are numbered from 1)`,
    });
  return { fileId, page: Number(raw) };
}

function sizeLimit(ctx: { args: CommandContext['args'] }): void {
  const max = integer(ctx.args, 'max-size');
  if (max !== undefined) {
    if (max < 1)
      throw new ArchiveFailure('invalid_input', 'cli', { detail: '--max-size must be at least 1 byte' }, 'max-size');
    process.env.CIVIC_ARCHIVE_MAX_FILE_BYTES = String(max);
  }
}

/**
 * --ocr: the languages OCR reads the new files in ("both" is eng+chi_sim), kept with the jobs so
 * whichever runner reads them follows it. Absent: the library's default. (--no-ocr only tells this
 * run not to OCR, as before.)
 */
function ocrChoice(args: ParsedArgs): OcrChoice | undefined {
  const raw = single(args, 'ocr');
  const off = args.flags.has('no-ocr');
  if (raw === undefined) return undefined;
  const choice = raw === 'both' ? 'eng+chi_sim' : raw;
  if (!(OCR_CHOICES as readonly string[]).includes(choice))
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `--ocr: "${raw}" is not an OCR choice (one of eng, chi_sim, both, off)` },
      'ocr',
    );
  if (off && choice !== 'off')
    throw new ArchiveFailure('invalid_input', 'cli', { detail: `--no-ocr and --ocr ${raw} disagree; give one` }, 'ocr');
  return choice as OcrChoice;
}

/** --tag, repeated or comma-separated like `add`'s. */
function tagList(args: ParsedArgs): string[] {
  return (args.options.get('tag') ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** --collection ID: the collection the new records go in (collection list shows the IDs). */
function collectionOption(args: ParsedArgs): number | undefined {
  const raw = single(args, 'collection');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ArchiveFailure(
      'invalid_input',
      'cli',
      { detail: `--collection: "${raw}" is not a collection ID (a positive whole number; collection list shows them)` },
      'collectionId',
    );
  return Number(raw);
}

/** One progress line on stderr: rewritten in place on a terminal, one line per finished file otherwise. */
function progressLine(): { event: (e: RunnerEvent) => void; end: () => void } {
  const tty = process.stderr.isTTY;
  const counts = { import: 0, extract: 0, verify: 0 };
  let line = '';
  const show = (raw: string, final: boolean) => {
    // File names and job errors come from outside: escaped like every other CLI output (cli/terminal.ts).
    const text = terminalSafe(raw);
    if (tty) {
      process.stderr.write(`\r${text.slice(0, (process.stderr.columns || 100) - 1).padEnd(line.length)}`);
      line = text;
    } else if (final) process.stderr.write(`${text}\n`);
  };
  return {
    event: (e) => {
      const kind = e.job.kind;
      if (e.phase === 'start') counts[kind]++;
      const what = kind === 'import' ? 'storing' : kind === 'verify' ? 'checking' : 'reading';
      const page = e.phase === 'progress' && e.total ? `, ${e.label ?? `page ${(e.done ?? 0) + 1} of ${e.total}`}` : '';
      const end = e.phase === 'end' ? ` — ${e.status}${e.error ? `: ${e.error}` : ''}` : '';
      show(`${what} file ${counts[kind]}: ${e.job.name}${page}${end}`, e.phase === 'end');
    },
    end: () => {
      if (tty && line) process.stderr.write('\n');
    },
  };
}

export const documentsCommands: Record<string, Command> = {
  import: {
    usage:
      'import PATH... [--record ID] [--type TYPE] [--tag TAG]... [--collection ID] [--ocr eng|chi_sim|both|off] [--dry-run] [--no-wait] [--no-ocr] [--max-size BYTES]',
    summary:
      'import files and folders (recursive): one record per file (of --type, else guessed: photographs from camera metadata), or attached to --record',
    options: ['record', 'type', 'tag', 'collection', 'ocr', 'max-size'],
    words: [1, 10_000],
    check: (args) => {
      typeSlug(single(args, 'type'));
      ocrChoice(args);
      collectionOption(args);
      const rec = single(args, 'record');
      if (rec !== undefined) recordId(rec, 'import --record');
      integer(args, 'max-size');
    },
    run: async (ctx) => {
      sizeLimit(ctx);
      const paths = ctx.args.positional.slice(1).map((p) => path.resolve(p));
      const rec = single(ctx.args, 'record');
      if (ctx.args.flags.has('dry-run')) {
        const preview = await call(ctx, 'previewImport', { paths });
        print(ctx, preview, () =>
          [
            ...preview.files.map((f) => `${f.path} (${f.size} bytes)`),
            ...preview.skipped.map((s) => `${s.path}: would be skipped — ${englishSkip(s)}`),
            `Would import ${preview.files.length} file${preview.files.length === 1 ? '' : 's'} (${preview.totalBytes} bytes)${rec === undefined ? `: ${preview.files.length} new record${preview.files.length === 1 ? '' : 's'}` : ` into record #${rec}`}. Nothing was changed.`,
          ].join('\n'),
        );
        return;
      }
      const queued = await call(ctx, 'importFiles', {
        paths,
        ...(rec !== undefined ? { recordId: recordId(rec, 'import') } : {}),
        ...(single(ctx.args, 'type') ? { recordType: typeSlug(single(ctx.args, 'type')) } : {}),
        tags: tagList(ctx.args),
        ...(collectionOption(ctx.args) !== undefined ? { collectionId: collectionOption(ctx.args) } : {}),
        ...(ocrChoice(ctx.args) !== undefined ? { ocr: ocrChoice(ctx.args) } : {}),
      });
      if (queued.queued === 0 && queued.skipped.length > 0) {
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: `nothing to import: ${queued.skipped.map((s) => `${s.path}: ${englishSkip(s)}`).join('; ')}`,
        });
      }
      const info = await call(ctx, 'libraryInfo', {});
      const progress = progressLine();
      const runner = new JobRunner({
        service: ctx.service,
        libraryRoot: info.path,
        ocr: !ctx.args.flags.has('no-ocr'),
        onEvent: ctx.json ? undefined : progress.event,
      });
      let earlier = 0;
      try {
        // Jobs a killed or crashed run left "running" go back in the queue (a live process's stay its own).
        await runner.resumeAbandoned();
        if (ctx.args.flags.has('no-wait')) {
          // Store the files now (so the records exist); text and OCR wait for the app or the next import.
          await runner.runBatch(queued.batch, 'import');
        } else {
          await runner.runBatch(queued.batch);
          // Then what earlier runs left undone (an import killed before its text was read, a --no-wait
          // import): nothing stays "pending" until the app happens to open the library.
          earlier = await runner.runPending();
        }
      } finally {
        await runner.stop();
        progress.end();
      }
      const { jobs } = await call(ctx, 'listJobs', { batch: queued.batch, limit: 10_000 });
      const files = jobs
        .filter((j) => j.kind === 'import')
        .map((j) => {
          const extract = jobs.find((x) => x.kind === 'extract' && x.fileId !== null && x.fileId === j.fileId);
          const r = (j.result ?? {}) as {
            recordId?: number | null;
            fileId?: number;
            alreadyIn?: number[];
            sha256?: string;
          };
          return {
            path: j.source ?? j.name,
            name: j.name,
            status: j.status,
            error: j.error,
            recordId: r.recordId ?? null,
            fileId: r.fileId ?? null,
            sha256: r.sha256 ?? null,
            alreadyIn: r.alreadyIn ?? [],
            text: extract ? { status: extract.status, error: extract.error, ...(extract.result ?? {}) } : null,
          };
        });
      const failed = files.filter((f) => f.status !== 'done').length;
      const result = {
        batch: queued.batch,
        imported: files.length - failed,
        failed,
        skipped: queued.skipped,
        files,
        earlierJobs: earlier,
      };
      print(ctx, result, () => {
        const lines = files.map((f) => {
          if (f.status !== 'done') return `${f.name}: ${f.status}${f.error ? ` — ${f.error}` : ''}`;
          const where =
            f.recordId === null
              ? `already in the library (record${f.alreadyIn.length > 1 ? 's' : ''} #${f.alreadyIn.join(', #')}); not stored again`
              : f.alreadyIn.length
                ? `attached to record #${f.recordId} (the same file is already in record #${f.alreadyIn.join(', #')}; stored once)`
                : `record #${f.recordId}`;
          const text = f.text
            ? ` — text ${String((f.text as { textStatus?: string }).textStatus ?? f.text.status)}${f.text.error ? `: ${f.text.error}` : ''}`
            : '';
          return `${f.name}: ${where}${text}`;
        });
        for (const s of queued.skipped) lines.push(`${s.path}: skipped — ${englishSkip(s)}`);
        lines.push(
          `Imported ${result.imported} file${result.imported === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}${queued.skipped.length ? `, ${queued.skipped.length} skipped` : ''}.`,
        );
        if (earlier > 0) lines.push(`Also finished ${earlier} job${earlier === 1 ? '' : 's'} left by an earlier run.`);
        return lines.join('\n');
      });
      if (failed > 0)
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: `${failed} of ${files.length} file${files.length === 1 ? '' : 's'} could not be imported`,
        });
    },
  },
  'file-limit': {
    usage: 'file-limit [BYTES|default]',
    summary: "show or set the library's file size limit (default 2 GiB)",
    options: [],
    words: [0, 1],
    check: (args) => {
      const v = args.positional[1];
      if (v !== undefined && v !== 'default' && !/^[1-9]\d*$/.test(v))
        throw new ArchiveFailure('invalid_input', 'cli', { detail: `"${v}" is not a number of bytes (or "default")` });
    },
    run: async (ctx) => {
      const v = ctx.args.positional[1];
      const s =
        v === undefined
          ? await call(ctx, 'documentSettings', {})
          : await call(ctx, 'updateDocumentSettings', { maxFileBytes: v === 'default' ? null : Number(v) });
      print(ctx, s, () => `File size limit: ${s.maxFileBytes} bytes (${s.source})`);
    },
  },
  files: {
    usage: 'files ID',
    summary: "list a record's files (name, type, size, pages, text status, SHA-256)",
    options: [],
    words: [1, 1],
    check: (args) => void recordId(args.positional[1], 'files'),
    run: async (ctx) => {
      const files = await call(ctx, 'recordFiles', { recordId: recordId(ctx.args.positional[1], 'files') });
      print(ctx, files, () =>
        files.length === 0
          ? 'No files.'
          : files
              .map(
                (f) =>
                  `#${f.id} ${f.originalName} — ${f.mediaType}, ${f.size} bytes${f.pageCount ? `, ${f.pageCount} page${f.pageCount === 1 ? '' : 's'}` : ''}` +
                  `${f.encrypted ? ', encrypted' : ''}; text ${f.textStatus}${f.textError ? ` (${f.textError})` : ''}; sha256 ${f.sha256}`,
              )
              .join('\n'),
      );
    },
  },
  text: {
    usage: 'text FILE-ID',
    summary: "print a stored file's text, page by page, with its source",
    options: [],
    words: [1, 1],
    check: (args) => void recordId(args.positional[1], 'text'),
    run: async (ctx) => {
      const pages = await call(ctx, 'filePages', { fileId: recordId(ctx.args.positional[1], 'text') });
      print(ctx, pages, () =>
        pages
          .map(
            (p) =>
              `--- page ${p.page} (${p.source}${p.confidence !== null ? `, confidence ${p.confidence}%` : ''})\n${p.text}`,
          )
          .join('\n'),
      );
    },
  },
  words: {
    usage: 'words FILE-ID PAGE',
    summary: 'print the words OCR read on a page, each with its box (x y w h, fractions of the page) and confidence',
    options: [],
    words: [2, 2],
    check: (args) => void pageOf(args.positional),
    run: async (ctx) => {
      const { fileId, page } = pageOf(ctx.args.positional);
      const words = await call(ctx, 'pageWords', { fileId, page });
      print(ctx, words, () =>
        words === null
          ? `Page ${page} has no OCR words (it has a text layer, OCR found nothing legible, or it was read before word boxes were kept).`
          : [
              `Page ${page}: ${words.words.length} words read on a ${words.width}×${words.height} image`,
              ...words.words.map((w) => `${w.x} ${w.y} ${w.w} ${w.h} ${w.confidence}% ${w.text}`),
            ].join('\n'),
      );
    },
  },
  'export-searchable': {
    usage: 'export-searchable FILE-ID OUT.pdf',
    summary:
      'write a scanned document (image, TIFF, scanned PDF) as a searchable PDF: its pictures with the OCR text laid invisibly over them',
    options: [],
    words: [2, 2],
    check: (args) => void recordId(args.positional[1], 'export-searchable'),
    run: async (ctx) => {
      const fileId = recordId(ctx.args.positional[1], 'export-searchable');
      const out = path.resolve(ctx.args.positional[2]!);
      const info = await call(ctx, 'libraryInfo', {});
      const pdf = await searchablePdf(ctx.service, info.path, fileId);
      // Written aside and renamed, so a failed write never leaves half a PDF under the name asked for.
      const temp = `${out}.${process.pid}.tmp`;
      try {
        await fs.promises.writeFile(temp, pdf.bytes);
        await fs.promises.rename(temp, out);
      } catch (error) {
        await fs.promises.rm(temp, { force: true });
        throw new ArchiveFailure('invalid_input', 'cli', {
          detail: `cannot write ${out}: ${(error as Error).message}`,
        });
      }
      const value = { out, bytes: pdf.bytes.length, pages: pdf.pages, pagesWithText: pdf.pagesWithText };
      print(
        ctx,
        value,
        () =>
          `Wrote ${out} (${pdf.bytes.length} bytes): ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${pdf.pagesWithText} with OCR text`,
      );
    },
  },
  jobs: {
    usage: 'jobs [--batch ID] [--run] [--no-ocr]',
    summary:
      'show the background jobs (imports, text and OCR); --run does the pending ones now, and those a killed run left',
    options: ['batch'],
    words: [0, 0],
    run: async (ctx) => {
      const batch = single(ctx.args, 'batch');
      if (ctx.args.flags.has('run')) {
        const info = await call(ctx, 'libraryInfo', {});
        const progress = progressLine();
        const runner = new JobRunner({
          service: ctx.service,
          libraryRoot: info.path,
          ocr: !ctx.args.flags.has('no-ocr'),
          onEvent: ctx.json ? undefined : progress.event,
        });
        try {
          await runner.resumeAbandoned();
          if (batch) await runner.runBatch(batch);
          else await runner.runPending();
        } finally {
          await runner.stop();
          progress.end();
        }
      }
      const r = await call(ctx, 'listJobs', { ...(batch ? { batch } : {}), limit: 1_000 });
      print(ctx, r, () =>
        [
          ...r.jobs.map(
            (j) =>
              `#${j.id} ${j.kind} ${j.name}: ${j.status}${j.progressTotal ? ` (${j.progressDone}/${j.progressTotal})` : ''}${j.error ? ` — ${j.error}` : ''}`,
          ),
          Object.entries(r.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', '),
        ].join('\n'),
      );
    },
  },
  verify: {
    usage: 'verify',
    summary: 're-hash every stored file; report missing, altered and orphaned files (exit 1 if any)',
    options: [],
    words: [0, 0],
    run: async (ctx) => {
      const info = await call(ctx, 'libraryInfo', {});
      const report = await verifyLibrary(ctx.service, info.path);
      const problems = fixityProblems(report);
      print(ctx, { ...report, problems }, () =>
        [
          `Checked ${report.checked} stored file${report.checked === 1 ? '' : 's'}: ${report.ok} intact.`,
          ...report.missing.map(
            (p) => `MISSING  file #${p.id} (records #${p.records.join(', #') || 'none'}): ${p.detail}`,
          ),
          ...report.altered.map(
            (p) => `ALTERED  file #${p.id} (records #${p.records.join(', #') || 'none'}): ${p.detail}`,
          ),
          ...report.orphaned.map((p) => `ORPHANED ${p} (in storage, known to no record)`),
        ].join('\n'),
      );
      if (problems > 0)
        throw new ArchiveFailure('conflict', 'cli', {
          detail: `verify found ${problems} problem${problems === 1 ? '' : 's'}; nothing was changed`,
        });
    },
  },
};
