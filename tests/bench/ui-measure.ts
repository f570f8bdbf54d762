/**
 * What bench:ui measures in the page, shared by its figures for one build (ui.ts) and its
 * comparison of two (ui-open.ts): page open → first rows, keystroke → results, scrolling.
 */
import type { Page } from '@playwright/test';
import { records } from './corpus';

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
export const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * Navigation start → the first record title in the list, in the page's own clock: the page opened
 * at `to.url`, or reloaded where it is.
 */
export async function firstRows(page: Page, to: { url: string } | 'reload'): Promise<number> {
  if (to === 'reload') await page.reload({ waitUntil: 'commit' });
  else await page.goto(to.url, { waitUntil: 'commit' });
  await page.locator('.grid-body .col-title a').first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

/** Words of the generated titles, long enough that each letter typed changes the results. */
export function wordsToType(): string[] {
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
export async function keystrokes(
  page: Page,
): Promise<{ first: number[]; settled: number[]; unchanged: number; slowest: string[] }> {
  // Page code as source text: this file is type-checked without the DOM, and tsx would wrap named functions.
  await page.evaluate(`(() => {
    window.__marks = [];
    document.addEventListener('keydown', (e) => {
      if (e.target.id === 'search') window.__marks.push({ at: performance.now(), typed: e.target.value + e.key, first: null, last: null });
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
  const marks = (await page.evaluate('window.__marks')) as {
    at: number;
    typed: string;
    first: number | null;
    last: number | null;
  }[];
  const timed: { typed: string; first: number }[] = [];
  for (const m of marks) {
    if (m.first === null || m.last === null) unchanged++;
    else {
      first.push(m.first - m.at);
      settled.push(m.last - m.at);
      timed.push({ typed: m.typed, first: m.first - m.at });
    }
  }
  await search.fill('');
  // Which queries make the tail: the figure alone does not say whether it is the first letter's.
  const slowest = timed
    .sort((a, b) => b.first - a.first)
    .slice(0, 5)
    .map((t) => `"${t.typed}" ${t.first.toFixed(0)} ms`);
  return { first, settled, unchanged, slowest };
}

/** Scrolls the list by `step` px every frame for `seconds`, counting frames and rows still loading. */
export async function scroll(page: Page, seconds: number, step: number) {
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
