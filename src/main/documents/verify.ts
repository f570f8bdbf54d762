/**
 * Fixity: re-hash every stored file and compare with the catalogue. Reports missing files (a row,
 * no file), altered files (the content no longer has its hash) and orphaned files (in storage,
 * known to no row). Nothing is repaired: the report says what is wrong and where.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../../shared/result';
import type { Service } from '../service/service';
import { hashFile, listStorage, storedPath } from './store';

interface FixityProblem {
  id: number;
  sha256: string;
  records: number[];
  detail: string;
}

export interface FixityReport {
  checked: number;
  ok: number;
  missing: FixityProblem[];
  altered: FixityProblem[];
  /** Files in storage that no catalogue row refers to (including leftovers of interrupted copies). */
  orphaned: string[];
}

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function verifyLibrary(
  service: Service,
  libraryRoot: string,
  onProgress?: (done: number, total: number) => void,
): Promise<FixityReport> {
  const filesDir = path.join(libraryRoot, 'files');
  const report: FixityReport = { checked: 0, ok: 0, missing: [], altered: [], orphaned: [] };
  const known = new Set<string>();
  const storage = listStorage(filesDir);
  const total = storage.hashes.size;
  let afterId = 0;
  for (;;) {
    const page = await must(service.call('storedFiles', { afterId, limit: 500 }));
    for (const t of page.thumbnails) known.add(t);
    if (page.files.length === 0) break;
    const results: { id: number; status: 'ok' | 'missing' | 'altered' }[] = [];
    for (const f of page.files) {
      afterId = f.id;
      known.add(f.sha256);
      report.checked++;
      onProgress?.(report.checked, Math.max(total, report.checked));
      const file = storedPath(filesDir, f.sha256);
      let status: 'ok' | 'missing' | 'altered';
      let detail = '';
      if (!fs.existsSync(file)) {
        status = 'missing';
        detail = `${file} is missing`;
      } else {
        const actual = await hashFile(file).catch((e: Error) => ({ sha256: `unreadable: ${e.message}`, size: -1 }));
        status = actual.sha256 === f.sha256 && actual.size === f.size ? 'ok' : 'altered';
        if (status === 'altered')
          detail = `${file} now has ${actual.size} bytes and hash ${actual.sha256} (expected ${f.size} bytes)`;
      }
      results.push({ id: f.id, status });
      if (status === 'ok') report.ok++;
      else {
        const info = await must(service.call('fileInfo', { id: f.id }));
        report[status].push({ id: f.id, sha256: f.sha256, records: info.records.map((r) => r.recordId), detail });
      }
    }
    await must(service.call('recordFixity', { results }));
  }
  for (const sha of storage.hashes) if (!known.has(sha)) report.orphaned.push(storedPath(filesDir, sha));
  report.orphaned.push(...storage.strays);
  return report;
}

export function fixityProblems(r: FixityReport): number {
  return r.missing.length + r.altered.length + r.orphaned.length;
}
