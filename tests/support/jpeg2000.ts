/**
 * A JPEG 2000 (JP2) picture made at test time by OpenJPEG's own encoder, `opj_compress` from
 * Debian's libopenjp2-tools (fetched with its library by tests/support/debian-files.ts, never
 * committed): the JPXDecode images of scanned PDFs come from encoders like it, not from ours.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { debianFiles } from './debian-files';

/** `grey`: 8-bit greyscale pixels, row by row. Returns the .jp2 file's bytes. */
export function jp2Of(grey: Buffer, width: number, height: number, work: string): Buffer {
  const [encoder] = debianFiles('libopenjp2-tools', ['/usr/bin/opj_compress']);
  const [library] = debianFiles('libopenjp2-7', ['/usr/lib/x86_64-linux-gnu/libopenjp2.so.7']);
  const pgm = path.join(work, 'page.pgm');
  fs.writeFileSync(pgm, Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1'), grey]));
  const out = path.join(work, 'page.jp2');
  execFileSync(encoder!, ['-i', pgm, '-o', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // The package's own library beside it, in case the machine has none installed.
    env: { ...process.env, LD_LIBRARY_PATH: path.dirname(library!) },
  });
  return fs.readFileSync(out);
}
