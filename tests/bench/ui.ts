/**
 * `npm run bench:ui -- [--records N] [--fresh] [--loads 3]`   (N defaults to 100,000)
 *
 * The workspace in Chromium (Playwright, Debian's /usr/bin/chromium or CHROMIUM_PATH) against the
 * built browser host, on the generated library bench:search uses (tests/bench/library.ts: built
 * once, then reused from .bench/library-N). Measures, and prints:
 *   - page open → first rows of the list shown (navigation start to the first title in the grid),
 *     a cold first load and then warm reloads;
 *   - keystroke → updated results in the search box (keydown to the frame after the results
 *     changed), p50 and p95, over words typed a letter at a time;
 *   - frames per second during a long scroll of the list (requestAnimationFrame counting while the
 *     list scrolls a fixed distance each frame), the slowest frame, and how many frames showed a row
 *     still waiting for its data.
 * The build it runs is <CIVIC_ARCHIVE_OUT or out>/ (`npm run bench:ui` builds it first).
 * With `--baseline <build folder> [--rounds 5] [--typing 2]` it instead compares page open → first
 * rows, typing (`--typing` runs per build, keystrokes pooled) and scrolling with another build's,
 * alternating in one run (tests/bench/ui-open.ts).
 * A benchmark, not a test: figures vary with the machine's load.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { startHostProcess } from '../support/host-process';
import { benchLibrary } from './library';
import { baselineBuilds, compareOpens } from './ui-open';
import { firstRows, keystrokes, ms, pct, scroll, wordsToType } from './ui-measure';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    fresh: { type: 'boolean' },
    loads: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    'baseline-library': { type: 'string' },
    rounds: { type: 'string', default: '5' },
    typing: { type: 'string', default: '2' },
  },
});
const N = Number(values.records);
const LOADS = Math.max(1, Number(values.loads));
const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, process.env.CIVIC_ARCHIVE_OUT || 'out');

async function main(): Promise<void> {
  console.log(`bench:ui — ${N.toLocaleString('en')} records, build ${path.relative(ROOT, OUT)}/`);
  const library = await benchLibrary(N, values.fresh ?? false);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (values.baseline) {
    try {
      const builds = baselineBuilds(ROOT, OUT, library, values.baseline, values['baseline-library']);
      await compareOpens(browser, builds, Number(values.rounds), Math.max(1, Number(values.typing)));
    } finally {
      await browser.close();
    }
    return;
  }
  const host = await startHostProcess(library, OUT);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstRows(page, { url: host.url }));
    console.log(`  first rows after ${loads.map((l) => ms(l)).join(', ')}`);
    const total = await page.getByRole('grid', { name: 'Records' }).getAttribute('aria-rowcount');
    console.log(`  list rows: ${Number(total) - 1}`);

    // Search needs its index: wait until a query answers with records (the snapshot is loaded).
    const search = page.getByRole('searchbox').first();
    await search.fill(wordsToType()[0]!);
    await page.locator('ol.hits li').first().waitFor({ timeout: 180_000 });
    await search.fill('');
    console.log('  search index ready; typing…');
    const typed = await keystrokes(page);
    console.log(`  typed ${typed.first.length + typed.unchanged} keystrokes; slowest: ${typed.slowest.join(', ')}`);
    console.log('  scrolling…');

    await page.locator('.grid-body .col-title a').first().waitFor();
    const long = await scroll(page, 10, 72);
    const fast = await scroll(page, 5, 360);

    const fps = (s: { frames: number; duration: number }) => (s.frames / (s.duration / 1000)).toFixed(1);
    console.log('');
    console.log(`| figure (${N.toLocaleString('en')} records) | value |`);
    console.log('| --- | --- |');
    console.log(`| page open → first rows, cold | ${ms(loads[0]!)} |`);
    if (loads.length > 1)
      console.log(
        `| page open → first rows, reload (median of ${loads.length - 1}) | ${ms(pct(loads.slice(1), 50))} |`,
      );
    console.log(
      `| keystroke → results updated, p50 / p95 (${typed.first.length} keystrokes) | ${ms(pct(typed.first, 50))} / ${ms(pct(typed.first, 95))} |`,
    );
    console.log(
      `| keystroke → results settled (text search merged), p50 / p95 | ${ms(pct(typed.settled, 50))} / ${ms(pct(typed.settled, 95))} |`,
    );
    console.log(
      `| long scroll (10 s, 72 px a frame ≈ 2 rows), frames per second | ${fps(long)} fps (slowest frame ${ms(long.worst)}, p95 ${ms(long.p95)}; ${long.rows.toLocaleString('en')} rows; frames with a row still loading: ${long.blank}/${long.frames}) |`,
    );
    console.log(
      `| fast scroll (5 s, 360 px a frame ≈ 10 rows), frames per second | ${fps(fast)} fps (slowest frame ${ms(fast.worst)}, p95 ${ms(fast.p95)}; ${fast.rows.toLocaleString('en')} rows; frames with a row still loading: ${fast.blank}/${fast.frames}) |`,
    );
    if (typed.unchanged)
      console.log(`  (${typed.unchanged} keystrokes left the results unchanged and are not counted)`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
