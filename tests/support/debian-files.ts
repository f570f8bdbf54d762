/**
 * Real files taken from Debian packages at test time (never committed): `apt-get download` of the
 * package, then the files wanted out of its data with `dpkg-deb --fsys-tarfile | tar -x`. The .deb
 * and the files are cached under the system temp folder, so a second run does not download again.
 * A package that cannot be had fails the test with the command that failed: an oracle we cannot
 * reach is not a pass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CACHE = path.join(os.tmpdir(), 'civic-archive-debian-cache');

function run(command: string, args: string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed (Debian's packages must be reachable for this test): ${e.stderr?.trim() || e.message}`,
    );
  }
}

/** The .deb of a package (downloaded once into the cache). */
function debOf(pkg: string): string {
  fs.mkdirSync(CACHE, { recursive: true });
  const cached = fs.readdirSync(CACHE).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (cached) return path.join(CACHE, cached);
  // Downloaded into a private folder first: a run cut short leaves no half-written .deb in the cache.
  const work = fs.mkdtempSync(path.join(CACHE, 'download-'));
  try {
    run('apt-get', ['download', pkg], work);
    const deb = fs.readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} wrote no .deb`);
    fs.renameSync(path.join(work, deb), path.join(CACHE, deb));
    return path.join(CACHE, deb);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Files (or, ending in "/", folders) of a package, by the absolute path the package installs them
 * at (e.g. /usr/bin/bibtool), extracted into the cache; returns their paths in the cache, in order.
 */
export function debianFiles(pkg: string, files: string[]): string[] {
  const root = path.join(CACHE, `${pkg}-files`);
  const wanted = files.map((f) => path.join(root, f));
  const missing = files.filter((_f, i) => !fs.existsSync(wanted[i]!));
  if (missing.length > 0) {
    const deb = debOf(pkg);
    fs.mkdirSync(root, { recursive: true });
    // Members of a .deb's data are named "./usr/...".
    run(
      'sh',
      [
        '-c',
        'deb="$1"; dir="$2"; shift 2; dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir" "$@"',
        'sh',
        deb,
        root,
        ...missing.map((f) => `.${f}`),
      ],
      root,
    );
  }
  return wanted;
}

/**
 * BibTool (Debian's `bibtool`: its own C parser of BibTeX) counting the entries of a .bib file by
 * type, as an oracle independent of the parser under test. Types are lower-cased; "string" and
 * "preamble" are counted too, as BibTool reports them.
 */
export function bibtoolCounts(bibFile: string): Record<string, number> {
  const [tool] = debianFiles('bibtool', ['/usr/bin/bibtool']);
  // The whole folder: libkpathsea.so.6 is a symbolic link to the versioned file beside it.
  const [libDir] = debianFiles('libkpathsea6', ['/usr/lib/x86_64-linux-gnu/']);
  // -@ prints "---  Article  4839 read  4839 written" for each type on stderr.
  const result = spawnSync(tool!, ['-@', '-i', bibFile, '-o', '/dev/null'], {
    env: { ...process.env, LD_LIBRARY_PATH: libDir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bibtool failed on ${bibFile}: ${result.stderr || result.error?.message}`);
  const counts: Record<string, number> = {};
  for (const m of result.stderr.matchAll(/^---\s+(\S+)\s+(\d+) read/gm)) counts[m[1]!.toLowerCase()] = Number(m[2]);
  if (Object.keys(counts).length === 0) throw new Error(`bibtool printed no counts for ${bibFile}: ${result.stderr}`);
  return counts;
}
