/**
 * The file store: content-addressed by SHA-256 under files/<first two hex>/<sha256>. A file is
 * hashed while it is copied to a temporary name inside files/, fsynced, then renamed into place,
 * so a stored file is either complete or absent. Registering it in the catalogue is a separate,
 * single transaction (see catalogue.ts); if that fails, the file is removed unless a row refers to it.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { ArchiveFailure } from '../../shared/result';
import { ANY_PATH, openForReading, type OpenedFile, type PathRule } from './path-rule';

export const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.incoming-';
/** .incoming-<pid>-<random>: the process copying it; older copies (and bags') are .incoming-<random>. */
const TEMP_NAME = /^\.incoming-(?:(\d+)-)?[0-9a-f]+$/;

export function storedPath(filesDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new ArchiveFailure('invalid_input', 'not_sha256', { value: sha256 }, 'sha256');
  return path.join(filesDir, sha256.slice(0, 2), sha256);
}

export interface Stored {
  sha256: string;
  size: number;
  /** The same content was already in storage: nothing was written. */
  alreadyStored: boolean;
}

/** A reason a source file cannot be stored, as a user-facing sentence. */
function unreadable(source: string, error: NodeJS.ErrnoException): ArchiveFailure {
  const cause =
    error.code === 'ENOENT'
      ? 'missing'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'denied'
        : error.code === 'EISDIR'
          ? 'folder'
          : 'other';
  const detail = {
    missing: 'it does not exist',
    denied: 'permission denied',
    folder: 'it is a folder',
    other: error.message,
  };
  return new ArchiveFailure('invalid_input', 'file_unreadable', { path: source, detail: detail[cause], cause }, 'path');
}

/**
 * Copies `source` into storage, hashing on the way; refuses empty files and files over `maxBytes`.
 * The file is opened under `rule` (the path rule of the door the import came through) and what is
 * read is the file that was checked: see path-rule.ts.
 */
export async function storeFile(
  filesDir: string,
  source: string,
  maxBytes: number,
  rule: PathRule = ANY_PATH,
): Promise<Stored> {
  let opened: OpenedFile;
  try {
    opened = await openForReading(rule, source, 'path');
  } catch (error) {
    if (error instanceof ArchiveFailure) throw error;
    throw unreadable(source, error as NodeJS.ErrnoException);
  }
  const { handle, stat } = opened;
  try {
    if (!stat.isFile()) throw new ArchiveFailure('invalid_input', 'not_regular_file', { path: source }, 'path');
    if (stat.size === 0)
      throw new ArchiveFailure('invalid_input', 'file_empty', { name: path.basename(source) }, 'path');
    if (stat.size > maxBytes) {
      throw new ArchiveFailure(
        'invalid_input',
        'file_too_large',
        { name: path.basename(source), size: stat.size, max: maxBytes },
        'path',
      );
    }
    // The descriptor stays ours (closed below), whatever the stream does on an error.
    const input = handle.createReadStream({ autoClose: false });
    return await storeStream(filesDir, input, path.basename(source), maxBytes);
  } catch (error) {
    if (error instanceof ArchiveFailure) throw error;
    throw unreadable(source, error as NodeJS.ErrnoException);
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Stores a stream (a file being read, or an upload through the browser host): temp name, fsync, rename. */
export async function storeStream(
  filesDir: string,
  input: NodeJS.ReadableStream,
  name: string,
  maxBytes: number,
): Promise<Stored> {
  await fs.promises.mkdir(filesDir, { recursive: true });
  const temp = path.join(filesDir, `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes)
        return done(new ArchiveFailure('invalid_input', 'file_too_large', { name, max: maxBytes }, 'file'));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    // flush: the data is fsynced before the stream closes, so the rename below publishes a durable file.
    await pipeline(input, tap, fs.createWriteStream(temp, { flags: 'wx', flush: true }));
    if (size === 0) throw new ArchiveFailure('invalid_input', 'file_empty', { name }, 'file');
    const sha256 = hash.digest('hex');
    const target = storedPath(filesDir, sha256);
    if (await isIntact(target, size)) {
      await fs.promises.rm(temp, { force: true });
      return { sha256, size, alreadyStored: true };
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(temp, target);
    await fsyncDir(path.dirname(target));
    return { sha256, size, alreadyStored: false };
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      // A write into the library failed: say so, rather than blaming the file being read.
      throw new ArchiveFailure('library', 'disk_full', { name });
    }
    throw error;
  }
}

async function isIntact(target: string, size: number): Promise<boolean> {
  try {
    return (await fs.promises.stat(target)).size === size;
  } catch {
    return false;
  }
}

/** Makes a rename durable (POSIX); directories cannot be opened for sync on Windows, where this is a no-op. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** SHA-256 of a stored file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

/** Every content-addressed file present in storage (temporary and unrelated names are listed apart). */
export function listStorage(filesDir: string): { hashes: Set<string>; strays: string[] } {
  const hashes = new Set<string>();
  const strays: string[] = [];
  if (!fs.existsSync(filesDir)) return { hashes, strays };
  for (const entry of fs.readdirSync(filesDir, { withFileTypes: true })) {
    const p = path.join(filesDir, entry.name);
    if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) {
      strays.push(p);
      continue;
    }
    for (const inner of fs.readdirSync(p, { withFileTypes: true })) {
      if (inner.isFile() && SHA256.test(inner.name) && inner.name.startsWith(entry.name)) hashes.add(inner.name);
      else strays.push(path.join(p, inner.name));
    }
  }
  return { hashes, strays };
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * How long a temp copy named without a pid must have been left alone before it is taken for a
 * leftover. Such copies (a bag import's) are copied whole, then hashed before they are renamed
 * into place; the hashing does not touch the file, so for a large file it can sit unchanged for
 * a while in the middle of an import that is alive and well.
 */
const UNOWNED_TEMP_GRACE_MS = 10 * 60 * 1000;

/**
 * Removes the temp copies (files/.incoming-*) a killed or crashed import left behind. Only those
 * no process can still be writing: last written before this process started, and made by a
 * process that is no longer running (for names without a pid, which cannot say whose they are:
 * also untouched for UNOWNED_TEMP_GRACE_MS). A copy in progress is written continuously, so it is
 * always newer than a process that starts meanwhile; and its writer's pid is alive, which covers
 * the moments it is not being written (fsync, rename), however many processes open the library.
 */
export function removeStaleTemps(
  filesDir: string,
  startedAt = Date.now() - process.uptime() * 1000,
  now = Date.now(),
): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(filesDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = path.join(filesDir, name);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.mtimeMs >= startedAt) continue;
      if (m[1] !== undefined && isRunning(Number(m[1]))) continue;
      if (m[1] === undefined && now - stat.mtimeMs < UNOWNED_TEMP_GRACE_MS) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}
