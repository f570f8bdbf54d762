/**
 * Whether Electron's binary is installed: the `electron` package downloads it lazily from a host
 * some machines cannot reach, and records its path in node_modules/electron/path.txt once it has.
 */
import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function electronBinary(root: string): ElectronBinary {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pkg)) return { ok: false, reason: 'the electron package is not installed' };
  if (!fs.existsSync(pathFile))
    return {
      ok: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return { ok: false, reason: `the Electron binary ${binary} is missing` };
  return { ok: true, path: binary };
}
