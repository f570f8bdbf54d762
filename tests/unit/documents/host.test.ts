/**
 * The browser host's file routes: uploads stream into storage and queue an import; stored files
 * are served by hash only (known to the catalogue), inline, typed, sandboxed, with byte ranges,
 * and only to holders of the token.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/main/host/server';
import type { TestLibrary } from '../../support/catalogue';
import { startFileHost, type FileHost } from '../../support/file-host';
import { makePdf } from '../../fixtures/documents/generate';

let lib: TestLibrary;
let host: Host;
let rig: FileHost;
beforeAll(async () => {
  rig = await startFileHost();
  ({ lib, host } = rig);
});
afterAll(() => rig.close());

const auth = () => ({ 'X-Archive-Token': host.token });

async function waitForBatch(batch: string) {
  for (let i = 0; i < 200; i++) {
    const r = await lib.ok('listJobs', { batch });
    if (r.counts.pending === 0 && r.counts.running === 0 && r.jobs.length > 0) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the upload was not processed');
}

describe('file routes', () => {
  it('takes an upload, imports it in the background, and serves it back by hash only', async () => {
    const pdf = makePdf([{ lines: ['Uploaded through the browser.'] }]);
    const sha = createHash('sha256').update(pdf).digest('hex');
    const up = await fetch(
      `${host.baseUrl}/upload?name=${encodeURIComponent('C:\\scans\\mou 2018.pdf')}&recordType=agreement`,
      {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/octet-stream' },
        body: pdf,
      },
    );
    expect(up.status).toBe(200);
    const body = (await up.json()) as { ok: true; value: { batch: string } };
    expect(body.ok).toBe(true);
    const done = await waitForBatch(body.value.batch);
    expect(done.jobs.map((j) => `${j.kind}:${j.status}`)).toEqual(['import:done', 'extract:done']);
    const { recordId } = done.jobs[0]!.result as { recordId: number };
    expect(await lib.ok('getRecord', { id: recordId })).toMatchObject({ type: 'agreement', title: 'mou 2018' });
    expect((await lib.ok('recordFiles', { recordId }))[0]).toMatchObject({
      originalName: 'mou 2018.pdf',
      sha256: sha,
      textStatus: 'done',
    });

    const got = await fetch(`${host.baseUrl}/files/${sha}`, { headers: auth() });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe('inline');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toMatch(/^sandbox/);
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf)).toBe(true);

    const part = await fetch(`${host.baseUrl}/files/${sha}`, { headers: { ...auth(), Range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${pdf.length}`);
    expect(await part.text()).toBe('%PDF-1.4');
  });

  it('refuses unknown hashes, paths, and requests without the token', async () => {
    const stray = createHash('sha256').update('not in the catalogue').digest('hex');
    fs.mkdirSync(path.join(lib.dir, 'files', stray.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(lib.dir, 'files', stray.slice(0, 2), stray), 'not in the catalogue');
    expect((await fetch(`${host.baseUrl}/files/${stray}`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${host.baseUrl}/files/..%2Fcatalogue.sqlite`, { headers: auth() })).status).toBe(404);
    expect((await fetch(`${host.baseUrl}/files/${'0'.repeat(63)}`, { headers: auth() })).status).toBe(404);
    const files = await lib.ok('listRecords', {});
    const sha = (await lib.ok('recordFiles', { recordId: files.items[0]!.id }))[0]!.sha256;
    expect((await fetch(`${host.baseUrl}/files/${sha}`)).status).toBe(403);
    expect((await fetch(`${host.baseUrl}/upload?name=x.txt`, { method: 'POST', body: 'x' })).status).toBe(403);
    await lib.ok('updateDocumentSettings', { maxFileBytes: 100 });
    const big = await fetch(`${host.baseUrl}/upload?name=big.bin`, {
      method: 'POST',
      headers: auth(),
      body: Buffer.alloc(1_000, 1),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      ok: false,
      error: { message: 'big.bin is 1000 bytes, over the size limit of 100 bytes' },
    });
    await lib.ok('updateDocumentSettings', { maxFileBytes: null });
    expect(fs.readdirSync(path.join(lib.dir, 'files')).filter((n) => n.startsWith('.'))).toEqual([]);
    const empty = await fetch(`${host.baseUrl}/upload?name=empty.txt`, { method: 'POST', headers: auth(), body: '' });
    expect(await empty.json()).toMatchObject({
      ok: false,
      error: { message: 'empty.txt is empty (0 bytes): nothing to keep' },
    });
    fs.rmSync(path.join(lib.dir, 'files', stray.slice(0, 2), stray));
  });
});
