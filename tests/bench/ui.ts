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
 * With `--baseline <build folder> [--rounds 5]` it instead compares page open → first rows with
 * another build's, alternating in one run (tests/bench/ui-open.ts).
 * A benchmark, not a test: figures vary with the machine's load.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { startHostProcess } from '../support/host-process';
import { benchLibrary } from './library';
import { baselineBuilds, compareOpens } from './ui-open';
import { records } from './corpus';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    fresh: { type: 'boolean' },
    loads: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    'baseline-library': { type: 'string' },
    rounds: { type: 'string', default: '5' },
  },
});
const N = Number(values.records);
const LOADS = Math.max(1, Number(values.loads));
const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, process.env.CIVIC_ARCHIVE_OUT || 'out');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Navigation start → the first record title in the list, in the page's own clock. */
async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('.grid-body .col-title a').first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

/** Words of the generated titles, long enough that each letter typed changes the results. */
function wordsToType(): string[] {
  const words: string[] = [];
  for (const r of records(200)) {
    for (const w of r.title.toLowerCase().split(/\s+/)) if (/^[a-z]{6,9}$/.test(w) && !words.includes(w)) words.push(w);
    if (words.length >= 6) break;
  }
  return words.slice(0, 6);
}

/**
 * Times each keystroke in the search box until the results last changed (and the frame after).
 * A keystroke whose results did not change within the window counts as no change, not as a time.
 */
async function keystrokes(page: Page): Promise<{ first: number[]; settled: number[]; unchanged: number }> {
  // Page code as source text: this file is type-checked without the DOM, and tsx would wrap named functions.
  await page.evaluate(`(() => {
    window.__marks = [];
    document.addEventListener('keydown', (e) => {
      if (e.target.id === 'search') window.__marks.push({ at: performance.now(), first: null, last: null });
    }, true);
    new MutationObserver((mutations) => {
      const mark = window.__marks[window.__marks.length - 1];
      if (!mark) return;
      const inResults = mutations.some((m) => {
        const el = m.target instanceof Element ? m.target : m.target.parentElement;
        return !!(el && el.closest('ol.hits, .list-pane [role="status"]'));
      });
      if (!inResults) return;
      // The frame that shows the change: the next animation frame after the DOM was updated.
      requestAnimationFrame(() => {
        const t = performance.now();
        if (mark.first === null) mark.first = t;
        mark.last = t;
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  const search = page.getByRole('searchbox').first();
  const first: number[] = [];
  const settled: number[] = [];
  let unchanged = 0;
  for (const word of wordsToType()) {
    console.log(`  typing "${word}"`);
    await search.fill('');
    await page.waitForTimeout(400);
    await search.focus();
    for (const letter of word) {
      await page.keyboard.press(letter);
      await page.waitForTimeout(900);
    }
  }
  const marks = (await page.evaluate('window.__marks')) as { at: number; first: number | null; last: number | null }[];
  for (const m of marks) {
    if (m.first === null || m.last === null) unchanged++;
    else {
      first.push(m.first - m.at);
      settled.push(m.last - m.at);
    }
  }
  await search.fill('');
  return { first, settled, unchanged };
}

/** Scrolls the list by `step` px every frame for `seconds`, counting frames and rows still loading. */
async function scroll(page: Page, seconds: number, step: number) {
  await page.locator('.grid-body .col-title a').first().waitFor();
  // As source text: tsx would wrap a named function in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const grid = document.querySelector('.record-grid');
    grid.scrollTop = 0;
    const times = [];
    let blank = 0;
    function frame(t) {
      times.push(t);
      if (grid.querySelector('.grid-row.pending')) blank++;
      grid.scrollTop += ${step};
      if (t - times[0] < ${seconds * 1000}) return requestAnimationFrame(frame);
      const gaps = times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b);
      resolve({
        frames: times.length - 1,
        duration: t - times[0],
        worst: gaps[gaps.length - 1] ?? 0,
        p95: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
        blank,
        rows: Math.round(grid.scrollTop / 36),
      });
    }
    requestAnimationFrame(frame);
  })`) as Promise<{ frames: number; duration: number; worst: number; p95: number; blank: number; rows: number }>;
}

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
      await compareOpens(browser, builds, Number(values.rounds));
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
    for (let i = 0; i < LOADS; i++) loads.push(await firstRows(page, host.url));
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
    console.log(`  typed ${typed.first.length + typed.unchanged} keystrokes; scrolling…`);

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
