/** The handlers of exchange: one function per channel of src/shared/channels/exchange.ts. */
import { z } from 'zod';
import type { exchangeChannels } from '../../shared/channels/exchange';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { requireRecord } from '../catalogue/records';
import { getSettings, writeSetting } from '../settings/library-settings';
import { ANY_PATH, checkOutput, checkTree } from '../documents/path-rule';
import type { HandlersFor } from '../service/handler-types';
import { finishBagImport, importBag } from './bag-import';
import { exportBag } from './bagit';
import { backupLibrary } from './backup';
import { csvRows, mapColumns, MAPPABLE, parseCsv, recordsToCsv } from './csv';
import { fromCsl } from './from-csl';
import { importRows, type ImportRow } from './import-records';
import { detectFormat, parseMetadata } from './parse-metadata';
import { looksLikeRecordJson, RecordJson, recordRows } from './record-json';

type ImportInput = Parameters<HandlersFor<typeof exchangeChannels>['importMetadata']>[1];

const MAPPING_PREFIX = 'exchange.csv-mapping:';

function rowsOf(
  ctx: CatalogueContext,
  input: Pick<ImportInput, 'content' | 'format' | 'mapping' | 'delimiter' | 'header'>,
): ImportRow[] {
  const format = input.format ?? detectFormat(input.content);
  if (format === 'csv')
    return csvRows(input.content, input.mapping, {
      header: input.header,
      ...(input.delimiter ? { delimiter: input.delimiter } : {}),
    });
  if (input.content.includes('\uFFFD')) {
    const line = input.content.slice(0, input.content.indexOf('\uFFFD')).split('\n').length;
    throw new ArchiveFailure('invalid_input', 'not_utf8', { line, source: 'text' }, 'content');
  }
  const parsed = parseMetadata(input.content, format);
  if (format === 'csl-json' && looksLikeRecordJson(parsed.map((p) => p.item))) {
    // Our own JSON export: every field and link comes back, not only what CSL carries.
    const records = z.array(RecordJson).safeParse(parsed.map((p) => p.item));
    if (!records.success)
      throw new ArchiveFailure(
        'invalid_input',
        'parse_failed',
        {
          format: 'json',
          problem: 'not_records',
          item: Number(records.error.issues[0]?.path[0] ?? 0) + 1,
          key: records.error.issues[0]?.path.slice(1).join('.') ?? '',
          detail: records.error.issues[0]?.message ?? 'invalid',
        },
        'content',
      );
    return recordRows(records.data);
  }
  const settings = getSettings(ctx);
  const archive = { name: settings.archiveName, place: settings.archivePlace };
  return parsed.map(({ item, where, problem }) =>
    problem
      ? { where, fields: { type: 'other', title: '' }, names: [], role: 'author', problem }
      : { where, ...fromCsl(item, archive) },
  );
}

function runImport(ctx: CatalogueContext, input: ImportInput, dryRun: boolean) {
  return importRows(ctx, rowsOf(ctx, input), {
    duplicates: input.duplicates,
    skipBadRows: input.skipBadRows,
    possibleDuplicates: input.possibleDuplicates,
    dryRun,
  });
}

export const exchangeHandlers: HandlersFor<typeof exchangeChannels> = {
  previewMetadataImport: (ctx, input) => runImport(ctx, input, true),
  importMetadata: (ctx, input) => runImport(ctx, input, false),
  csvColumns: (_ctx, { content, mapping, delimiter, header }) => {
    const { headers, delimiter: used } = parseCsv(content, { header, ...(delimiter ? { delimiter } : {}) });
    return { headers, delimiter: used, ...mapColumns(headers, mapping), fields: MAPPABLE };
  },
  saveCsvMapping: (ctx, { name, mapping }) => {
    mapColumns(Object.keys(mapping), mapping); // refuses a mapping to an unknown field
    writeSetting(ctx, MAPPING_PREFIX + name, JSON.stringify(mapping));
    return { name };
  },
  listCsvMappings: (ctx) =>
    (
      ctx.db.prepare("SELECT key, value FROM settings WHERE key LIKE 'exchange.csv-mapping:%' ORDER BY key").all() as {
        key: string;
        value: string;
      }[]
    ).map((r) => ({
      name: r.key.slice(MAPPING_PREFIX.length),
      mapping: JSON.parse(r.value) as Record<string, string>,
    })),
  // Paths from a door are held to its rule (documents/path-rule.ts): outputs where they are written, a
  // bag's every entry before it is read (its payload is then copied only if it matches its checksum).
  exportBag: (ctx, input) => exportBag(ctx, { ...input, dir: checkOutput(ctx.pathRule ?? ANY_PATH, input.dir, 'dir') }),
  importBag: (ctx, input) => importBag(ctx, { ...input, dir: checkTree(ctx.pathRule ?? ANY_PATH, input.dir, 'dir') }),
  finishBagImport: (ctx, input) => finishBagImport(ctx, input),
  backupLibrary: (ctx, { out }) => backupLibrary(ctx, checkOutput(ctx.pathRule ?? ANY_PATH, out, 'out')),
  exportRecords: (ctx, { ids, format }) => {
    const records = [...new Set(ids)].map((id) => requireRecord(ctx, id));
    const content = format === 'csv' ? recordsToCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
    return { format, count: records.length, content };
  },
};
