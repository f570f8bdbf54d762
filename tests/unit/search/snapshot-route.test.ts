/**
 * The snapshot route a window's search worker reads (GET /search/snapshot on the browser host): the
 * file streamed as written, only to a caller with the token, and only when it is this library's
 * snapshot in this build's format — the same checks the CLI's loadSearchSnapshot makes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../src/main/host/guard';
import { startHost, type Host } from '../../../src/main/host/server';
import { libraryPaths } from '../../../src/main/catalogue/library';
import { inProcessExecutor } from '../../../src/main/service/executor';
import { createService, type Service } from '../../../src/main/service/service';
import { snapshotFile, writeSnapshotFor } from '../../../src/main/search/snapshot';
import { RecordSearch } from '../../../src/shared/search/engine';
import { splitSnapshot, splitSnapshotBytes } from '../../../src/shared/search/snapshot-file';
import { makeTempDir, removeDir } from '../../support/cli';
import { rawRequest } from '../../support/http';

let root: string;
let libraryDir: string;
let service: Service;
let host: Host;

beforeEach(async () => {
  root = makeTempDir('civic-snapshot-route-');
  libraryDir = path.join(root, 'library');
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  service = createService(await inProcessExecutor(libraryDir, 'test'), { checkOutputs: true });
  host = await startHost({ service, rendererDir, port: 0, files: { libraryRoot: libraryDir } });
});

afterEach(async () => {
  await host.close();
  await service.close();
  removeDir(root);
});

const snapshot = (headers: Record<string, string> = { [TOKEN_HEADER]: host.token }) =>
  rawRequest({ port: host.port, path: '/search/snapshot', headers });

describe('GET /search/snapshot', () => {
  it('is 404 while the library has no snapshot, and refused without the token', async () => {
    expect((await snapshot()).status).toBe(404);
    writeSnapshotFor(libraryPaths(libraryDir));
    expect((await snapshot({})).status).toBe(403);
  });

  it('streams the file as written: the same index, at the revision the catalogue reports', async () => {
    const loaded = await service.call('loadSample', {});
    expect(loaded.ok).toBe(true);
    const written = writeSnapshotFor(libraryPaths(libraryDir));
    const info = await service.call('searchSnapshotInfo', {});
    expect(info.ok && info.value?.revision).toBe(written.revision);

    const res = await snapshot();
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-snapshot-revision']).toBe(String(written.revision));
    const text = res.body.toString('utf8');
    expect(text).toBe(fs.readFileSync(snapshotFile(libraryPaths(libraryDir)), 'utf8'));
    // The window's worker keeps the body as bytes (search.worker.ts); the CLI's channel sends text.
    const split = splitSnapshotBytes(new Uint8Array(res.body));
    expect(split?.revision).toBe(written.revision);
    expect(splitSnapshot(text)?.revision).toBe(written.revision);

    // The index read from the route answers as one built from the catalogue's documents.
    const fresh = new RecordSearch();
    const feed = await service.call('searchDocuments', { sinceRevision: 0 });
    if (!feed.ok) throw new Error(feed.error.message);
    fresh.addAll(feed.value.upserts);
    const fromRoute = RecordSearch.fromJSON(split!.data);
    const fromText = RecordSearch.fromJSON(splitSnapshot(text)!.data);
    for (const q of ['Hangzou', '杭州', 'type:agreement year:2018']) {
      expect(fresh.search(q).total, q).toBeGreaterThan(0);
      const hits = (s: RecordSearch) => s.search(q).hits.map((h) => [h.id, h.title, h.snippet]);
      expect(hits(fromRoute), q).toEqual(hits(fresh));
      expect(hits(fromText), q).toEqual(hits(fresh));
    }
  });

  it("is 404 for another library's snapshot or another format, or a file cut short", async () => {
    await service.call('loadSample', {});
    writeSnapshotFor(libraryPaths(libraryDir));
    const file = snapshotFile(libraryPaths(libraryDir));
    const whole = fs.readFileSync(file, 'utf8');
    const newline = whole.indexOf('\n');
    const header = JSON.parse(whole.slice(0, newline)) as Record<string, unknown>;

    fs.writeFileSync(file, `${JSON.stringify({ ...header, libraryId: 'someone-else' })}${whole.slice(newline)}`);
    expect((await snapshot()).status).toBe(404);
    fs.writeFileSync(file, `${JSON.stringify({ ...header, format: 1 })}${whole.slice(newline)}`);
    expect((await snapshot()).status).toBe(404);

    // Cut short after the header was written: its size is not the one written, so it is not served;
    // and a reader given such a text refuses it too.
    const cut = whole.slice(0, newline + 1 + 100);
    fs.writeFileSync(file, cut);
    expect((await snapshot()).status).toBe(404);
    expect(splitSnapshot(cut)).toBeNull();
    expect(splitSnapshotBytes(Buffer.from(cut))).toBeNull();
  });
});
