/**
 * Electronegativity (Doyensec's Electron security linter) over src/, as part of `npm test`.
 *
 * Fails on any finding of HIGH or MEDIUM severity that tests/security/electronegativity-accepted.json
 * does not justify (check id + file, with a reason), and on any justification that no longer
 * matches a finding (so the list cannot silently outlive the code it excuses).
 *
 * Runs offline: Electronegativity fetches translations and Electron's release list over the
 * network with `got`, and on a machine without internet its retry timer throws after the promise
 * settled, killing the process. `got` is replaced here by a stub that fails at once; the release
 * check (AvailableSecurityFixesGlobalCheck) is excluded and the Electron version is given.
 *
 * Usage: tsx tests/security/electronegativity.ts [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

interface Level {
  name: string;
  value: number;
}
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  description: string;
  sample?: string;
}
interface RunResult {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}
type Run = (options: Record<string, unknown>) => Promise<RunResult>;

interface Accepted {
  check: string;
  file: string;
  reason: string;
}

/** `got` as Electronegativity calls it (a function, plus .head), failing at once: no network. */
function offlineGot(): Promise<never> {
  return Promise.reject(new Error('offline: electronegativity runs without network in npm test'));
}
offlineGot.head = offlineGot;

function stubGot(): void {
  const fromHere = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = fromHere.resolve('got');
  const stub = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offlineGot, { default: offlineGot });
  require.cache[gotPath] = stub;
}

const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

export async function scan(): Promise<{
  blocking: Finding[];
  unjustified: Finding[];
  stale: Accepted[];
  errors: RunResult['errors'];
  all: Finding[];
}> {
  process.env.LANG = 'en-US';
  stubGot();
  const run = require('@doyensec/electronegativity') as Run;
  const input = path.join(root, 'src');
  // Its parse warnings go to console.log/winston; keep our output to the verdict.
  const log = console.log;
  console.log = () => {};
  let result: RunResult;
  try {
    result = await run({
      input,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      customScan: [],
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
  const accepted = JSON.parse(
    fs.readFileSync(path.join(here, 'electronegativity-accepted.json'), 'utf8'),
  ) as Accepted[];
  const rel = (f: string) => (path.isAbsolute(f) ? path.relative(input, f) : f).split(path.sep).join('/');
  const blocking = result.issues.filter((i) => BLOCKING.has(i.severity.name));
  const justifies = (a: Accepted, i: Finding) =>
    a.check === i.id && a.file === rel(i.file) && a.reason.trim().length > 20;
  const unjustified = blocking.filter((i) => !accepted.some((a) => justifies(a, i)));
  const stale = accepted.filter((a) => !blocking.some((i) => justifies(a, i)));
  return {
    blocking,
    unjustified,
    stale,
    errors: result.errors.filter((e) => !e.tolerable),
    all: result.issues.map((i) => ({ ...i, file: rel(i.file) })),
  };
}

async function main(): Promise<void> {
  const { blocking, unjustified, stale, errors, all } = await scan();
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(
        all.map((i) => ({
          id: i.id,
          severity: i.severity.name,
          confidence: i.confidence.name,
          file: i.file,
          line: i.location.line,
        })),
        null,
        2,
      ),
    );
  }
  const lines: string[] = [];
  for (const i of unjustified)
    lines.push(
      `${i.severity.name} ${i.id} at src/${i.file.split(path.sep).join('/')}:${i.location.line}: ${i.description} — fix it, or justify it in tests/security/electronegativity-accepted.json`,
    );
  for (const a of stale)
    lines.push(
      `tests/security/electronegativity-accepted.json accepts ${a.check} in src/${a.file}, but Electronegativity no longer reports it there (or the reason is empty): remove the entry`,
    );
  for (const e of errors) lines.push(`could not parse src/${e.file}: ${e.message} (so it was not checked)`);
  const lowCount = all.length - blocking.length;
  if (lines.length) {
    console.error(`electronegativity: ${lines.length} problem(s)\n  ${lines.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `electronegativity (Electron ${ELECTRON_VERSION}): ${blocking.length} high/medium finding(s), each justified; ${lowCount} low/informational`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`electronegativity could not run: ${(error as Error).stack ?? String(error)}`);
    process.exit(2);
  });
}
