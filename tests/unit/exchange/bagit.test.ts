/** BagIt packages (RFC 8493) out and in, and backup/restore: real folders, real files, real archives. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { catalogueState, folderFingerprint, tempDir, type TestLibrary } from '../../support/catalogue';
import { librariesPerTest } from '../../support/per-test';
import { cliIn, runCliProcess } from '../../support/cli';
import { importBagAndWait } from '../../fixtures/documents/run';

const library = librariesPerTest();
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Puts a file in the library's store the way the file store keeps it (files/<xx>/<sha256>) and
 * attaches it to a record: the documents capability's own import runs as background jobs, which
 * these tests do not need.
 */
function storeAndAttach(dir: string, recordId: number, name: string, content: Buffer): string {
  const hash = sha(content);
  const target = path.join(dir, 'files', hash.slice(0, 2), hash);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  const db = new Database(path.join(dir, 'catalogue.sqlite'));
  try {
    const now = new Date().toISOString();
    const fileId = Number(
      db
        .prepare('INSERT INTO files (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)')
        .run(hash, content.length, 'application/pdf', now).lastInsertRowid,
    );
    db.prepare(
      'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, 1, ?)',
    ).run(recordId, fileId, name, now);
  } finally {
    db.close();
  }
  return hash;
}

async function sampleWithFile(): Promise<{ lib: TestLibrary; hash: string; pdf: Buffer }> {
  const lib = await library();
  await lib.ok('loadSample', {});
  await lib.ok('updateSettings', { archiveName: 'West Yorkshire Archive Service', archivePlace: 'Leeds' });
  const pdf = Buffer.from('%PDF-1.4\n% the signed memorandum, scanned\n%%EOF\n');
  const hash = storeAndAttach(lib.dir, 2, 'MoU signed 2018.pdf', pdf);
  return { lib, hash, pdf };
}

describe('BagIt export', () => {
  it('writes bagit.txt, bag-info.txt, both manifests, and data/ with the files and the records as JSON and CSV', async () => {
    const { lib, hash, pdf } = await sampleWithFile();
    const dir = path.join(tempDir(), 'bag');
    const r = await lib.ok('exportBag', { dir });
    expect(r).toMatchObject({ records: 5, files: 1 });
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    expect(read('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const manifest = read('manifest-sha256.txt').trim().split('\n');
    const filePath = `data/files/${hash}/MoU signed 2018.pdf`;
    expect(manifest).toContain(`${hash}  ${filePath}`);
    expect(fs.readFileSync(path.join(dir, filePath))).toEqual(pdf);
    // Every manifest line is right, checked independently of the code under test.
    let octets = 0;
    for (const line of manifest) {
      const [sum, file] = [line.slice(0, 64), line.slice(66)];
      const bytes = fs.readFileSync(path.join(dir, file));
      expect(sha(bytes)).toBe(sum);
      octets += bytes.length;
    }
    expect(read('bag-info.txt')).toContain(`Payload-Oxum: ${octets}.${manifest.length}`);
    expect(read('bag-info.txt')).toContain('Source-Organization: West Yorkshire Archive Service');
    for (const line of read('tagmanifest-sha256.txt').trim().split('\n')) {
      expect(sha(fs.readFileSync(path.join(dir, line.slice(66))))).toBe(line.slice(0, 64));
    }
    const records = JSON.parse(read('data/records.json'));
    expect(records).toHaveLength(5);
    expect(records.find((x: { id: number }) => x.id === 2).files).toEqual([
      {
        sha256: hash,
        originalName: 'MoU signed 2018.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        path: filePath,
        position: 1,
        addedAt: expect.any(String),
      },
    ]);
    expect(read('data/records.csv').split('\r\n')[0]).toMatch(/^ID,Type,Title,/);
  });

  it('refuses to write into a folder that is not empty', async () => {
    const lib = await library();
    await lib.ok('loadSample', {});
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'mine');
    const r = await lib.service.call('exportBag', { dir });
    expect(r.ok ? '' : r.error.message).toMatch(/is not empty/);
    expect(fs.readdirSync(dir)).toEqual(['keep.txt']);
  });
});

describe('BagIt import', () => {
  it('imports the records, their links and their files into another library', async () => {
    const { lib, hash, pdf } = await sampleWithFile();
    const bag = path.join(tempDir(), 'bag');
    await lib.ok('exportBag', { dir: bag, ids: [2, 5] });
    const other = await library();
    const { report } = await importBagAndWait(other, bag);
    expect(report).toMatchObject({ imported: 2, failed: 0 });
    const mou = await other.ok('getRecord', {
      id: report.rows.find((r) => r.title.startsWith('Memorandum of understanding'))!.recordId!,
    });
    expect(mou).toMatchObject({ type: 'agreement', agreementKind: 'mou', placeSigned: 'Hangzhou' });
    expect(mou.commitments).toHaveLength(4);
    expect(mou.links.find((l) => l.name === 'Judith Blake')).toMatchObject({ kind: 'person', role: 'signatory' });
    expect(mou.links.find((l) => l.name === 'Hangzhou')).toMatchObject({ kind: 'place', role: 'party' });
    expect(fs.readFileSync(path.join(other.dir, 'files', hash.slice(0, 2), hash))).toEqual(pdf);
    const db = new Database(path.join(other.dir, 'catalogue.sqlite'), { readonly: true });
    expect(
      db
        .prepare(
          'SELECT rf.original_name AS name FROM record_files rf JOIN files f ON f.id = rf.file_id WHERE f.sha256 = ?',
        )
        .all(hash),
    ).toEqual([{ name: 'MoU signed 2018.pdf' }]);
    db.close();
  });

  it('a bag with one altered file is refused, naming the file, and the library is unchanged', async () => {
    const { lib } = await sampleWithFile();
    const bag = path.join(tempDir(), 'bag');
    await lib.ok('exportBag', { dir: bag });
    const file = fs.readdirSync(path.join(bag, 'data', 'files')).map((d) => path.join(bag, 'data', 'files', d))[0]!;
    const pdfPath = path.join(file, fs.readdirSync(file)[0]!);
    fs.appendFileSync(pdfPath, 'tampered');
    const other = await library();
    const before = catalogueState(other.dir);
    const files = folderFingerprint(path.join(other.dir, 'files'));
    const r = await other.service.call('importBag', { dir: bag });
    expect(r.ok ? '' : r.error.message).toMatch(
      /data\/files\/[0-9a-f]{64}\/MoU signed 2018\.pdf does not match its checksum in manifest-sha256\.txt \(it was altered or damaged\); nothing was imported$/,
    );
    expect(catalogueState(other.dir)).toEqual(before);
    expect(folderFingerprint(path.join(other.dir, 'files'))).toEqual(files);
  });

  it('refuses a payload file missing from the manifest, and a changed tag file', async () => {
    const lib = await library();
    await lib.ok('loadSample', {});
    const bag = path.join(tempDir(), 'bag');
    await lib.ok('exportBag', { dir: bag });
    fs.writeFileSync(path.join(bag, 'data', 'extra.txt'), 'slipped in');
    const r1 = await lib.service.call('importBag', { dir: bag, dryRun: true });
    expect(r1.ok ? '' : r1.error.message).toMatch(/data\/extra\.txt is in data\/ but not in manifest-sha256\.txt/);
    fs.rmSync(path.join(bag, 'data', 'extra.txt'));
    fs.appendFileSync(path.join(bag, 'bag-info.txt'), 'Contact-Name: someone\n');
    const r2 = await lib.service.call('importBag', { dir: bag, dryRun: true });
    expect(r2.ok ? '' : r2.error.message).toMatch(
      /bag-info\.txt does not match its checksum in tagmanifest-sha256\.txt/,
    );
  });

  it('the CLI writes a bag with export --format bagit --out DIR and imports it with import-bag', async () => {
    const { lib } = await sampleWithFile();
    const dir = lib.dir;
    await library.closeNow(lib);
    const bag = path.join(tempDir(), 'cli-bag');
    const out = await cliIn(dir, ['export', '--format', 'bagit', '--out', bag]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Wrote a BagIt package of 5 records and 1 files/);
    const target = path.join(tempDir(), 'lib2');
    const dry = await cliIn(target, ['import-bag', bag, '--dry-run']);
    expect(dry.stdout).toMatch(/^Preview \(nothing written\): would import 5/);
    // The import also reads the text of the file the bag carries none for (its extraction worker starts first).
    const real = await cliIn(target, ['--json', 'import-bag', bag], { timeoutMs: 150_000 });
    expect(JSON.parse(real.stdout)).toMatchObject({ imported: 5, dryRun: false, textJobs: 1 });
  }, 240_000);
});

describe('backup and restore', () => {
  it('backs up the catalogue and the files while the library is open, and restores them into a new folder', async () => {
    const { lib, hash, pdf } = await sampleWithFile();
    const archive = path.join(tempDir(), 'library-backup.tar.gz');
    const b = await lib.ok('backupLibrary', { out: archive });
    expect(b).toMatchObject({ records: 5, files: 1 });
    // The library is still open and usable after the backup.
    await lib.ok('createRecord', { type: 'letter', title: 'After the backup' });
    const target = path.join(tempDir(), 'restored');
    const r = await runCliProcess(['restore', archive, '--library', target]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Restored 5 records and 1 files into /);
    expect(fs.readFileSync(path.join(target, 'files', hash.slice(0, 2), hash))).toEqual(pdf);
    const restored = await library(target);
    expect((await restored.ok('listRecords', {})).total).toBe(5);
    expect((await restored.ok('getSettings', {})).archiveName).toBe('West Yorkshire Archive Service');
  });

  it('never overwrites an existing library without --force, and keeps the old one with it', async () => {
    const { lib } = await sampleWithFile();
    const archive = path.join(tempDir(), 'b.tar.gz');
    await lib.ok('backupLibrary', { out: archive });
    const existing = await library();
    await existing.ok('createRecord', { type: 'letter', title: 'Only in the existing library' });
    const target = existing.dir;
    await library.closeNow(existing);
    const print = folderFingerprint(target);
    const refused = await runCliProcess(['restore', archive, '--library', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `civic-archive: ${target} is not empty (it holds a library or other files); restore into a new folder, or add --force to replace it (the old one is kept beside it)`,
    );
    expect(folderFingerprint(target)).toEqual(print);
    const forced = await runCliProcess(['--json', 'restore', archive, '--library', target, '--force']);
    const result = JSON.parse(forced.stdout) as { replaced: string };
    expect(folderFingerprint(result.replaced)).toEqual(print);
    const restored = await library(target);
    expect((await restored.ok('listRecords', {})).total).toBe(5);
  });

  it('refuses a damaged backup before placing anything', async () => {
    const { lib } = await sampleWithFile();
    const archive = path.join(tempDir(), 'b.tar.gz');
    await lib.ok('backupLibrary', { out: archive });
    const bytes = fs.readFileSync(archive);
    const cut = path.join(tempDir(), 'cut.tar.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = path.join(tempDir(), 'never');
    const r = await runCliProcess(['restore', cut, '--library', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a usable backup: .*nothing was restored/);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });
});
