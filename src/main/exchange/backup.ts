/**
 * Backup and restore of a whole library in one archive (.tar.gz):
 *
 *   civic-archive-backup.json   what is inside: schema version, counts, the SHA-256 of the catalogue copy
 *   catalogue.sqlite            an online copy of the catalogue (VACUUM INTO: one consistent snapshot,
 *                               taken while the library stays open and usable)
 *   files/<xx>/<sha256>         every stored file (each named by its own checksum)
 *
 * Restore checks the archive completely before it places anything (the manifest, the catalogue's
 * checksum and SQLite integrity check, every file against its name), and never replaces an existing
 * library unless forced, and even then keeps the old one beside it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { ArchiveFailure } from '../../shared/result';
import type { CatalogueContext } from '../catalogue/context';
import { LATEST_VERSION } from '../catalogue/migrations';
import { sha256File } from './bagit';

const MANIFEST = 'civic-archive-backup.json';
const FORMAT = 'civic-archive-backup';
const SHA256 = /^[0-9a-f]{64}$/;

interface BackupManifest {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  schemaVersion: number;
  records: number;
  catalogueSha256: string;
  files: string[];
}

export function backupLibrary(
  ctx: CatalogueContext,
  out: string,
): { file: string; bytes: number; files: number; records: number } {
  const file = path.resolve(out);
  if (fs.existsSync(file)) throw new ArchiveFailure('conflict', 'target_exists', { path: file }, 'out');
  if (!fs.existsSync(path.dirname(file)))
    throw new ArchiveFailure('invalid_input', 'folder_missing', { path: path.dirname(file) }, 'out');
  fs.mkdirSync(ctx.paths.backups, { recursive: true });
  const staging = path.join(ctx.paths.backups, `.backup-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(path.join(staging, 'files'), { recursive: true });
  const temp = `${file}.incoming-${randomBytes(4).toString('hex')}`;
  try {
    const catalogue = path.join(staging, 'catalogue.sqlite');
    ctx.db.prepare('VACUUM INTO ?').run(catalogue);
    // Every stored file the catalogue names: the files, and their thumbnails and page previews
    // (stored files too: without them a restored library would show none).
    const hashes = [
      ...new Set(
        (
          ctx.db
            .prepare(
              `SELECT sha256 AS h FROM files
               UNION ALL SELECT thumbnail_sha256 FROM files WHERE thumbnail_sha256 IS NOT NULL
               UNION ALL SELECT j.value FROM files f, json_each(f.metadata, '$.pagePreviews') j WHERE f.media_type = 'image/tiff'`,
            )
            .all() as { h: unknown }[]
        )
          .map((r) => r.h)
          .filter((h): h is string => typeof h === 'string' && SHA256.test(h)),
      ),
    ];
    const included: string[] = [];
    for (const hash of hashes) {
      const source = path.join(ctx.paths.files, hash.slice(0, 2), hash);
      if (!fs.existsSync(source)) continue; // a missing file is the fixity check's to report; the backup keeps what exists
      const target = path.join(staging, 'files', hash.slice(0, 2), hash);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
      }
      included.push(`files/${hash.slice(0, 2)}/${hash}`);
    }
    const snapshot = new Database(catalogue, { readonly: true });
    let records: number;
    let schemaVersion: number;
    try {
      records = (snapshot.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
      schemaVersion = snapshot.pragma('user_version', { simple: true }) as number;
    } finally {
      snapshot.close();
    }
    const manifest: BackupManifest = {
      format: FORMAT,
      version: 1,
      createdAt: ctx.now(),
      schemaVersion,
      records,
      catalogueSha256: sha256File(catalogue),
      files: included,
    };
    fs.writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    tar.c({ gzip: true, file: temp, cwd: staging, sync: true, portable: true }, [
      MANIFEST,
      'catalogue.sqlite',
      'files',
    ]);
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
    return { file, bytes: fs.statSync(file).size, files: included.length, records };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(temp, { force: true });
  }
}

function checkExtracted(dir: string, archive: string): BackupManifest {
  const fail = (why: string): never => {
    throw new ArchiveFailure('invalid_input', 'backup_unusable', { path: archive, detail: why });
  };
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    return fail(`it has no readable ${MANIFEST} (is it a Civic Archive backup?)`);
  }
  if (manifest.format !== FORMAT || manifest.version !== 1)
    fail(`${MANIFEST} is not a backup manifest this version can read`);
  if (manifest.schemaVersion > LATEST_VERSION)
    fail(
      `it was made by a newer version of the app (catalogue schema ${manifest.schemaVersion}; this app knows up to ${LATEST_VERSION})`,
    );
  const catalogue = path.join(dir, 'catalogue.sqlite');
  if (!fs.existsSync(catalogue)) fail('it has no catalogue.sqlite');
  if (sha256File(catalogue) !== manifest.catalogueSha256)
    fail('catalogue.sqlite does not match its checksum in the manifest (the archive is damaged)');
  const db = new Database(catalogue, { readonly: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') fail(`the catalogue fails SQLite's integrity check (${String(check)})`);
  } finally {
    db.close();
  }
  const listed = new Set(manifest.files);
  const present: string[] = [];
  const filesDir = path.join(dir, 'files');
  if (fs.existsSync(filesDir)) {
    for (const prefix of fs.readdirSync(filesDir)) {
      for (const name of fs.readdirSync(path.join(filesDir, prefix))) present.push(`files/${prefix}/${name}`);
    }
  }
  for (const rel of present) if (!listed.has(rel)) fail(`${rel} is not listed in the manifest`);
  for (const rel of listed) {
    const [, prefix, hash] = rel.split('/');
    if (!hash || !SHA256.test(hash) || prefix !== hash.slice(0, 2))
      fail(`the manifest lists ${rel}, which is not a stored file's name`);
    const full = path.join(dir, rel);
    if (!fs.existsSync(full)) fail(`${rel} is listed in the manifest but missing`);
    if (sha256File(full) !== hash) fail(`${rel} does not match its checksum (the file was altered or damaged)`);
  }
  return manifest;
}

export function restoreLibrary(
  archive: string,
  target: string,
  force: boolean,
): { library: string; records: number; files: number; replaced: string | null } {
  const file = path.resolve(archive);
  const dir = path.resolve(target);
  if (!fs.existsSync(file)) throw new ArchiveFailure('invalid_input', 'backup_missing', { path: file });
  const occupied = fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
  if (occupied && !force) {
    throw new ArchiveFailure('conflict', 'folder_not_empty', { path: dir, purpose: 'restore' });
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = `${dir}.restoring-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging);
  try {
    try {
      tar.x({ file, cwd: staging, sync: true, strict: true });
    } catch (error) {
      throw new ArchiveFailure('invalid_input', 'backup_unusable', {
        path: file,
        detail: `it cannot be unpacked (${(error as Error).message})`,
      });
    }
    const manifest = checkExtracted(staging, file);
    fs.rmSync(path.join(staging, MANIFEST));
    // Jobs the backed-up library was running belong to no runner here: they are queued again (the
    // next runner, or CLI import, finishes them) rather than left "running" for ever.
    const db = new Database(path.join(staging, 'catalogue.sqlite'));
    try {
      db.prepare("UPDATE jobs SET status = 'pending' WHERE status = 'running'").run();
    } finally {
      db.close();
    }
    for (const folder of ['files', 'index', 'backups']) fs.mkdirSync(path.join(staging, folder), { recursive: true });
    let replaced: string | null = null;
    if (fs.existsSync(dir)) {
      if (occupied) {
        replaced = `${dir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(dir, replaced);
      } else fs.rmdirSync(dir);
    }
    fs.renameSync(staging, dir);
    return { library: dir, records: manifest.records, files: manifest.files.length, replaced };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
