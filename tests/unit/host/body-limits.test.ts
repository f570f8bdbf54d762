/**
 * The browser host's limits on JSON bodies (src/main/host/body-limits.ts): nesting depth and each
 * channel's size, checked on the bytes before JSON.parse. First the byte scan; then that every
 * channel's limit holds the largest input its schema in the contract allows (so a limit can never
 * refuse a legitimate request, and a channel that grows fails here); then over real HTTP on a real
 * library: refusals, what still passes, a burst of hostile bodies beside a normal request, and the
 * upload and /files/ routes, which have limits of their own.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyLimit,
  DEFAULT_BODY_BYTES,
  depthExceededAt,
  DepthScan,
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
} from '../../../src/main/host/body-limits';
import { TOKEN_HEADER } from '../../../src/main/host/guard';
import type { Host } from '../../../src/main/host/server';
import { CHANNELS, contract } from '../../../src/shared/contract';
import { MAX_CSL_VALUE_DEPTH } from '../../../src/shared/model';
import { catalogueState, type TestLibrary } from '../../support/catalogue';
import { startFileHost, type FileHost } from '../../support/file-host';
import { rawRequest } from '../../support/http';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('the depth scan', () => {
  const at = (s: string, max = 3) => depthExceededAt(Buffer.from(s), max);

  it('finds the first bracket past the limit, counting arrays and objects alike', () => {
    expect(at('[[[1]]]')).toBe(-1);
    expect(at('[[[[1]]]]')).toBe(3);
    expect(at('{"a":{"b":[{"c":1}]}}')).toBe(11);
    expect(at('[1],[2],[3],[[[4]]]')).toBe(-1);
  });

  it('does not count brackets inside strings, escaped quotes and backslashes included', () => {
    expect(at('["[[[[{{{{"]')).toBe(-1);
    expect(at('["\\"[[[[", "\\\\", [[1]]]')).toBe(-1);
    expect(at('["\\\\"[[[[1]]]]]')).toBe(7);
    expect(at('["利兹[[[[", {"键": "{{{{"}]')).toBe(-1);
  });

  it('gives the same answer fed in chunks of any size, a string or its escape split between them', () => {
    const bodies = [
      '["\\\\"[[[[1]]]]]',
      '["\\"[[[[", "\\\\", [[1]]]',
      '{"a":{"b":[{"c":1}]}}',
      '["利兹[[[[", {"键": "{{{{"}]',
      '[[["a\\"b"],[[[1]]]]]',
    ];
    for (const body of bodies) {
      const bytes = Buffer.from(body);
      const whole = depthExceededAt(bytes, 3);
      for (const size of [1, 2, 3, 5]) {
        const scan = new DepthScan(3);
        for (let i = 0; i < bytes.length && scan.feed(bytes.subarray(i, i + size)); i += size);
        expect(scan.exceededAt, `${body} in chunks of ${size}`).toBe(whole);
      }
    }
  });

  it('leaves what is not JSON to the parser', () => {
    expect(at(']]]]]]')).toBe(-1);
    expect(at('"unterminated [[[[[[')).toBe(-1);
  });
});

/** The largest input a JSON Schema allows: its depth and bytes (text at 3 UTF-8 bytes a character). */
type Bound = { depth: number; bytes: number };
type Schema = { [key: string]: unknown };
// What a field without a declared maximum is counted as: a date, a language, a URL, a style id.
const UNBOUNDED_STRING = 2_000;
// An array without a maximum holds values a person picks (saved-search facets).
const UNBOUNDED_ITEMS = 200;

function largest(schema: Schema | boolean, defs: Record<string, Schema>, seen: Set<Schema> = new Set()): Bound {
  // JSON Schema's `false` admits nothing (a tuple's `items` after its prefixItems); `true`, anything.
  if (schema === false) return { depth: 0, bytes: 0 };
  if (schema === true) return { depth: Infinity, bytes: Infinity };
  if (typeof schema.$ref === 'string') {
    const target = defs[schema.$ref.split('/').pop()!]!;
    if (seen.has(target)) return { depth: Infinity, bytes: Infinity };
    return largest(target, defs, new Set([...seen, target]));
  }
  const alternatives = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;
  if (alternatives) {
    const all = alternatives.map((a) => largest(a, defs, seen));
    return { depth: Math.max(...all.map((b) => b.depth)), bytes: Math.max(...all.map((b) => b.bytes)) };
  }
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (schema.properties || types.includes('object')) {
    const props = Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([k, v]) => ({
      k,
      b: largest(v, defs, seen),
    }));
    let depth = 1 + Math.max(0, ...props.map((p) => p.b.depth));
    let bytes = 2 + props.reduce((n, p) => n + p.k.length + 4 + p.b.bytes, 0);
    const extra = schema.additionalProperties;
    if (extra && typeof extra === 'object') {
      const each = largest(extra as Schema, defs, seen);
      depth = Math.max(depth, 1 + each.depth);
      bytes += UNBOUNDED_ITEMS * (UNBOUNDED_STRING * 3 + 4 + each.bytes);
    }
    return { depth, bytes };
  }
  if (types.includes('array')) {
    const prefix = ((schema.prefixItems ?? []) as Schema[]).map((p) => largest(p, defs, seen));
    const item = largest((schema.items ?? (prefix.length ? false : {})) as Schema | boolean, defs, seen);
    const n = typeof schema.maxItems === 'number' ? schema.maxItems - prefix.length : UNBOUNDED_ITEMS;
    return {
      depth: 1 + Math.max(item.depth, ...prefix.map((p) => p.depth)),
      bytes: 2 + prefix.reduce((b, p) => b + p.bytes + 1, 0) + (item.bytes ? n * (item.bytes + 1) : 0),
    };
  }
  if (types.includes('string')) {
    const chars =
      typeof schema.maxLength === 'number'
        ? schema.maxLength
        : Array.isArray(schema.enum)
          ? Math.max(...(schema.enum as string[]).map((e) => e.length))
          : UNBOUNDED_STRING;
    return { depth: 0, bytes: 2 + chars * 3 };
  }
  if (
    types.some((t) => t === 'number' || t === 'integer' || t === 'boolean' || t === 'null') ||
    'const' in schema ||
    'enum' in schema
  )
    return { depth: 0, bytes: 24 };
  // {} : any JSON at all (a record of unknown values).
  return { depth: Infinity, bytes: Infinity };
}

describe('each channel’s limits, from the contract', () => {
  const bounds = Object.fromEntries(
    CHANNELS.map((c) => {
      const schema = z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' }) as Schema;
      return [c, largest(schema, (schema.$defs ?? {}) as Record<string, Schema>)];
    }),
  );

  it('takes the largest input each channel allows (up to the ceiling)', () => {
    const tooSmall = CHANNELS.filter((c) => bodyLimit(c) < Math.min(bounds[c]!.bytes, MAX_BODY_BYTES)).map(
      (c) => `${c}: limit ${bodyLimit(c)}, input up to ${bounds[c]!.bytes}`,
    );
    expect(tooSmall).toEqual([]);
  });

  it('keeps most channels at the small default, and none above the ceiling', () => {
    const small = CHANNELS.filter((c) => bodyLimit(c) === DEFAULT_BODY_BYTES);
    expect(small.length).toBeGreaterThan(CHANNELS.length / 2);
    for (const c of CHANNELS) expect(bodyLimit(c)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(bodyLimit('noSuchChannel')).toBe(DEFAULT_BODY_BYTES);
  });

  it('allows far deeper nesting than any input has; only the job runner’s free-form results are unbounded', () => {
    const deepest = Math.max(...CHANNELS.filter((c) => Number.isFinite(bounds[c]!.depth)).map((c) => bounds[c]!.depth));
    expect(deepest).toBeLessThanOrEqual(8);
    expect(deepest * 4).toBeLessThan(MAX_JSON_DEPTH);
    // The job runner's metadata is z.record(z.unknown()); those channels are internal (called in process).
    // A record's verbatim CSL values are recursive JSON in the schema, bounded by a check the schema
    // cannot express (MAX_CSL_VALUE_DEPTH, tested below), far inside the host's depth limit.
    expect(CHANNELS.filter((c) => !Number.isFinite(bounds[c]!.depth)).sort()).toEqual([
      'createRecord',
      'finishExtract',
      'finishJob',
      'restoreRecord',
      'updateRecord',
    ]);
    expect(MAX_CSL_VALUE_DEPTH + 4).toBeLessThan(MAX_JSON_DEPTH);
  });

  it('refuses verbatim CSL values nested deeper than the model allows, and takes those at the bound', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : [nest(levels - 1)]);
    const input = (levels: number) => ({ type: 'report', title: 'Deep', extraCsl: { note: nest(levels) } });
    expect(contract.createRecord.input.safeParse(input(MAX_CSL_VALUE_DEPTH - 1)).success).toBe(true);
    const refused = contract.createRecord.input.safeParse(input(MAX_CSL_VALUE_DEPTH + 1));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['extraCsl']);
  });
});

describe('over HTTP', () => {
  let lib: TestLibrary;
  let host: Host;
  let rig: FileHost;

  beforeAll(async () => {
    rig = await startFileHost();
    ({ lib, host } = rig);
  });

  afterAll(() => rig.close());

  const api = (channel: string, body: string | Buffer) =>
    rawRequest({
      port: host.port,
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body,
    });

  /** The same, sent in chunks without Content-Length. */
  const chunked = (channel: string, body: Buffer) =>
    new Promise<{ status: number; json: Envelope }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: `/api/${channel}`,
          agent: false,
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Envelope }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      req.end();
    });

  const depthMessage = new RegExp(`more than ${MAX_JSON_DEPTH} levels deep`);

  it(`refuses a body nested more than ${MAX_JSON_DEPTH} levels deep with 400, writing nothing`, async () => {
    const before = catalogueState(lib.dir);
    // Depth: the body object is 1, then each bracket of its tags one more: 1 + 64 here.
    const deep = `{"type":"letter","title":"Deep","tags":${nested(MAX_JSON_DEPTH, '"x"')}}`;
    const res = await api('createRecord', deep);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(depthMessage),
        reason: 'request_refused',
        params: { detail: expect.stringMatching(depthMessage) },
      },
    });
    // One level less reaches the parser and the channel's own validation, which names the field.
    const limit = await api(
      'createRecord',
      `{"type":"letter","title":"Deep","tags":${nested(MAX_JSON_DEPTH - 1, '"x"')}}`,
    );
    expect(limit.status).toBe(200);
    const env = limit.json<Envelope>();
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/^tags/);
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('refuses a deep body sent in chunks without Content-Length, within its channel’s limit or past it', async () => {
    const deep = Buffer.from(nested(512 * 1024));
    for (const channel of ['createRecord', 'listRecords']) {
      const res = await chunked(channel, deep);
      expect(res.status, channel).toBe(400);
      expect(res.json, channel).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(depthMessage),
          reason: 'request_refused',
          params: { detail: expect.stringMatching(depthMessage) },
        },
      });
    }
  });

  it('takes brackets and quotes inside strings as text', async () => {
    const title = `[[[[{{{{ "quoted" \\ ${'['.repeat(500)}${'{'.repeat(500)} 利兹`;
    const res = await api('createRecord', JSON.stringify({ type: 'letter', title }));
    const env = res.json<Envelope>();
    expect(env).toMatchObject({ ok: true, value: { title } });
  });

  it('refuses a body over its channel’s limit with 413 naming the limit, sent with Content-Length or in chunks', async () => {
    const before = catalogueState(lib.dir);
    const body = Buffer.from(JSON.stringify({ tag: 'x'.repeat(DEFAULT_BODY_BYTES) }));
    const declared = await api('listRecords', body);
    expect(declared.status).toBe(413);
    expect(declared.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `the request is larger than ${DEFAULT_BODY_BYTES} bytes, the most listRecords takes`,
        reason: 'request_refused',
        params: { detail: `the request is larger than ${DEFAULT_BODY_BYTES} bytes, the most listRecords takes` },
      },
    });
    const streamed = await chunked('listRecords', body);
    expect(streamed.status).toBe(413);
    expect(streamed.json).toMatchObject({ ok: false, error: { message: /the most listRecords takes/ } });
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('still takes a large legitimate body on a channel that needs one', async () => {
    const bodyText = '利兹与杭州的合作备忘录。'.repeat(40_000); // 480,000 characters, 1.4 MB of UTF-8
    const res = await api('createRecord', JSON.stringify({ type: 'report', title: 'A long report', bodyText }));
    expect(res.status).toBe(200);
    const env = res.json<Envelope>();
    expect(env.ok).toBe(true);
    if (env.ok) expect((await lib.ok('getRecord', { id: (env.value as { id: number }).id })).bodyText).toBe(bodyText);
  });

  it('answers a normal request correctly beside a burst of 4 MB bodies (nested brackets, or too large), refusing each clearly', async () => {
    const before = catalogueState(lib.dir);
    const hostile = Buffer.from(nested(2 * 1024 * 1024));
    expect(hostile.length).toBeGreaterThan(4_000_000);
    const flat = Buffer.from(JSON.stringify({ tag: 'x'.repeat(4_000_000) }));
    const burst = [
      ...Array.from({ length: 10 }, () => api('createRecord', hostile)),
      ...Array.from({ length: 5 }, () => api('importMetadata', hostile)),
      ...Array.from({ length: 5 }, () => api('listRecords', flat)),
    ];
    const normal = api('libraryInfo', '{}');
    const answers = await Promise.all(burst);
    const info = (await normal).json<Envelope>();
    expect(info).toMatchObject({ ok: true, value: { revision: before.revision } });
    for (const res of answers.slice(0, 15)) {
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(depthMessage),
          reason: 'request_refused',
          params: { detail: expect.stringMatching(depthMessage) },
        },
      });
    }
    for (const res of answers.slice(15)) {
      expect(res.status).toBe(413);
      expect(res.json()).toMatchObject({ ok: false, error: { message: /the most listRecords takes/ } });
    }
    expect(catalogueState(lib.dir)).toEqual(before);
  });

  it('leaves uploads and stored files to their own limits: a 300 KB upload is stored and served', async () => {
    const content = Buffer.from(
      Array.from({ length: 6_000 }, (_, i) => `Line ${i} of the uploaded minutes, [[[{{{ kept as text.\n`).join(''),
    );
    expect(content.length).toBeGreaterThan(4 * DEFAULT_BODY_BYTES);
    const sha = createHash('sha256').update(content).digest('hex');
    const up = await fetch(`${host.baseUrl}/upload?name=minutes.txt`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: host.token, 'Content-Type': 'application/octet-stream' },
      body: content,
    });
    expect(up.status).toBe(200);
    const { value } = (await up.json()) as { ok: true; value: { batch: string } };
    let imported = false;
    for (let i = 0; i < 600 && !imported; i++) {
      const jobs = await lib.ok('listJobs', { batch: value.batch });
      imported = jobs.jobs.some((j) => j.kind === 'import' && j.status === 'done');
      if (!imported) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(imported).toBe(true);
    const got = await fetch(`${host.baseUrl}/files/${sha}`, { headers: { [TOKEN_HEADER]: host.token } });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(content)).toBe(true);
  });
});
