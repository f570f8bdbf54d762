/**
 * A refusal cannot be made without a reason: ArchiveFailure takes a reason and its params (the
 * type system refuses English words or a wrong param), and the English message is derived from
 * them. Envelopes the main process builds outside a handler go through archiveError, never a
 * literal `{ code, message }` that a door could only show in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../../src/shared/errors/en';
import { ERROR_REASONS } from '../../../src/shared/errors/reasons';
import { ArchiveFailure, archiveError } from '../../../src/shared/result';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('ArchiveFailure', () => {
  it('takes a reason and its params, and words the message from the English table', () => {
    const failure = new ArchiveFailure('not_found', 'not_found', { kind: 'record', id: 7 }, 'id');
    expect(failure.toError()).toEqual({
      code: 'not_found',
      message: 'there is no record #7',
      field: 'id',
      reason: 'not_found',
      params: { kind: 'record', id: 7 },
    });
    // Params a wording leaves out do not travel as undefined.
    expect(new ArchiveFailure('invalid_input', 'file_too_large', { name: 'a.pdf', max: 10 }).params).toEqual({
      name: 'a.pdf',
      max: 10,
    });
  });

  it('refuses English words in place of a reason, and a reason without its params', () => {
    // @ts-expect-error: the second argument is a reason, not a message
    const worded = () => new ArchiveFailure('invalid_input', 'title: is required');
    // @ts-expect-error: not_found needs its kind and id
    const bare = () => new ArchiveFailure('not_found', 'not_found', {});
    expect(worded).toThrow();
    expect(bare).toThrow();
  });

  it('keeps the reason and params of an envelope it is rebuilt from (the CLI, the job runner)', () => {
    const envelope = archiveError('conflict', 'stale_revision', { id: 3, expected: 4, current: 5, action: 'edit' });
    const again = ArchiveFailure.from(envelope);
    expect(again.toError()).toEqual(envelope);
    expect(ArchiveFailure.from({ code: 'internal', message: 'old words' }).toError()).toMatchObject({
      message: 'old words',
      reason: 'internal',
    });
  });

  it('has an English wording for every reason', () => {
    expect(ERROR_REASONS.filter((r) => typeof ENGLISH[r] !== 'function')).toEqual([]);
    expect(Object.keys(ENGLISH).sort()).toEqual([...ERROR_REASONS].sort());
  });

  it('is the only way the main process and the preload build a refusal: no literal envelopes', () => {
    const literal = /\bcode:\s*'(?:invalid_input|not_found|conflict|in_use|library|internal)',\s*message\b/;
    const found = [...sources(path.join(ROOT, 'src/main')), ...sources(path.join(ROOT, 'src/preload'))]
      .filter((file) => literal.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(found).toEqual([]);
  });
});
