/**
 * `npm run bench:host [-- --rounds 5 --burst 10]`
 *
 * How long a normal request to the browser host takes while hostile bodies arrive, against the
 * same request alone. The host is the built one (out/main/host.js, or CIVIC_ARCHIVE_OUT's) in its
 * own process on a fresh library, as `npm run serve` runs it; the hostile bodies come from another
 * process (this script again, with --attack), as they would from another page or program, so the
 * figures are the host's and not the work of writing the bodies. Cases:
 *   alone     the normal request (libraryInfo) by itself
 *   deep      BURST bodies of 4 MB of nested brackets to createRecord (a channel taking 8 MB) and
 *             half as many 4 MB flat bodies to listRecords (a 64 KB channel), all at once
 *   paths     one 8 MB body that is a flat array of strings to previewImport (the schema allows
 *             10,000 paths: refused by zod after JSON.parse)
 *   tags      one 8 MB flat array of strings to saveSearch (its facet lists have no maximum, so
 *             it is stored: the catalogue worker, which answers libraryInfo too, is busy meanwhile)
 * For each case the normal request is sent again and again from the moment the hostile ones are on
 * their way until the last of them is answered; its latencies are what a user saw meanwhile.
 * A benchmark, not a test: the figures vary with the machine's load; the tests check the answers.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { startHostProcess } from '../support/host-process';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    burst: { type: 'string', default: '10' },
    attack: { type: 'string' },
    base: { type: 'string' },
    token: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const BURST = Number(values.burst);
const OUT = path.resolve(import.meta.dirname, '../..', process.env.CIVIC_ARCHIVE_OUT || 'out');

interface Target {
  base: string;
  token: string;
}
interface Answer {
  status: number;
  ms: number;
  text: string;
}

function post(target: Target, channel: string, body: Buffer): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(new URL(target.base).port),
        method: 'POST',
        path: `/api/${channel}`,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-Archive-Token': target.token },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start, text }));
      },
    );
    // A refusal may close the connection before the whole body is sent: that is an answer too.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET'
        ? resolve({ status: 0, ms: performance.now() - start, text: error.code })
        : reject(error),
    );
    req.end(body);
  });
}

/** About 8 MB of JSON strings. */
function strings(make: (i: number) => string): string[] {
  const items: string[] = [];
  for (let i = 0, size = 0; size < 8 * 1024 * 1024 - 4096; i++) {
    const s = make(i);
    items.push(s);
    size += s.length + 3;
  }
  return items;
}

/** The hostile requests of one case: [channel, body] each. */
function hostile(kind: string): [string, Buffer][] {
  if (kind === 'deep') {
    const deep = Buffer.from('['.repeat(2 * 1024 * 1024) + ']'.repeat(2 * 1024 * 1024));
    const flat = Buffer.from(JSON.stringify({ tag: 'x'.repeat(deep.length - 12) }));
    return [
      ...Array.from({ length: BURST }, () => ['createRecord', deep] as [string, Buffer]),
      ...Array.from({ length: Math.ceil(BURST / 2) }, () => ['listRecords', flat] as [string, Buffer]),
    ];
  }
  if (kind === 'paths')
    return [
      ['previewImport', Buffer.from(JSON.stringify({ paths: strings((i) => `relative/folder/document-${i}.pdf`) }))],
    ];
  if (kind === 'tags')
    return [
      [
        'saveSearch',
        Buffer.from(
          JSON.stringify({
            name: `Everything ${Date.now()}`,
            query: '',
            filters: { tags: strings((i) => `tag-${i}`) },
          }),
        ),
      ],
    ];
  throw new Error(`unknown case ${kind}`);
}

/** Attacker mode: builds the bodies, says "sending" as it starts them, then one JSON line of the answers. */
async function attack(kind: string, target: Target): Promise<void> {
  const requests = hostile(kind);
  const answers = requests.map(([channel, body]) => post(target, channel, body));
  console.log(`sending ${requests.length} × ${(requests[0]![1].length / 1e6).toFixed(1)} MB`);
  console.log(JSON.stringify(await Promise.all(answers)));
}

/**
 * Runs one attacker process and, from the moment its requests are on their way until all of them
 * are answered, sends the normal request again and again: their latencies are what a user of the
 * host would have seen during the attack.
 */
async function underAttack(
  kind: string,
  target: Target,
): Promise<{ latencies: number[]; answers: Answer[]; what: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      import.meta.filename,
      '--attack',
      kind,
      '--base',
      target.base,
      '--token',
      target.token,
      '--burst',
      String(BURST),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const it = lines[Symbol.asyncIterator]();
  const first = (await it.next()).value;
  if (!first?.startsWith('sending')) throw new Error(`the attacker said: ${first}`);
  let done = false;
  const last = it.next().then((r) => {
    done = true;
    return r.value as string;
  });
  const latencies: number[] = [];
  do latencies.push(await normal(target));
  while (!done);
  const answers = JSON.parse(await last) as Answer[];
  lines.close();
  return { latencies, answers, what: first.slice('sending '.length) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** The normal request, checked: it must be answered correctly, not just quickly. */
async function normal(target: Target): Promise<number> {
  const a = await post(target, 'libraryInfo', Buffer.from('{}'));
  const env = JSON.parse(a.text) as { ok: boolean };
  if (a.status !== 200 || !env.ok) throw new Error(`the normal request failed: ${a.status} ${a.text.slice(0, 200)}`);
  return a.ms;
}

function summary(answers: Answer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    let why = String(a.status);
    try {
      const env = JSON.parse(a.text) as { ok: boolean; error?: { message: string } };
      why += env.ok ? ' ok' : ` "${env.error?.message.slice(0, 72)}"`;
    } catch {
      why += ` ${a.text.slice(0, 40)}`;
    }
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join('; ');
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-bench-host-'));
  const host = await startHostProcess(path.join(dir, 'library'), OUT);
  const target = { base: host.base, token: host.token };
  try {
    console.log(
      `Browser host ${path.relative(process.cwd(), OUT) || '.'}/main/host.js on a fresh library; ${os.cpus().length} cores, Node ${process.version}`,
    );
    for (let i = 0; i < 5; i++) await normal(target); // warm up
    const alone: number[] = [];
    for (let i = 0; i < 30; i++) alone.push(await normal(target));
    console.log(`alone  libraryInfo ${fmt(alone)} (30 requests)`);

    for (const kind of ['deep', 'paths', 'tags']) {
      const latencies: number[] = [];
      const whole: number[] = [];
      let last: Answer[] = [];
      let what = '';
      for (let r = 0; r < ROUNDS; r++) {
        const run = await underAttack(kind, target);
        latencies.push(...run.latencies);
        whole.push(Math.max(...run.answers.map((a) => a.ms)));
        last = run.answers;
        what = run.what;
      }
      console.log(
        `${kind.padEnd(6)} libraryInfo ${fmt(latencies)} (${latencies.length} requests) while ${what} were sent and answered, ${ROUNDS} rounds; they took ${fmt(whole)}`,
      );
      console.log(`       answers: ${summary(last)}`);
    }
  } finally {
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (values.attack) {
  attack(values.attack, { base: values.base!, token: values.token! }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
