/**
 * Electron's fuses for the packaged app: switches compiled into the Electron binary that no code,
 * argument or environment variable can turn back at run time (Electron's security checklist).
 * This is their one declaration; the packaging step runs
 *
 *   npm run package:fuses -- <path to the packaged app's Electron binary (or .app bundle)>
 *
 * on the copy of Electron it ships, which flips them and reads them back, failing if any differs.
 * tests/unit/doors/fuses.test.ts checks the declaration and flips a fuse wire for real.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node that runs any script.
 * - NODE_OPTIONS and --inspect/--inspect-brk off: no code injected into, or debugger attached to, the main process.
 * - Cookie encryption on: cookies on disk are encrypted with the OS keychain's key.
 * - Embedded ASAR integrity and only-load-from-ASAR on: the app's code is the app.asar it was signed with.
 * - file:// gets no extra privileges (the renderer is served from app://, see src/main/shell/trusted-url.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // Every fuse of the wire must be set here: a new fuse in a later Electron fails the packaging step until it is decided.
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Left on (Electron's default): WebAssembly (OCR's tesseract) relies on trap handlers for speed.
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;

/** The fuses of a binary that differ from the declaration, as "Name: is X, must be Y" (empty: all as declared). */
export async function fuseDifferences(binary: string): Promise<string[]> {
  const wire = await getCurrentFuseWire(binary);
  const out: string[] = [];
  for (const [key, want] of Object.entries(FUSES)) {
    const index = Number(key);
    if (!Number.isInteger(index)) continue;
    const state = (wire as unknown as Record<number, number | undefined>)[index];
    const is = state === 49 ? true : state === 48 ? false : undefined;
    if (is !== want)
      out.push(
        `${FuseV1Options[index]}: is ${is === undefined ? `missing (${String(state)})` : is}, must be ${String(want)}`,
      );
  }
  return out;
}

/** Flips the declared fuses on a binary, then reads them back. */
export async function applyFuses(binary: string): Promise<void> {
  await flipFuses(binary, {
    ...FUSES,
    resetAdHocDarwinSignature: process.platform === 'darwin' && process.arch === 'arm64',
  });
  const wrong = await fuseDifferences(binary);
  if (wrong.length) throw new Error(`the fuses of ${binary} are not as declared: ${wrong.join('; ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('usage: npm run package:fuses -- <path to the packaged Electron binary or .app bundle>');
    process.exit(2);
  }
  applyFuses(binary).then(
    () => console.log(`fuses flipped and read back as declared: ${binary}`),
    (error: unknown) => {
      console.error(`package:fuses: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
