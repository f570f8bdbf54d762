/**
 * Arguments that are not UTF-8 are refused, naming the argument, with exit 1 and the library left
 * exactly as it was. Node's child_process turns a Buffer argument into a string (lossily), so the
 * raw bytes are passed the way a shell passes them: `sh -c` with printf's octal escapes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argumentEncodingProblem, showBytes } from '../../../src/main/cli/argv-encoding';
import { catalogueState, folderFingerprint } from '../../support/catalogue';
import {
  CLI_ENTRY,
  cliIn,
  collectRun,
  jsonOf,
  makeTempDir,
  REPO_ROOT,
  removeDir,
  sandboxEnv,
  type CliRun,
} from '../../support/cli';

let dir: string;
let library: string;

/**
 * Runs the CLI through sh, each argument a printf format (octal escapes such as \351 become raw
 * bytes); the arguments reach the CLI exactly as these bytes.
 */
function cliWithRawArgs(formats: string[]): Promise<CliRun> {
  const words = formats.map((f, i) => `"$(printf '%b' "$${i + 2}")"`).join(' ');
  const script = `exec "$0" --import tsx "$1" ${words}`;
  const child = spawn('/bin/sh', ['-c', script, process.execPath, CLI_ENTRY, ...formats], {
    cwd: REPO_ROOT,
    env: sandboxEnv(dir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectRun(child);
}

beforeAll(async () => {
  dir = makeTempDir('civic-cli-argv-');
  library = path.join(dir, 'library');
  const added = await cliIn(library, ['add', '--type', 'letter', '--title', 'Letter already there'], {
    timeoutMs: 120_000,
  });
  expect(added.code, added.stderr).toBe(0);
}, 120_000);

afterAll(() => removeDir(dir));

describe('arguments that are not UTF-8', () => {
  it('are refused naming the argument, exit 1, the library untouched', async () => {
    const state = catalogueState(library);
    const files = folderFingerprint(library);
    // "Café" in Latin-1: é is the one byte \351 (0xE9), not UTF-8.
    const run = await cliWithRawArgs([
      '--library',
      library,
      'add',
      '--type',
      'letter',
      '--title',
      'Caf\\0351 de la Paix',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'civic-archive: argument 7 ("Caf\\xE9 de la Paix") is not UTF-8 text: set the terminal (or the script) to UTF-8 and try again; nothing was done',
    ]);
    // The fingerprint first: reading the catalogue (catalogueState) touches its -shm file.
    expect(folderFingerprint(library)).toEqual(files);
    expect(catalogueState(library)).toEqual(state);
  });

  it('are refused in every form: a truncated character, an encoded surrogate, an overlong byte sequence', async () => {
    const state = catalogueState(library);
    for (const [bytes, shown] of [
      ['\\0344\\0270', '\\xE4\\xB8'], // the first two of the three bytes of 中
      ['\\0355\\0240\\0200', '\\xED\\xA0\\x80'], // U+D800 encoded as if it were a character (CESU)
      ['\\0300\\0257', '\\xC0\\xAF'], // an overlong "/"
    ] as const) {
      const run = await cliWithRawArgs(['--library', library, 'search', `x${bytes}y`]);
      expect(run.code, shown).toBe(1);
      expect(run.stderr).toContain(`argument 4 ("x${shown}y") is not UTF-8 text`);
    }
    expect(catalogueState(library)).toEqual(state);
  }, 180_000);

  it('leaves UTF-8 arguments of any script alone, through the same raw path', async () => {
    // 利兹 and é as their UTF-8 bytes, and a U+FFFD typed on purpose (its UTF-8 bytes are valid).
    const run = await cliWithRawArgs([
      '--library',
      library,
      '--json',
      'add',
      '--type',
      'letter',
      '--title',
      '\\0345\\0210\\0251\\0345\\0205\\0271 caf\\0303\\0251 \\0357\\0277\\0275',
    ]);
    if (process.platform === 'linux') {
      expect(run.code, run.stderr).toBe(0);
      expect(jsonOf<{ title: string }>(run).title).toBe('利兹 café \uFFFD');
    } else {
      // Without /proc the raw bytes cannot be read again: U+FFFD is refused (see argv-encoding.ts).
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('holds U+FFFD');
    }
  });
});

describe('argumentEncodingProblem', () => {
  it('refuses U+FFFD where the raw bytes cannot be read, naming the argument', () => {
    expect(argumentEncodingProblem(['add', '--title', 'Caf\uFFFD'], null)).toBe(
      'argument 3 ("Caf\uFFFD") holds U+FFFD (\uFFFD), what bytes that are not UTF-8 become: set the terminal (or the script) to UTF-8 and try again; nothing was done',
    );
    expect(argumentEncodingProblem(['add', '--title', 'Café 利兹'], null)).toBeNull();
  });

  it('judges the raw bytes when it has them', () => {
    const words = ['list', 'Caf\uFFFD'];
    expect(argumentEncodingProblem(words, [Buffer.from('list'), Buffer.from([0x43, 0x61, 0x66, 0xe9])])).toMatch(
      /^argument 2 \("Caf\\xE9"\) is not UTF-8/,
    );
    expect(argumentEncodingProblem(words, [Buffer.from('list'), Buffer.from('Caf\uFFFD')])).toBeNull();
  });

  it('shows the bytes that are not UTF-8 as \\xNN and escapes control characters in the rest', () => {
    expect(showBytes(Buffer.from([0x61, 0xff, 0xc3, 0xa9, 0x1b, 0x5b, 0xe4, 0xb8, 0xad, 0xe4]))).toBe(
      'a\\xFFé\\u001b[中\\xE4',
    );
  });
});
