/**
 * `npm run bench:ui -- --baseline <build folder> [--baseline-library DIR] [--rounds 5]`: page open → first rows of this build
 * against another build (say, main's before a change, built with `electron-vite build --outDir
 * out-base`), measured in the same run on the same library, alternating which goes first each round.
 * The machine's load moves both alike, so the ratio is what counts, not the absolute figures.
 *
 * One browser host per build runs for the whole run. Each round opens every build in a fresh browser
 * context (nothing cached: the whole bundle fetched, parsed and compiled again, a "cold" open of the
 * page) and then reloads it twice (warm). Then each build types and scrolls twice, as bench:ui does.
 */
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { firstRows, keystrokes, pct, scroll, wordsToType } from './ui-measure';

interface Build {
  name: string;
  out: string;
  /** The library it opens: the same for both, unless the baseline cannot open this one's schema. */
  library: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function openOnce(browser: Browser, url: string, reloads: number): Promise<{ cold: number; warm: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const cold = await firstRows(page, { url });
    const warm: number[] = [];
    for (let i = 0; i < reloads; i++) warm.push(await firstRows(page, 'reload'));
    return { cold, warm };
  } finally {
    await context.close();
  }
}

export async function compareOpens(browser: Browser, builds: Build[], rounds: number, typing = 2): Promise<void> {
  const hosts: HostProcess[] = [];
  try {
    for (const build of builds) {
      const started = performance.now();
      hosts.push(await startHostProcess(build.library, build.out));
      console.log(
        `  ${build.name} (${build.out} on ${build.library}): host ready after ${(performance.now() - started).toFixed(0)} ms`,
      );
    }
    const cold = builds.map(() => [] as number[]);
    const warm = builds.map(() => [] as number[]);
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i);
      for (const i of order) {
        const opened = await openOnce(browser, hosts[i]!.url, 2);
        cold[i]!.push(opened.cold);
        warm[i]!.push(...opened.warm);
      }
      console.log(
        `  round ${r + 1}/${rounds}: ${builds.map((b, i) => `${b.name} ${cold[i]!.at(-1)!.toFixed(0)} ms`).join(', ')}`,
      );
    }
    console.log('');
    console.log(
      `| page open → first rows (median of ${rounds} rounds) | ${builds.map((b) => b.name).join(' | ')} | ratio |`,
    );
    console.log(`| --- | ${builds.map(() => '---').join(' | ')} | --- |`);
    const row = (label: string, xs: number[][]) => {
      const m = xs.map(median);
      console.log(`| ${label} | ${m.map((v) => `${v.toFixed(0)} ms`).join(' | ')} | ${(m[0]! / m[1]!).toFixed(2)}× |`);
    };
    row('fresh browser context (cold page)', cold);
    row('reload (warm page)', warm);
    console.log(`(ratio: ${builds[0]!.name} / ${builds[1]!.name}; below 1 is faster)`);
    await compareWork(browser, builds, hosts, typing);
  } finally {
    for (const host of hosts) await host.stop();
  }
}

/**
 * Typing and scrolling, `runs` times per build (A B B A …): the workspace's other figures. The
 * keystroke times of a build's runs are pooled before their percentiles are taken: a p95 of one
 * run's fifty keystrokes is its third slowest, and moves with whatever else the machine did then.
 */
async function compareWork(browser: Browser, builds: Build[], hosts: HostProcess[], runsEach: number): Promise<void> {
  const figures: { label: string; values: number[]; unit: string }[] = [
    { label: 'keystroke → results updated, p50', values: [], unit: 'ms' },
    { label: 'keystroke → results updated, p95', values: [], unit: 'ms' },
    { label: 'keystroke → results settled, p50', values: [], unit: 'ms' },
    { label: 'keystroke → results settled, p95', values: [], unit: 'ms' },
    { label: 'long scroll, frames per second', values: [], unit: 'fps' },
    { label: 'fast scroll, frames per second', values: [], unit: 'fps' },
  ];
  // A, B, B, A, …: what the load does in the first half and the second weighs on both alike.
  const order: number[] = [];
  for (let r = 0; r < runsEach; r++) order.push(...(r % 2 === 0 ? [...builds.keys()] : [...builds.keys()].reverse()));
  const runs = builds.map(() => figures.map(() => [] as number[]));
  const keys = builds.map(() => ({ first: [] as number[], settled: [] as number[] }));
  for (const i of order) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(hosts[i]!.url);
      await page.locator('.grid-body .col-title a').first().waitFor({ timeout: 120_000 });
      const search = page.getByRole('searchbox').first();
      await search.fill(wordsToType()[0]!);
      await page.locator('ol.hits li').first().waitFor({ timeout: 180_000 });
      await search.fill('');
      const typed = await keystrokes(page);
      await page.locator('.grid-body .col-title a').first().waitFor();
      const long = await scroll(page, 10, 72);
      const fast = await scroll(page, 5, 360);
      const fps = (s: { frames: number; duration: number }) => s.frames / (s.duration / 1000);
      keys[i]!.first.push(...typed.first);
      keys[i]!.settled.push(...typed.settled);
      runs[i]![4]!.push(fps(long));
      runs[i]![5]!.push(fps(fast));
      console.log(
        `  ${builds[i]!.name}: typed ${typed.first.length} keystrokes (slowest ${typed.slowest.join(', ')}), scrolled`,
      );
    } finally {
      await context.close();
    }
  }
  // Keystrokes pooled over a build's runs; scrolling as the mean of its runs.
  builds.forEach((_, i) => {
    const k = keys[i]!;
    [pct(k.first, 50), pct(k.first, 95), pct(k.settled, 50), pct(k.settled, 95)].forEach((v, f) =>
      figures[f]!.values.push(v),
    );
    for (const f of [4, 5]) figures[f]!.values.push(runs[i]![f]!.reduce((a, b) => a + b, 0) / runs[i]![f]!.length);
  });
  console.log('');
  console.log(
    `| figure (${runsEach} runs each, alternating; keystrokes pooled: ${keys.map((k) => k.first.length).join(' / ')}) | ${builds.map((b) => b.name).join(' | ')} | ratio |`,
  );
  console.log(`| --- | ${builds.map(() => '---').join(' | ')} | --- |`);
  for (const f of figures)
    console.log(
      `| ${f.label} | ${f.values.map((v) => `${v.toFixed(f.unit === 'fps' ? 1 : 0)} ${f.unit}`).join(' | ')} | ${(f.values[0]! / f.values[1]!).toFixed(2)}× |`,
    );
  console.log('(times: below 1 is faster; frames per second: above 1 is smoother)');
}

/**
 * `baselineLibrary`: for a baseline older than this library's schema (it would refuse it), a library
 * it generated itself from the same corpus (its own tests/bench/library.ts).
 */
export function baselineBuilds(
  root: string,
  out: string,
  library: string,
  baseline: string,
  baselineLibrary?: string,
): Build[] {
  return [
    { name: 'this build', out: path.resolve(root, out), library },
    { name: 'baseline', out: path.resolve(root, baseline), library: path.resolve(baselineLibrary ?? library) },
  ];
}
