/** One temp root per test run: every test's libraries live below it, and it is removed at the end. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-tests-'));
  process.env.CIVIC_TEST_TMP = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
