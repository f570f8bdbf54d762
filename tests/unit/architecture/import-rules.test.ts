/**
 * The architecture is enforced, not remembered: the import rules of eslint.config.js, run by
 * `npm run lint` in `npm test`, must refuse what the design forbids. Each case lints a snippet as
 * if it were a file at that place in the tree (type information is not needed for import rules).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false } } },
  ],
});

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rules', () => {
  it('keep electron in the shell and the preload', async () => {
    expect(
      await importErrors('src/main/catalogue/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors('src/main/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(await importErrors('src/main/index.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(
      [],
    );
    expect(
      await importErrors('src/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"),
    ).toEqual([]);
    expect(
      await importErrors(
        'src/preload/index.ts',
        "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n",
      ),
    ).toEqual([]);
  });

  it('keep src/shared free of Node, native modules, electron and the processes', async () => {
    for (const source of [
      "import fs from 'node:fs';",
      "import Database from 'better-sqlite3';",
      "import { app } from 'electron';",
      "import { openLibrary } from '../main/catalogue/library';",
    ]) {
      expect(await importErrors('src/shared/x.ts', `${source}\nexport const a = 1;\n`), source).toHaveLength(1);
    }
    expect(await importErrors('src/shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('keep the renderer on window.archive: no src/main, no Node', async () => {
    expect(
      await importErrors(
        'src/renderer/src/x.ts',
        "import { openLibrary } from '../../main/catalogue/library';\nexport const a = openLibrary;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors('src/renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'src/renderer/src/x.ts',
        "import { contract } from '../../shared/contract';\nexport const a = contract;\n",
      ),
    ).toEqual([]);
  });

  it('let src/main capabilities import each other only as the design says', async () => {
    // The base does not reach up; a capability never calls the service or a door.
    expect(
      await importErrors(
        'src/main/catalogue/x.ts',
        "import { csvRows } from '../exchange/csv';\nexport const a = csvRows;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'src/main/search/x.ts',
        "import { startHost } from '../host/server';\nexport const a = startHost;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'src/main/cite/x.ts',
        "import { runHandler } from '../service/executor';\nexport const a = runHandler;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'src/main/documents/jobs/x.ts',
        "import { importBag } from '../../exchange/bag-import';\nexport const a = importBag;\n",
      ),
    ).toHaveLength(1);
    // What the design allows.
    expect(
      await importErrors(
        'src/main/exchange/x.ts',
        "import { storeFile } from '../documents/store';\nexport const a = storeFile;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'src/main/catalogue/x.ts',
        "import { removeStaleTemps } from '../documents/store';\nexport const a = removeStaleTemps;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'src/main/catalogue/x.ts',
        "import { walkPaths } from '../documents/walk';\nexport const a = walkPaths;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'src/main/search/x.ts',
        "import type { HandlersFor } from '../service/handler-types';\nexport type A = HandlersFor<object>;\n",
      ),
    ).toEqual([]);
  });
});
