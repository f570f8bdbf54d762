/**
 * BagIt packages (RFC 8493) of a selection or of the whole library:
 *
 *   bagit.txt                 BagIt-Version 1.0, UTF-8
 *   bag-info.txt              Source-Organization (the holding archive), Bagging-Date, Payload-Oxum...
 *   manifest-sha256.txt       the SHA-256 of every payload file
 *   tagmanifest-sha256.txt    the SHA-256 of the tag files
 *   data/records.json         the records with their links and their files
 *   data/records.csv          the same records as CSV (formula-escaped)
 *   data/files/<sha256>/<original name>   each file once, however many records hold it
 *
 * Reading a bag checks it completely (every manifest entry present with the right checksum, no
 * payload file missing from the manifest, the Payload-Oxum, the tag manifest) before anything
 * enters the library; then its records go through the same all-or-nothing import as any file.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecordView } from '../../shared/model';
import type { ImportReport } from '../../shared/channels/exchange';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { logChange } from '../catalogue/changes';
import { requireRecord } from '../catalogue/records';
import { getSettings } from '../settings/library-settings';
import { recordsToCsv } from './csv';
import { importRows, type ImportOptions } from './import-records';
import { RecordJson, recordRows } from './record-json';

const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** RFC 8493 §2.1.3: in manifests, CR, LF and % in a path are percent-encoded. */
const encodePath = (p: string) => p.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
const decodePath = (p: string) => p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');

/** A name safe as one path segment on every system we run on. */
function safeName(name: string): string {
  const cleaned = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned.slice(0, 200) || 'file';
}

interface BagFile {
  sha256: string;
  originalName: string;
  mediaType: string;
  size: number;
  path: string;
}
type BagRecord = RecordView & { files: BagFile[] };

function filesOf(ctx: CatalogueContext, recordId: number): Omit<BagFile, 'path'>[] {
  return ctx.db
    .prepare(
      `SELECT f.sha256, f.media_type AS mediaType, f.size, rf.original_name AS originalName
         FROM record_files rf JOIN files f ON f.id = rf.file_id WHERE rf.record_id = ? ORDER BY rf.position`,
    )
    .all(recordId) as Omit<BagFile, 'path'>[];
}

function allRecordIds(ctx: CatalogueContext): number[] {
  return (ctx.db.prepare('SELECT id FROM records ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

export function exportBag(ctx: CatalogueContext, input: { dir: string; ids?: number[] | undefined }): { dir: string; records: number; files: number; bytes: number } {
  const dir = path.resolve(input.dir);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new ArchiveFailure('conflict', `${dir} is not empty: a bag is written to a new or empty folder`, 'dir');
  }
  const ids = input.ids && input.ids.length > 0 ? [...new Set(input.ids)] : allRecordIds(ctx);
  if (ids.length === 0) throw new ArchiveFailure('invalid_input', 'the library has no records: nothing to package', 'ids');
  const records = ids.map((id) => requireRecord(ctx, id));
  const temp = `${dir}.incoming-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(path.join(temp, 'data', 'files'), { recursive: true });
  try {
    const manifest: string[] = [];
    let bytes = 0;
    let count = 0;
    const addPayload = (relative: string, hash: string, size: number) => {
      manifest.push(`${hash}  ${encodePath(relative)}`);
      bytes += size;
      count++;
    };
    const copied = new Map<string, string>();
    const bagRecords: BagRecord[] = records.map((r) => ({
      ...r,
      files: filesOf(ctx, r.id).map((f) => {
        let relative = copied.get(f.sha256);
        if (!relative) {
          relative = `data/files/${f.sha256}/${safeName(f.originalName)}`;
          const source = path.join(ctx.paths.files, f.sha256.slice(0, 2), f.sha256);
          if (!fs.existsSync(source)) throw new ArchiveFailure('conflict', `the stored file ${f.originalName} (sha256 ${f.sha256}) of record #${r.id} is missing from the library's files`);
          fs.mkdirSync(path.join(temp, 'data', 'files', f.sha256));
          fs.copyFileSync(source, path.join(temp, relative));
          const hash = sha256File(path.join(temp, relative));
          if (hash !== f.sha256) throw new ArchiveFailure('conflict', `the stored file ${f.originalName} of record #${r.id} does not match its checksum: run a fixity check`);
          addPayload(relative, hash, f.size);
          copied.set(f.sha256, relative);
        }
        return { ...f, path: relative };
      }),
    }));
    for (const [name, content] of [
      ['data/records.json', `${JSON.stringify(bagRecords, null, 2)}\n`],
      ['data/records.csv', recordsToCsv(records)],
    ] as const) {
      fs.writeFileSync(path.join(temp, name), content);
      addPayload(name, createHash('sha256').update(content).digest('hex'), Buffer.byteLength(content));
    }
    const settings = getSettings(ctx);
    const info = [
      ...(settings.archiveName ? [`Source-Organization: ${settings.archiveName}`] : []),
      ...(settings.archivePlace ? [`Organization-Address: ${settings.archivePlace}`] : []),
      `Bagging-Date: ${ctx.now().slice(0, 10)}`,
      `Bag-Software-Agent: Civic Archive`,
      `External-Description: ${records.length} records${count - 2 ? ` and ${count - 2} files` : ''} exported from a Civic Archive library`,
      `Payload-Oxum: ${bytes}.${count}`,
    ].join('\n');
    const tags: [string, string][] = [
      ['bagit.txt', BAGIT_TXT],
      ['bag-info.txt', `${info}\n`],
      ['manifest-sha256.txt', `${manifest.sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n')}\n`],
    ];
    for (const [name, content] of tags) fs.writeFileSync(path.join(temp, name), content);
    const tagManifest = tags.map(([name, content]) => `${createHash('sha256').update(content).digest('hex')}  ${name}`).join('\n');
    fs.writeFileSync(path.join(temp, 'tagmanifest-sha256.txt'), `${tagManifest}\n`);
    if (fs.existsSync(dir)) fs.rmdirSync(dir);
    fs.renameSync(temp, dir);
    return { dir, records: records.length, files: count - 2, bytes };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------- reading a bag

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

function readManifest(bag: string, name: string): Map<string, string> {
  const entries = new Map<string, string>();
  const text = fs.readFileSync(path.join(bag, name), 'utf8');
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line);
    if (!m) throw new ArchiveFailure('invalid_input', `bag: ${name} line ${i + 1} is not "checksum  path"`, 'dir');
    const file = decodePath(m[2]!);
    if (file.startsWith('/') || file.split('/').includes('..')) throw new ArchiveFailure('invalid_input', `bag: ${name} line ${i + 1} names a path outside the bag: ${file}`, 'dir');
    entries.set(file, m[1]!.toLowerCase());
  });
  return entries;
}

/** Checks a bag completely (RFC 8493 §3), refusing it with the first problem found; returns its payload manifest. */
export function validateBag(dir: string): Map<string, string> {
  const bag = path.resolve(dir);
  const fail = (message: string): never => {
    throw new ArchiveFailure('invalid_input', `bag ${bag}: ${message}; nothing was imported`, 'dir');
  };
  if (!fs.existsSync(path.join(bag, 'bagit.txt'))) fail('there is no bagit.txt (is this a BagIt package?)');
  const declaration = fs.readFileSync(path.join(bag, 'bagit.txt'), 'utf8');
  if (!/^BagIt-Version: 1\.\d+/m.test(declaration) && !/^BagIt-Version: 0\.9\d/m.test(declaration)) fail('bagit.txt does not declare a BagIt version');
  if (!fs.existsSync(path.join(bag, 'manifest-sha256.txt'))) {
    const other = fs.readdirSync(bag).find((f) => /^manifest-\w+\.txt$/.test(f));
    fail(other ? `it has only ${other}; this app reads SHA-256 manifests (manifest-sha256.txt)` : 'there is no manifest-sha256.txt');
  }
  if (!fs.existsSync(path.join(bag, 'data'))) fail('there is no data/ folder');
  const manifest = readManifest(bag, 'manifest-sha256.txt');
  const present = walk(path.join(bag, 'data')).map((f) => `data/${f}`);
  for (const file of present) if (!manifest.has(file)) fail(`${file} is in data/ but not in manifest-sha256.txt`);
  let octets = 0;
  for (const [file, expected] of manifest) {
    const full = path.join(bag, ...file.split('/'));
    if (!file.startsWith('data/')) fail(`manifest-sha256.txt lists ${file}, which is not in data/`);
    if (!fs.existsSync(full)) fail(`${file} is listed in manifest-sha256.txt but missing`);
    const actual = sha256File(full);
    if (actual !== expected) fail(`${file} does not match its checksum in manifest-sha256.txt (it was altered or damaged)`);
    octets += fs.statSync(full).size;
  }
  const info = fs.existsSync(path.join(bag, 'bag-info.txt')) ? fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8') : '';
  const oxum = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(info);
  if (oxum && (Number(oxum[1]) !== octets || Number(oxum[2]) !== manifest.size)) {
    fail(`bag-info.txt says the payload is ${oxum[1]} bytes in ${oxum[2]} files, but it is ${octets} bytes in ${manifest.size} files`);
  }
  if (fs.existsSync(path.join(bag, 'tagmanifest-sha256.txt'))) {
    for (const [file, expected] of readManifest(bag, 'tagmanifest-sha256.txt')) {
      const full = path.join(bag, ...file.split('/'));
      if (!fs.existsSync(full)) fail(`${file} is listed in tagmanifest-sha256.txt but missing`);
      if (sha256File(full) !== expected) fail(`${file} does not match its checksum in tagmanifest-sha256.txt (it was altered)`);
    }
  }
  return manifest;
}

/** Copies a verified file into the library's store: temp name, fsync, rename (complete or absent). */
function storeVerified(ctx: CatalogueContext, source: string, sha256: string): void {
  const target = path.join(ctx.paths.files, sha256.slice(0, 2), sha256);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(ctx.paths.files, `.incoming-${randomBytes(6).toString('hex')}`);
  fs.copyFileSync(source, temp);
  const fd = fs.openSync(temp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  if (sha256File(temp) !== sha256) {
    fs.rmSync(temp, { force: true });
    throw new ArchiveFailure('conflict', `the copy of ${source} does not match its checksum`);
  }
  fs.renameSync(temp, target);
}

export function importBag(ctx: CatalogueContext, dir: string, options: ImportOptions): ImportReport {
  const manifest = validateBag(dir);
  const bag = path.resolve(dir);
  if (!manifest.has('data/records.json')) throw new ArchiveFailure('invalid_input', `bag ${bag}: it has no data/records.json (not a Civic Archive bag?); nothing was imported`, 'dir');
  let parsed: RecordJson[];
  try {
    parsed = z.array(RecordJson).parse(JSON.parse(fs.readFileSync(path.join(bag, 'data', 'records.json'), 'utf8')));
  } catch (error) {
    throw new ArchiveFailure('invalid_input', `bag ${bag}: data/records.json is not a list of records (${(error as Error).message.split('\n')[0]}); nothing was imported`, 'dir');
  }
  for (const r of parsed) {
    for (const f of r.files) {
      if (manifest.get(f.path) !== f.sha256) throw new ArchiveFailure('invalid_input', `bag ${bag}: ${f.path} (of "${r.title}") is not in the manifest with checksum ${f.sha256}; nothing was imported`, 'dir');
    }
  }
  const rows = recordRows(parsed, 'data/records.json');
  // Files are copied into the store first (content-addressed: a file no row refers to is harmless and
  // is what the store's own check reports as a stray), then rows and links are written in the import's one transaction.
  if (!options.dryRun) {
    for (const r of parsed) for (const f of r.files) storeVerified(ctx, path.join(bag, ...f.path.split('/')), f.sha256);
  }
  return importRows(ctx, rows, options, (recordId, rowIndex) => {
    for (const f of parsed[rowIndex]!.files) attachFile(ctx, recordId, f);
  });
}

function attachFile(ctx: CatalogueContext, recordId: number, f: BagFile): void {
  let file = ctx.db.prepare('SELECT id FROM files WHERE sha256 = ?').get(f.sha256) as { id: number } | undefined;
  if (!file) {
    const id = Number(
      ctx.db.prepare('INSERT INTO files (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)').run(f.sha256, f.size, f.mediaType, ctx.now()).lastInsertRowid,
    );
    file = { id };
  }
  if (ctx.db.prepare('SELECT 1 FROM record_files WHERE record_id = ? AND file_id = ?').get(recordId, file.id)) return;
  const position = (ctx.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM record_files WHERE record_id = ?').get(recordId) as { p: number }).p;
  ctx.db
    .prepare('INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, ?, ?)')
    .run(recordId, file.id, f.originalName, position, ctx.now());
  logChange(ctx, 'record', recordId, 'update', {}, { [`file ${position}`]: `${f.originalName} (sha256 ${f.sha256})` });
}
