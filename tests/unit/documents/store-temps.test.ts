/** Temp copies left in files/ by a killed import are removed; one that may still be written never is. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps } from '../../../src/main/documents/store';
import { tempDir } from '../../support/catalogue';

describe('removeStaleTemps', () => {
  it('removes only stale temp copies of processes that are gone', () => {
    const dir = tempDir('temps-');
    const old = new Date(Date.now() - 3_600_000);
    const deadPid = 2 ** 22 + 12_345; // above Linux's pid_max default: no such process
    const files = {
      dead: `.incoming-${deadPid}-00ff`,
      legacy: '.incoming-abcdef0123',
      live: `.incoming-${process.pid}-0a0b`,
      fresh: `.incoming-${deadPid}-beef`,
      other: '.incoming-notes.txt',
      stored: 'ab',
    };
    for (const [key, name] of Object.entries(files)) {
      const p = path.join(dir, name);
      if (key === 'stored') fs.mkdirSync(p);
      else fs.writeFileSync(p, 'x');
      if (key !== 'fresh') fs.utimesSync(p, old, old);
    }
    const started = Date.now() - 60_000;
    expect(removeStaleTemps(dir, started).sort()).toEqual([files.dead, files.legacy].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([files.live, files.fresh, files.other, files.stored].sort());
    expect(removeStaleTemps(path.join(dir, 'missing'))).toEqual([]);
  });
});
