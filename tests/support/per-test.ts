/**
 * Test libraries that live for one test: each `library()` opens a fresh one (or `library(dir)`, the one in `dir`), and all that a test
 * opened are closed after it, however it ended. `library.closeNow(lib)` closes one before the
 * test ends (to hand its folder to a CLI process, say).
 */
import { afterEach } from 'vitest';
import { openTestLibrary, type TestLibrary } from './catalogue';

interface PerTest {
  (dir?: string): Promise<TestLibrary>;
  closeNow(lib: TestLibrary): Promise<void>;
}

export function librariesPerTest(): PerTest {
  const open: TestLibrary[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  const library = async (dir?: string) => {
    const lib = await openTestLibrary(dir);
    open.push(lib);
    return lib;
  };
  return Object.assign(library, {
    closeNow: async (lib: TestLibrary) => {
      open.splice(open.indexOf(lib), 1);
      await lib.close();
    },
  });
}
