/**
 * Internal stays internal: the job runner's and the fixity check's channels are marked internal in
 * the contract; the doors (the desktop window's IPC, the browser host) refuse them and the typed
 * clients do not expose them, while in-process callers still reach them. And no new channel that
 * writes can reach a door unreviewed: the contract's public writing channels must be exactly the
 * list below, each with the reason a window or a page may call it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../src/main/host/guard';
import { startHost, type Host } from '../../../src/main/host/server';
import { ANY_PATH } from '../../../src/main/documents/path-rule';
import { storeFile } from '../../../src/main/documents/store';
import { publicMutatingChannels } from '../../../src/main/service/door';
import { Grants } from '../../../src/main/shell/grants';
import { ipcDoor } from '../../../src/main/shell/ipc-door';
import { createClient } from '../../../src/shared/client';
import { CHANNELS, contract, INTERNAL_CHANNELS, PUBLIC_CHANNELS } from '../../../src/shared/contract';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';

/**
 * Every channel that writes and that a window or a page may call, reviewed. Adding a writing channel
 * to the contract fails this test until it is either marked internal (channel(..., INTERNAL)) or
 * added here with the reason a door may call it.
 */
const REVIEWED_PUBLIC_WRITES: Record<string, string> = {
  batchEdit: 'the user edits many records at once',
  cancelJobs: 'the user cancels imports they started',
  createAuthority: 'the user catalogues a person, organisation, place…',
  createCollection: 'the user makes a collection',
  createRecord: 'the user catalogues a record',
  deleteAuthority: 'the user deletes an authority (refused while linked)',
  deleteCollection: 'the user deletes a collection',
  deleteCollectionRestorably: 'the user deletes a collection with undo (its records move up, none is deleted)',
  deleteRecord: 'the user deletes a record',
  deleteRecordRestorably: 'the user deletes a record with undo',
  deleteSavedSearch: 'the user forgets a saved search',
  deleteTag: 'the user removes a tag',
  detachFile: 'the user detaches a file from a record (the stored file stays)',
  exportBag: 'the user packages records; the folder is held to the door’s path rule',
  importBag: 'the user imports a bag; its folder is held to the door’s path rule, every entry checked',
  importFiles: 'the user imports files; paths held to the door’s path rule, checked again when each file is opened',
  importMetadata: 'the user imports BibTeX, RIS, CSV or JSON given as text',
  importUploaded: 'registers a file the user uploaded (the bytes came through the upload route, checked by hash)',
  installStyle: 'the user installs a CSL style given as text',
  loadSample: 'the user loads the sample catalogue into an empty library',
  mergeAuthorities: 'the user merges two authorities',
  mergeAuthoritiesRestorably: 'the user merges two authorities with undo',
  openLibrary:
    'the browser host’s Settings opens another library (held to the host’s folders; the desktop handlers refuse it)',
  patchRecords: 'the user edits fields of several records',
  putUndoHistory: 'the window keeps its undo history in the library folder after each change',
  rebuildTextIndex: 'the user rebuilds the full-text index',
  removeStyle: 'the user removes an installed style',
  renameTag: 'the user renames a tag',
  restoreCollection: 'undo of a collection’s deletion, from what deleteCollectionRestorably handed back',
  restoreRecord: 'undo of a deletion, from what deleteRecordRestorably handed back',
  saveCsvMapping: 'the user keeps a CSV column mapping',
  saveSearch: 'the user saves a search',
  startVerify: 'the user asks for a fixity check (the job runner records its results through internal channels)',
  unmergeAuthorities: 'undo of a merge',
  updateAuthority: 'the user edits an authority',
  updateCollection: 'the user edits a collection',
  updateDocumentSettings: 'the user sets the file size limit',
  updateRecord: 'the user edits a record',
  updateSettings: 'the user sets the citation settings',
};

/** The channels the issue found answering pages: the job runner's and the fixity check's. */
const RUNNER_CHANNELS = [
  'claimJob',
  'failJob',
  'finishBagImport',
  'finishExtract',
  'finishJob',
  'jobProgress',
  'recordFixity',
  'registerImport',
  'resumeJobs',
  'storedFiles',
];

/** A valid input for each internal channel, so a refusal is the door's and not the schema's. */
const VALID_INPUT: Record<string, unknown> = {
  resumeJobs: {},
  claimJob: {},
  jobProgress: { id: 1, done: 1, total: 2 },
  failJob: { id: 1, error: 'stopped by a page' },
  registerImport: { id: 1, sha256: 'a'.repeat(64), size: 1, mediaType: 'text/plain' },
  finishExtract: {
    id: 1,
    extraction: {
      pageCount: 1,
      width: null,
      height: null,
      durationSeconds: null,
      encrypted: false,
      metadata: {},
      thumbnailSha256: null,
      pages: [{ page: 1, text: 'words a page wrote', source: 'plain' }],
      textStatus: 'done',
      textError: null,
    },
  },
  finishJob: { id: 1, result: {} },
  finishBagImport: { id: 1, stored: [], error: null },
  storedFiles: {},
  recordFixity: { results: [{ id: 1, status: 'ok' }] },
};

let lib: TestLibrary;
let host: Host;
let alteredFileId: number;

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
  // A stored file found altered by a fixity check: the state a page must not be able to clear.
  const source = path.join(tempDir(), 'minutes.txt');
  fs.writeFileSync(source, 'Minutes of the meeting of 14 September 2018.\n');
  const { batch } = await lib.ok('importFiles', { paths: [source] });
  const job = await lib.ok('claimJob', { batch });
  const stored = await storeFile(path.join(lib.dir, 'files'), source, 1_000_000);
  const registered = await lib.ok('registerImport', {
    id: job!.id,
    sha256: stored.sha256,
    size: stored.size,
    mediaType: 'text/plain',
  });
  alteredFileId = registered.fileId!;
  await lib.ok('recordFixity', { results: [{ id: alteredFileId, status: 'altered' }] });
  host = await startHost({ service: lib.service, rendererDir: tempDir(), port: 0, files: { libraryRoot: lib.dir } });
});
afterAll(async () => {
  await host.close();
  await lib.close();
});

describe('the contract', () => {
  it('marks exactly the job runner’s and the fixity check’s channels internal', () => {
    expect([...INTERNAL_CHANNELS].sort()).toEqual(RUNNER_CHANNELS);
    expect([...PUBLIC_CHANNELS, ...INTERNAL_CHANNELS].sort()).toEqual([...CHANNELS].sort());
  });

  it('has no writing channel reachable from a door that was not reviewed as meant for one', () => {
    const reachable = publicMutatingChannels();
    const unreviewed = reachable.filter((c) => !Object.hasOwn(REVIEWED_PUBLIC_WRITES, c));
    const stale = Object.keys(REVIEWED_PUBLIC_WRITES).filter((c) => !reachable.includes(c));
    expect(
      unreviewed,
      'writing channels a door answers that nobody reviewed: mark them internal, or review them into REVIEWED_PUBLIC_WRITES',
    ).toEqual([]);
    expect(stale, 'reviewed channels that no longer exist or no longer write: remove them from the list').toEqual([]);
    for (const c of INTERNAL_CHANNELS) expect(reachable).not.toContain(c);
  });

  it('the typed client (the preload’s window.archive, the browser’s fetch client) has no internal channel', () => {
    const asked: string[] = [];
    const client = createClient(async (channel) => {
      asked.push(channel);
      return { ok: true, value: null };
    });
    expect(Object.keys(client).sort()).toEqual([...PUBLIC_CHANNELS].sort());
    for (const c of INTERNAL_CHANNELS) expect(c in client).toBe(false);
  });
});

describe('the doors refuse internal channels; in-process callers keep them', () => {
  const call = (channel: string, input: unknown) =>
    fetch(`${host.baseUrl}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(input),
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { ok: boolean; error?: { code: string; message: string } },
    }));

  it('the browser host refuses every internal channel with valid input, changing nothing', async () => {
    const before = catalogueState(lib.dir);
    for (const channel of INTERNAL_CHANNELS) {
      const { status, body } = await call(channel, VALID_INPUT[channel]);
      expect(status).toBe(200);
      expect(body, channel).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: `"${channel}" is the app's own internal operation: no door answers it`,
          reason: 'internal_operation',
          params: { channel },
        },
      });
    }
    expect(catalogueState(lib.dir)).toEqual(before);
    // The file stays "altered": a page cannot mark it intact.
    expect(await lib.ok('fileInfo', { id: alteredFileId })).toMatchObject({ fixityStatus: 'altered' });
  });

  it('the desktop door refuses every internal channel, changing nothing', async () => {
    const door = ipcDoor({
      service: lib.service,
      grants: new Grants(),
      libraryRoot: () => lib.dir,
      isTrustedUrl: (u) => u.startsWith('app://renderer/'),
    });
    const before = catalogueState(lib.dir);
    for (const channel of INTERNAL_CHANNELS) {
      const r = await door(channel, { url: 'app://renderer/index.html', top: true }, VALID_INPUT[channel]);
      expect(r.ok, channel).toBe(false);
    }
    expect(catalogueState(lib.dir)).toEqual(before);
    expect(await lib.ok('fileInfo', { id: alteredFileId })).toMatchObject({ fixityStatus: 'altered' });
  });

  it('service.serve (every door’s entrance) refuses them too; service.invoke (the job runner’s) answers', async () => {
    for (const channel of INTERNAL_CHANNELS) {
      const r = await lib.service.serve(channel, VALID_INPUT[channel], ANY_PATH);
      expect(r.ok, channel).toBe(false);
    }
    expect(await lib.service.invoke('storedFiles', {})).toMatchObject({ ok: true });
    expect(await lib.service.invoke('resumeJobs', {})).toMatchObject({ ok: true });
  });

  it('public channels still answer through the doors', async () => {
    expect((await call('libraryInfo', {})).body).toMatchObject({ ok: true });
    const door = ipcDoor({
      service: lib.service,
      grants: new Grants(),
      libraryRoot: () => lib.dir,
      isTrustedUrl: (u) => u.startsWith('app://renderer/'),
    });
    expect(await door('libraryInfo', { url: 'app://renderer/index.html', top: true }, {})).toMatchObject({ ok: true });
    // Every public channel is known to the door (answered or refused by its own schema, never as internal).
    for (const channel of PUBLIC_CHANNELS.filter((c) => !contract[c].mutates)) {
      const r = await door(channel, { url: 'app://renderer/index.html', top: true }, { __probe: true });
      if (!r.ok) expect(r.error.message, channel).not.toMatch(/internal operation|unknown operation/);
    }
  });
});
