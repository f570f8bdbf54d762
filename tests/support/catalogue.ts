/** Real libraries in temp folders, opened through the real service, for the catalogue tests. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Channel, InputOf, OutputOf } from '../../src/shared/contract';
import { inProcessExecutor } from '../../src/main/service/executor';
import { createService, type Service } from '../../src/main/service/service';

/** A fresh temp folder under the run's temp root (tests/support/global-setup.ts removes it at the end). */
export function tempDir(prefix = 'civic-'): string {
  return fs.mkdtempSync(path.join(process.env.CIVIC_TEST_TMP ?? os.tmpdir(), prefix));
}

export interface TestLibrary {
  dir: string;
  service: Service;
  /** Calls a channel and returns its value, failing the test on an error result. */
  ok<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  close(): Promise<void>;
}

export async function openTestLibrary(dir = path.join(tempDir(), 'library')): Promise<TestLibrary> {
  const service = createService(await inProcessExecutor(dir, 'test'), { checkOutputs: true });
  return {
    dir,
    service,
    ok: async (channel, input) => {
      const result = await service.call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    close: () => service.close(),
  };
}

/** Every table's row count plus the revision: what "the catalogue is unchanged" means. */
export function catalogueState(dir: string): Record<string, number> {
  const db = new Database(path.join(dir, 'catalogue.sqlite'), { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const state: Record<string, number> = {};
    for (const t of tables) state[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
    state.revision = (db.prepare('SELECT coalesce(max(revision), 0) AS r FROM changes').get() as { r: number }).r;
    return state;
  } finally {
    db.close();
  }
}

/** A SHA-256 of every file in a folder, to prove a refused library was not touched. */
export function folderFingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else
        out[path.relative(dir, p)] =
          `${fs.statSync(p).mtimeMs}:${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}
