/**
 * Stored text reaches the terminal escaped: a title imported from a real RIS file that carries
 * terminal escape sequences (set the window title, clear the screen), a carriage return, a bidi
 * override, a C1 control and a line separator is printed by list, show, cite and search as visible
 * \uXXXX escapes, in real CLI processes; with --json the output stays JSON that parses back to
 * exactly the stored text. Then terminalSafe itself, on what cannot come in through a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../src/main/cli/terminal';
import { cliIn, jsonOf, makeTempDir, removeDir, runCliProcess, type CliRun } from '../../support/cli';

/** What must never reach a terminal raw (the set terminal.ts documents). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const ESC = '\u001b';
const HOSTILE_TITLE = `Minutes ${ESC}]0;pwned\u0007 of the ${ESC}[2J council \u202eevil\u202c and \u009b31m more\u2028next\rover`;
const HOSTILE_ABSTRACT = `Kept in box 4${ESC}[1A${ESC}[2K`;

let dir: string;
let library: string;

beforeAll(async () => {
  dir = makeTempDir('civic-cli-escapes-');
  library = path.join(dir, 'library');
  // A RIS file as another tool might write it: UTF-8, CRLF line ends, the escapes inside the fields.
  const ris = [
    `TY  - RPRT`,
    `TI  - ${HOSTILE_TITLE.replace('\r', '')}`,
    `PY  - 2018`,
    `AB  - ${HOSTILE_ABSTRACT}`,
    `ER  - `,
    '',
  ].join('\r\n');
  const file = path.join(dir, 'hostile.ris');
  fs.writeFileSync(file, ris, 'utf8');
  const imported = await cliIn(library, ['import-metadata', file], { timeoutMs: 120_000 });
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
}, 120_000);

afterAll(() => removeDir(dir));

/** The commands one after another (not at once: on a loaded machine each then has its time). */
async function each(calls: string[][]): Promise<CliRun[]> {
  const runs: CliRun[] = [];
  for (const args of calls) runs.push(await cliIn(library, args, { timeoutMs: 120_000 }));
  return runs;
}

describe('control characters in stored text', () => {
  it('are shown as visible escapes by list, show, cite and search, never raw', async () => {
    const runs = await each([['list'], ['show', '1'], ['cite', '1'], ['search', 'council']]);
    for (const [i, run] of runs.entries()) {
      const name = ['list', 'show', 'cite', 'search'][i]!;
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout, name).not.toMatch(RAW_CONTROL);
      expect(run.stdout, name).toContain('\\u001b]0;pwned\\u0007');
      expect(run.stdout, name).toContain('\\u001b[2J');
      expect(run.stdout, name).toContain('\\u202eevil\\u202c');
      expect(run.stdout, name).toContain('\\u009b31m');
      expect(run.stdout, name).toContain('\\u2028next');
    }
    // The description in show, too; the layout's own newlines stay newlines.
    expect(runs[1]!.stdout).toContain('Kept in box 4\\u001b[1A\\u001b[2K');
    expect(runs[1]!.stdout.split('\n').length).toBeGreaterThan(4);
  }, 300_000);

  it('keep the --json output valid JSON holding exactly the stored text', async () => {
    const runs = await each([
      ['--json', 'list'],
      ['--json', 'show', '1'],
      ['--json', 'cite', '1'],
      ['--json', 'search', 'council'],
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(RAW_CONTROL);
    }
    // The record as stored: the escapes came through the import (so the test has something to escape).
    const record = jsonOf<{ title: string; description: string | null }>(runs[1]!);
    expect(record.title).toContain(`${ESC}]0;pwned\u0007`);
    for (const c of [`${ESC}[2J`, '\u202e', '\u009b', '\u2028']) expect(record.title).toContain(c);
    expect(record.description).toContain(`${ESC}[1A`);
    // Every output parses, and somewhere in it is the title exactly as stored.
    for (const run of runs) expect(JSON.stringify(jsonOf(run))).toContain(JSON.stringify(record.title).slice(1, -1));
    expect(jsonOf<{ title: string }[]>(runs[0]!)[0]!.title).toBe(record.title);
  }, 300_000);

  it('in an export printed to stdout are escaped, a CSV keeping its CRLF line ends (an export --out FILE is exact)', async () => {
    const [csv] = await each([['export', '--format', 'csv']]);
    expect(csv!.code, csv!.stderr).toBe(0);
    expect(csv!.stdout).toContain('\r\n');
    expect(csv!.stdout.replace(/\r\n/g, '\n')).not.toMatch(RAW_CONTROL);
    expect(csv!.stdout).toContain('\\u001b]0;pwned\\u0007');
  }, 300_000);

  it('in an argument echoed in an error message are escaped on stderr too', async () => {
    const run = await runCliProcess([`${ESC}]0;pwned\u0007`]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(run.stderr).toContain('unknown command "\\u001b]0;pwned\\u0007"');
  });
});

describe('terminalSafe', () => {
  it('escapes C0 (but TAB and LF), DEL, C1, bidi overrides and isolates, line separators and lone surrogates', () => {
    expect(terminalSafe('a\u0000b\u0007c\u0008d\re\u001bf\u007fg\u0085h\u009fi')).toBe(
      'a\\u0000b\\u0007c\\u0008d\\u000de\\u001bf\\u007fg\\u0085h\\u009fi',
    );
    expect(terminalSafe('tab\there\nnext line\r\nCRLF line')).toBe('tab\there\nnext line\r\nCRLF line');
    expect(terminalSafe('\r\rover\r')).toBe('\\u000d\\u000dover\\u000d');
    expect(terminalSafe('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
    expect(terminalSafe('\u2028\u2029')).toBe('\\u2028\\u2029');
    expect(terminalSafe('lone \ud800 and \udc00 here')).toBe('lone \\ud800 and \\udc00 here');
  });

  it('leaves ordinary text of every script alone, pairs of surrogates and the bidi marks included', () => {
    const text = 'Leeds–Hangzhou 利兹与杭州 Zürich São Paulo العربية\u200f עברית\u200e 😀 \u061c «quotes» \\ backslash';
    expect(terminalSafe(text)).toBe(text);
  });

  it('applied to JSON output keeps it JSON with the same values', () => {
    const value = { title: `x${ESC}[2J\u009b\u202e\u2028\u2029\ud800 \udfff😀\u0000`, list: ['\u0085', 'plain'] };
    const out = terminalSafe(JSON.stringify(value, null, 2));
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
