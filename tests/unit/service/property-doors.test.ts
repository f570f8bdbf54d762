/**
 * Every door validates, whatever it is sent: random and malformed inputs (fast-check) at every
 * contract channel, directly at the service and through the browser host. Never a crash or a
 * hang, always one clear error, and a refused request writes nothing (row counts and revision).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../src/main/host/server';
import { CHANNELS, contract } from '../../../src/shared/contract';
import { isArchiveError } from '../../../src/shared/result';
import { catalogueState, openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';

let lib: TestLibrary;
let host: Host;

beforeAll(async () => {
  lib = await openTestLibrary();
  await lib.ok('loadSample', {});
  host = await startHost({ service: lib.service, rendererDir: tempDir(), port: 0 });
});
afterAll(async () => {
  await host.close();
  await lib.close();
});

/** Inputs shaped like the channels' own (the right keys, wrong or odd values), and anything at all. */
const keysOf = (channel: (typeof CHANNELS)[number]): string[] => {
  const shape = (contract[channel].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};
// Strings never start like an absolute path: channels that write to a path (backups, bags) must
// not be sent a random spot on this machine's disk by a test.
const oddValue = fc.oneof(
  fc.string().map((s) => `rel-${s}`),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant('2018-13-40'),
  fc.constant('<script>alert(1)</script>'),
  fc.constant(-1),
  fc.constant(1e308),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
);
const inputFor = (channel: (typeof CHANNELS)[number]) =>
  fc.oneof(
    fc.anything(),
    fc.record(Object.fromEntries(keysOf(channel).map((k) => [k, oddValue])), { requiredKeys: [] }),
  );

function refusedOrValid(result: unknown): void {
  expect(typeof result).toBe('object');
  const r = result as { ok: boolean; error?: unknown };
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(isArchiveError(r.error)).toBe(true);
    expect((r.error as { code: string }).code).not.toBe('internal');
  }
}

describe('random input at the service', () => {
  for (const channel of CHANNELS) {
    it(channel, async () => {
      await fc.assert(
        fc.asyncProperty(inputFor(channel), async (input) => {
          const before = catalogueState(lib.dir);
          const result = await lib.service.invoke(channel, input);
          refusedOrValid(result);
          if (!result.ok || !contract[channel].mutates) expect(catalogueState(lib.dir)).toEqual(before);
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('random input through the browser host', () => {
  it('any channel name and any body: an envelope or a clear HTTP refusal, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...CHANNELS), fc.string({ maxLength: 30 })),
        fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.constant('{"unclosed": '), fc.constant('')),
        async (channel, body) => {
          const before = catalogueState(lib.dir);
          const response = await fetch(`${host.baseUrl}/api/${encodeURIComponent(channel)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Archive-Token': host.token },
            body,
          });
          expect([200, 400, 404]).toContain(response.status);
          const answer = await response.json();
          refusedOrValid(answer);
          const ok = (answer as { ok: boolean }).ok;
          const known = (CHANNELS as readonly string[]).includes(channel);
          if (!ok || !known || !contract[channel as (typeof CHANNELS)[number]].mutates)
            expect(catalogueState(lib.dir)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
