/**
 * Electron's fuses, as declared for the packaged app (build/fuses.ts), flipped and read back.
 * Electron's binary cannot be downloaded here, so the flip runs on a fuse wire laid out as Electron
 * 45's is (the sentinel, version 1, nine fuses at Electron's defaults) inside filler bytes; where an
 * Electron binary is installed, on a copy of it too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { applyFuses, FUSES, fuseDifferences } from '../../../build/fuses';
import { electronBinary } from '../../../src/main/electron-binary';
import { tempDir } from '../../support/catalogue';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's defaults, in wire order: RunAsNode, cookie encryption, NODE_OPTIONS, inspect, ASAR integrity, only ASAR, V8 snapshot, file:// privileges, wasm trap handlers. */
const ELECTRON_DEFAULTS = '101100011';

function fakeElectron(dir: string, wire = ELECTRON_DEFAULTS): string {
  const file = path.join(dir, 'electron');
  const filler = Buffer.alloc(5 * 1024 * 1024, 0x90); // past one 4 MB scan chunk of @electron/fuses
  fs.writeFileSync(
    file,
    Buffer.concat([filler, Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), filler]),
  );
  return file;
}

describe('the declared fuses', () => {
  it('are those of Electron’s security checklist, every fuse of the wire decided', () => {
    expect(FUSES).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    const decided = Object.keys(FUSES).filter((k) => Number.isInteger(Number(k))).length;
    expect(decided).toBe(Object.keys(FuseV1Options).filter((k) => Number.isInteger(Number(k))).length);
  });

  it('the package script is declared', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['package:fuses']).toBe('tsx build/fuses.ts');
  });
});

describe('flipped and read back', () => {
  it('a fuse wire at Electron’s defaults differs from the declaration, and after the flip reads back as declared', async () => {
    const binary = fakeElectron(tempDir('fuses-'));
    const before = await fuseDifferences(binary);
    expect(before).toEqual([
      'RunAsNode: is true, must be false',
      'EnableCookieEncryption: is false, must be true',
      'EnableNodeOptionsEnvironmentVariable: is true, must be false',
      'EnableNodeCliInspectArguments: is true, must be false',
      'EnableEmbeddedAsarIntegrityValidation: is false, must be true',
      'OnlyLoadAppFromAsar: is false, must be true',
      'GrantFileProtocolExtraPrivileges: is true, must be false',
    ]);
    const original = fs.readFileSync(binary);
    await applyFuses(binary);
    expect(await fuseDifferences(binary)).toEqual([]);
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(String.fromCharCode(...Array.from({ length: 9 }, (_, i) => wire[i]!))).toBe('010011001');
    // Only the wire changed: every other byte of the binary is what it was.
    const flipped = fs.readFileSync(binary);
    const wireStart = original.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(flipped.length).toBe(original.length);
    expect(flipped.subarray(0, wireStart).equals(original.subarray(0, wireStart))).toBe(true);
    expect(flipped.subarray(wireStart + 9).equals(original.subarray(wireStart + 9))).toBe(true);
    expect(flipped.subarray(wireStart, wireStart + 9).toString()).toBe('010011001');
  });

  it('a wire with a fuse this declaration does not know fails the flip (every new fuse must be decided)', async () => {
    const binary = fakeElectron(tempDir('fuses-'), `${ELECTRON_DEFAULTS}0`);
    await expect(applyFuses(binary)).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('the installed Electron binary, where there is one (a copy of it, flipped and read back)', async () => {
    const found = electronBinary(path.resolve(import.meta.dirname, '../../..'));
    if (!found.ok) {
      // Not here: Electron's binary comes from a host these machines cannot reach. The wire above stands in.
      console.log(`fuses: no Electron binary to check here (${found.reason}); checked the wire layout only`);
      expect(found.reason).toMatch(/Electron|electron/);
      return;
    }
    const copy = path.join(tempDir('fuses-'), path.basename(found.path));
    fs.copyFileSync(found.path, copy);
    await applyFuses(copy);
    expect(await fuseDifferences(copy)).toEqual([]);
  });
});
