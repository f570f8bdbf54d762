/**
 * BagIt packages (RFC 8493) of a selection or of the whole library:
 *
 *   bagit.txt                 BagIt-Version 1.0, UTF-8
 *   bag-info.txt              Source-Organization (the holding archive), Bagging-Date, Payload-Oxum...
 *   manifest-sha256.txt       the SHA-256 of every payload file
 *   tagmanifest-sha256.txt    the SHA-256 of the tag files
 *   data/records.json         the records with their links and their files
 *   data/records.csv          the same records as CSV (formula-escaped)
 *   data/library.json         authorities, collections, tags, settings, saved searches, the stored
 *                             files' extraction results and the history (see bag-library.ts)
 *   data/files/<sha256>/<original name>   each file once, however many records hold it
 *   data/text/<sha256>.json   the page text of each file (text layers, OCR), as extracted
 *   data/derived/<sha256>.png thumbnails and page previews
 *
 * Reading a bag checks it completely (every manifest entry present with the right checksum, no
 * payload file missing from the manifest, no link or special file in data/, the Payload-Oxum,
 * the tag manifest) before anything enters the library; bag-import.ts then plans and writes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AUTHORITY_KINDS, LINK_ROLES } from '../../shared/model';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { requireRecord } from '../catalogue/records';
import { getSettings } from '../settings/library-settings';
import { storedPath } from '../documents/store';
import {
  BagLibrary,
  BagPages,
  collectLibrary,
  derivedHashes,
  pagesOf,
  storedFileRow,
  type BagPage,
  type BagStoredFile,
} from './bag-library';
import { recordsToCsv } from './csv';
import { RecordJson } from './record-json';

const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** SHA-256 of a file, refusing to follow a symbolic link (a bag's payload must be the bag's own bytes). */
export function sha256File(file: string, followLinks = true): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, followLinks ? 'r' : fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
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
  const cleaned = name
    .replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned.slice(0, 200) || 'file';
}

export const BagFile = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int().min(0),
  path: z.string(),
  /** Where the file is in the record's list, and when it was added (bags of older versions have neither). */
  position: z.number().int().optional(),
  addedAt: z.string().optional(),
});
export type BagFile = z.output<typeof BagFile>;

function filesOf(ctx: CatalogueContext, recordId: number): (Omit<BagFile, 'path'> & { id: number })[] {
  return ctx.db
    .prepare(
      `SELECT f.id, f.sha256, f.media_type AS mediaType, f.size, rf.original_name AS originalName, rf.position, rf.added_at AS addedAt
         FROM record_files rf JOIN files f ON f.id = rf.file_id WHERE rf.record_id = ? ORDER BY rf.position`,
    )
    .all(recordId) as (Omit<BagFile, 'path'> & { id: number })[];
}

function allRecordIds(ctx: CatalogueContext): number[] {
  return (ctx.db.prepare('SELECT id FROM records ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

export function exportBag(
  ctx: CatalogueContext,
  input: { dir: string; ids?: number[] | undefined },
): { dir: string; records: number; files: number; bytes: number } {
  const dir = path.resolve(input.dir);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new ArchiveFailure('conflict', 'folder_not_empty', { path: dir, purpose: 'bag' }, 'dir');
  }
  const whole = !input.ids || input.ids.length === 0;
  const ids = whole ? allRecordIds(ctx) : [...new Set(input.ids)];
  if (ids.length === 0) throw new ArchiveFailure('invalid_input', 'nothing_to_package', {}, 'ids');
  const records = ids.map((id) => requireRecord(ctx, id));
  const temp = `${dir}.incoming-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(path.join(temp, 'data', 'files'), { recursive: true });
  try {
    const manifest: string[] = [];
    let bytes = 0;
    let count = 0;
    let storedCount = 0;
    const addPayload = (relative: string, hash: string, size: number) => {
      manifest.push(`${hash}  ${encodePath(relative)}`);
      bytes += size;
      count++;
    };
    const writePayload = (relative: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(temp, relative)), { recursive: true });
      fs.writeFileSync(path.join(temp, relative), content);
      addPayload(relative, createHash('sha256').update(content).digest('hex'), Buffer.byteLength(content));
    };
    /** Copies a stored file into the bag, checking it on the way: a bag never carries a damaged file under a good checksum. */
    const copyStored = (sha256: string, relative: string, what: string) => {
      const source = storedPath(ctx.paths.files, sha256);
      if (!fs.existsSync(source)) throw new ArchiveFailure('conflict', 'stored_file_missing', { what, sha256 });
      fs.mkdirSync(path.dirname(path.join(temp, relative)), { recursive: true });
      fs.copyFileSync(source, path.join(temp, relative));
      const hash = sha256File(path.join(temp, relative));
      if (hash !== sha256) throw new ArchiveFailure('conflict', 'checksum_mismatch', { what });
      addPayload(relative, hash, fs.statSync(path.join(temp, relative)).size);
    };
    const copied = new Map<string, string>();
    const bagRecords = records.map((r) => ({
      ...r,
      files: filesOf(ctx, r.id).map(({ id: _id, ...f }) => {
        let relative = copied.get(f.sha256);
        if (!relative) {
          relative = `data/files/${f.sha256}/${safeName(f.originalName)}`;
          copyStored(f.sha256, relative, `${f.originalName} of record #${r.id}`);
          storedCount++;
          copied.set(f.sha256, relative);
        }
        return { ...f, path: relative };
      }),
    }));
    const { fileIds, ...library } = collectLibrary(ctx, ids, whole);
    const files: BagStoredFile[] = fileIds.map((fileId) => {
      const { id: _id, ...row } = storedFileRow(ctx, fileId);
      if (!copied.has(row.sha256)) {
        // Held by no record (detached): still the library's, so still in a bag of the whole library.
        const relative = `data/files/${row.sha256}/file`;
        copyStored(row.sha256, relative, `#${fileId}`);
        storedCount++;
        copied.set(row.sha256, relative);
      }
      let text: string | null = null;
      if (row.textStatus !== 'pending') {
        text = `data/text/${row.sha256}.json`;
        writePayload(text, `${JSON.stringify(pagesOf(ctx, fileId))}\n`);
      }
      const derived = derivedHashes(row)
        .filter((h) => fs.existsSync(storedPath(ctx.paths.files, h)))
        .map((h) => {
          const relative = `data/derived/${h}.png`;
          if (!copied.has(h)) {
            copyStored(h, relative, `(a thumbnail or page preview of file #${fileId})`);
            copied.set(h, relative);
          }
          return { sha256: h, path: relative };
        });
      return { ...row, path: copied.get(row.sha256)!, text, derived };
    });
    writePayload('data/records.json', `${JSON.stringify(bagRecords, null, 2)}\n`);
    writePayload('data/records.csv', recordsToCsv(records));
    writePayload('data/library.json', `${JSON.stringify({ ...library, files } satisfies BagLibrary)}\n`);
    const settings = getSettings(ctx);
    const info = [
      ...(settings.archiveName ? [`Source-Organization: ${settings.archiveName}`] : []),
      ...(settings.archivePlace ? [`Organization-Address: ${settings.archivePlace}`] : []),
      `Bagging-Date: ${ctx.now().slice(0, 10)}`,
      `Bag-Software-Agent: Civic Archive`,
      `External-Description: ${records.length} records${storedCount ? ` and ${storedCount} files` : ''} exported from a Civic Archive library`,
      `Payload-Oxum: ${bytes}.${count}`,
    ].join('\n');
    const tags: [string, string][] = [
      ['bagit.txt', BAGIT_TXT],
      ['bag-info.txt', `${info}\n`],
      ['manifest-sha256.txt', `${manifest.sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n')}\n`],
    ];
    for (const [name, content] of tags) fs.writeFileSync(path.join(temp, name), content);
    const tagManifest = tags
      .map(([name, content]) => `${createHash('sha256').update(content).digest('hex')}  ${name}`)
      .join('\n');
    fs.writeFileSync(path.join(temp, 'tagmanifest-sha256.txt'), `${tagManifest}\n`);
    if (fs.existsSync(dir)) fs.rmdirSync(dir);
    fs.renameSync(temp, dir);
    return { dir, records: records.length, files: storedCount, bytes };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------- reading a bag

function bagFailure(bag: string, message: string): ArchiveFailure {
  return new ArchiveFailure('invalid_input', 'bag_unusable', { bag, detail: message }, 'dir');
}

/** Every file under data/, refusing links and special files: a payload is the bag's own regular files. */
function walk(bag: string, dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    const relative = path.relative(bag, p).split(path.sep).join('/');
    if (e.isSymbolicLink())
      throw bagFailure(bag, `${relative} is a symbolic link; a bag's payload must be its own files`);
    if (e.isDirectory()) return walk(bag, p);
    if (!e.isFile()) throw bagFailure(bag, `${relative} is not a regular file`);
    return [relative];
  });
}

function readManifest(bag: string, name: string): Map<string, string> {
  const entries = new Map<string, string>();
  const text = fs.readFileSync(path.join(bag, name), 'utf8');
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line);
    if (!m) throw bagFailure(bag, `${name} line ${i + 1} is not "checksum  path"`);
    const file = decodePath(m[2]!);
    if (file.startsWith('/') || file.split('/').includes('..'))
      throw bagFailure(bag, `${name} line ${i + 1} names a path outside the bag: ${file}`);
    entries.set(file, m[1]!.toLowerCase());
  });
  return entries;
}

/**
 * Checks a bag (RFC 8493 §3), refusing it with the first problem found; returns its payload
 * manifest. `deep: false` leaves out re-hashing the payload (the job that stores the files
 * hashes each one as it copies it) but checks everything else.
 */
function validateBag(dir: string, deep = true): Map<string, string> {
  const bag = path.resolve(dir);
  const fail = (message: string): never => {
    throw bagFailure(bag, message);
  };
  if (!fs.existsSync(bag) || !fs.statSync(bag).isDirectory()) fail('there is no such folder');
  if (!fs.existsSync(path.join(bag, 'bagit.txt'))) fail('there is no bagit.txt (is this a BagIt package?)');
  const declaration = fs.readFileSync(path.join(bag, 'bagit.txt'), 'utf8');
  if (!/^BagIt-Version: 1\.\d+/m.test(declaration) && !/^BagIt-Version: 0\.9\d/m.test(declaration))
    fail('bagit.txt does not declare a BagIt version');
  if (fs.existsSync(path.join(bag, 'fetch.txt')))
    fail('it lists files to fetch from elsewhere (fetch.txt): fetch them into the bag first');
  if (!fs.existsSync(path.join(bag, 'manifest-sha256.txt'))) {
    const other = fs.readdirSync(bag).find((f) => /^manifest-\w+\.txt$/.test(f));
    fail(
      other
        ? `it has only ${other}; this app reads SHA-256 manifests (manifest-sha256.txt)`
        : 'there is no manifest-sha256.txt',
    );
  }
  if (!fs.existsSync(path.join(bag, 'data')) || !fs.lstatSync(path.join(bag, 'data')).isDirectory())
    fail('there is no data/ folder');
  const manifest = readManifest(bag, 'manifest-sha256.txt');
  const present = walk(bag, path.join(bag, 'data'));
  for (const file of present) if (!manifest.has(file)) fail(`${file} is in data/ but not in manifest-sha256.txt`);
  const listed = new Set(present);
  let octets = 0;
  for (const [file, expected] of manifest) {
    const full = path.join(bag, ...file.split('/'));
    if (!file.startsWith('data/')) fail(`manifest-sha256.txt lists ${file}, which is not in data/`);
    if (!listed.has(file)) fail(`${file} is listed in manifest-sha256.txt but missing`);
    if (deep && sha256File(full, false) !== expected)
      fail(`${file} does not match its checksum in manifest-sha256.txt (it was altered or damaged)`);
    octets += fs.lstatSync(full).size;
  }
  const info = fs.existsSync(path.join(bag, 'bag-info.txt'))
    ? fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')
    : '';
  const oxum = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(info);
  if (oxum && (Number(oxum[1]) !== octets || Number(oxum[2]) !== manifest.size)) {
    fail(
      `bag-info.txt says the payload is ${oxum[1]} bytes in ${oxum[2]} files, but it is ${octets} bytes in ${manifest.size} files`,
    );
  }
  if (fs.existsSync(path.join(bag, 'tagmanifest-sha256.txt'))) {
    for (const [file, expected] of readManifest(bag, 'tagmanifest-sha256.txt')) {
      const full = path.join(bag, ...file.split('/'));
      if (!fs.existsSync(full)) fail(`${file} is listed in tagmanifest-sha256.txt but missing`);
      if (sha256File(full, false) !== expected)
        fail(`${file} does not match its checksum in tagmanifest-sha256.txt (it was altered)`);
    }
  }
  return manifest;
}

/** A record of data/records.json: our JSON of records, with the source's ids of its links and its files. */
const BagRecordJson = RecordJson.extend({
  files: z.array(BagFile).default([]),
  links: z
    .array(
      z.object({
        authorityId: z.number().int().optional(),
        kind: z.enum(AUTHORITY_KINDS),
        name: z.string(),
        role: z.enum(LINK_ROLES),
        note: z.string().nullable().optional(),
        onBehalfOf: z.object({ id: z.number().int().optional(), name: z.string() }).nullable().optional(),
      }),
    )
    .default([]),
});
type BagRecordJson = z.output<typeof BagRecordJson>;

/** A bag as read: its checked manifest and what its metadata payload says. */
export interface BagContents {
  dir: string;
  manifest: Map<string, string>;
  records: BagRecordJson[];
  /** null for bags of older versions (records and files only). */
  library: BagLibrary | null;
  /** Page text by file hash, for files whose text the bag carries. */
  text: Map<string, BagPage[]>;
}

/** Reads one metadata payload file, after checking it against the manifest (it is read here, not only hashed). */
function readPayloadJson<T>(
  bag: string,
  manifest: Map<string, string>,
  relative: string,
  schema: z.ZodType<T>,
  what: string,
): T {
  const expected = manifest.get(relative);
  if (!expected) throw bagFailure(bag, `${relative} is not in manifest-sha256.txt`);
  const full = path.join(bag, ...relative.split('/'));
  const fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== expected)
    throw bagFailure(bag, `${relative} does not match its checksum in manifest-sha256.txt (it was altered or damaged)`);
  try {
    return schema.parse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? `${error.issues[0]?.path.join('.') ?? ''}: ${error.issues[0]?.message ?? 'invalid'}`
        : (error as Error).message.split('\n')[0];
    throw bagFailure(bag, `${relative} is not ${what} (${detail})`);
  }
}

/** Tag files this app writes, or that RFC 8493 defines. */
const KNOWN_TAG_FILES = /^(bagit\.txt|bag-info\.txt|(tag)?manifest-\w+\.txt|fetch\.txt)$/;

/** Checks a bag and reads what it holds; refuses, with the reason, anything that is not a usable Civic Archive bag. */
export function readBag(dir: string, deep = true): BagContents {
  const bag = path.resolve(dir);
  const manifest = validateBag(bag, deep);
  if (!manifest.has('data/records.json')) {
    const info = fs.existsSync(path.join(bag, 'bag-info.txt'))
      ? fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')
      : '';
    const agent = /^Bag-Software-Agent:\s*(.+)$/m.exec(info)?.[1]?.trim();
    const otherTags = fs.readdirSync(bag).filter((f) => f !== 'data' && !KNOWN_TAG_FILES.test(f));
    throw bagFailure(
      bag,
      `it has no data/records.json, so it is not a Civic Archive bag${agent ? ` (it was made by ${agent})` : ''}${otherTags.length ? `; its other tag files (${otherTags.join(', ')}) are not ones this app reads` : ''}. Its ${manifest.size} payload files checked out; import them as files with \`import ${path.join(bag, 'data')}\``,
    );
  }
  const records = readPayloadJson(bag, manifest, 'data/records.json', z.array(BagRecordJson), 'a list of records');
  const library = manifest.has('data/library.json')
    ? readPayloadJson(
        bag,
        manifest,
        'data/library.json',
        BagLibrary,
        'a description of a library this version can read',
      )
    : null;
  const check = (relative: string, sha256: string, what: string) => {
    if (manifest.get(relative) !== sha256)
      throw bagFailure(bag, `${relative} (${what}) is not in manifest-sha256.txt with checksum ${sha256}`);
  };
  for (const r of records) for (const f of r.files) check(f.path, f.sha256, `a file of "${r.title}"`);
  const text = new Map<string, BagPage[]>();
  for (const f of library?.files ?? []) {
    check(f.path, f.sha256, 'a stored file');
    for (const d of f.derived) check(d.path, d.sha256, `a thumbnail or preview of ${f.sha256}`);
    if (f.text !== null) text.set(f.sha256, readPayloadJson(bag, manifest, f.text, BagPages, 'the pages of a text'));
  }
  return { dir: bag, manifest, records, library, text };
}
