/**
 * The workspace an archivist works in all day (issue 15), at 1280×800 and 1440×900: the page is
 * the window (only panes scroll), the header is one row, every cut title can be read whole, what
 * is ticked is what is cited and exported, and the keyboard goes from the search box to the
 * results and back.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { audit } from '../support/axe';
import { api, chooseLanguage, expect, test, type HostInfo } from './fixtures';

// Each test loads the sample and drives a real browser: on a loaded machine that takes longer than 30 s.
test.describe.configure({ timeout: 120_000 });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

const LONG = 'Memorandum of understanding on cultural, educational and economic cooperation between the two cities';

async function open(page: Page, host: HostInfo, size: { width: number; height: number }) {
  await api(host, 'loadSample', {});
  await api(host, 'createRecord', { type: 'agreement', title: LONG, dateSigned: '2018-09-14' });
  await page.setViewportSize(size);
  await page.goto(host.url);
  await expect(page.getByRole('grid', { name: 'Records' })).toBeVisible();
}

/** Distance between the highest and the lowest top edge of the header's visible items. */
const headerSpread = (page: Page) =>
  page.locator('.topbar > *').evaluateAll((items) => {
    const tops = items
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => r.top);
    return Math.max(...tops) - Math.min(...tops);
  });

/** The page's own height (what scrolls as a whole), the body's and the window's. */
const heightsOf = (page: Page) =>
  page.evaluate<{ page: number; body: number; window: number }>(
    '({ page: document.documentElement.scrollHeight, body: document.body.scrollHeight, window: window.innerHeight })',
  );

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the page is the window, the header one row, and cut titles readable`, async ({
    page,
    host,
  }) => {
    await open(page, host, size);
    expect(await heightsOf(page)).toEqual({ page: size.height, body: size.height, window: size.height });
    expect(await headerSpread(page)).toBeLessThanOrEqual(8);
    const header = await page.locator('.topbar').boundingBox();
    expect(header!.height).toBeLessThan(70);

    // Every title cell cut short carries its whole title; the long one here is cut.
    const cells = await page.locator('.grid-body .col-title').evaluateAll((els) =>
      els.map((el) => {
        const link = el.querySelector('a')!;
        return {
          cut: link.scrollWidth > link.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1,
          title: el.getAttribute('title'),
          text: link.textContent ?? '',
        };
      }),
    );
    expect(cells.length).toBe(6);
    expect(cells.some((c) => c.cut)).toBe(true);
    for (const c of cells.filter((c) => c.cut)) expect(c.title).toContain(c.text);

    // The agreement dated only by its signing sits in 2018, between the other 2018 records.
    await expect(page.locator('.grid-body [role="row"]').filter({ hasText: LONG }).locator('.col-date')).toHaveText(
      '2018-09-14',
    );

    // The facets and the saved searches are in view without scrolling, the type filter once.
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('leeds');
    await expect(page.getByRole('group', { name: 'Filter the results' })).toBeVisible();
    await page.getByRole('button', { name: 'Save search…' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Leeds');
    await page.keyboard.press('Enter');
    const saved = page.getByRole('navigation', { name: 'Saved searches' });
    await expect(saved).toBeVisible();
    const bottom = (await saved.boundingBox())!;
    expect(bottom.y + bottom.height).toBeLessThanOrEqual(size.height);
    await expect(page.getByRole('navigation', { name: 'Record types' })).toHaveCount(0);
    expect((await heightsOf(page)).page).toBe(size.height);
    await audit(page, `the workspace at ${size.width}×${size.height}`);
  });
}

/** Each cell of the list's body cut short, with the text it shows and the tooltip it carries. */
const cutCells = (page: Page) =>
  page.locator('.grid-body [role="gridcell"]').evaluateAll((els) =>
    els
      .filter((el) => {
        const inner = el.querySelector('a');
        return el.scrollWidth > el.clientWidth + 1 || (inner !== null && inner.scrollWidth > inner.clientWidth + 1);
      })
      .map((el) => ({ column: el.className, text: (el.textContent ?? '').trim(), title: el.getAttribute('title') })),
  );

// The same checks in Chinese: other words, other widths (the issue saw Chinese dates cut).
for (const size of SIZES) {
  test(`in Chinese at ${size.width}×${size.height} the page is the window, the header one row, and cut cells readable`, async ({
    page,
    host,
  }) => {
    await open(page, host, size);
    await chooseLanguage(page, 'zh-Hans');
    await expect(page.getByRole('grid', { name: '记录' })).toBeVisible();
    await expect(page.locator('.grid-head [role="columnheader"]').nth(2)).toHaveText(/类型/);
    expect(await heightsOf(page)).toEqual({ page: size.height, body: size.height, window: size.height });
    expect(await headerSpread(page)).toBeLessThanOrEqual(8);
    expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThan(70);

    // The long title is cut, and every cut cell, whatever its column, carries its whole text.
    const cut = await cutCells(page);
    expect(cut.some((c) => c.column.includes('col-title'))).toBe(true);
    for (const c of cut) expect(c.title ?? '', `${c.column}: ${c.text}`).toContain(c.text);
    await expect(page.locator('.grid-body [role="row"]').filter({ hasText: LONG }).locator('.col-date')).toHaveText(
      /2018年9月14日|2018-09-14/,
    );

    // Searching keeps the page the window, in Chinese too.
    await page.getByRole('searchbox').fill('leeds');
    await expect(page.locator('ol.hits > li').first()).toBeVisible();
    expect((await heightsOf(page)).page).toBe(size.height);
    expect(await headerSpread(page)).toBeLessThanOrEqual(8);
    await audit(page, `the workspace in Chinese at ${size.width}×${size.height}`);
  });
}

test('three ticked records are what is cited and exported, from the header menu and the rows', async ({
  page,
  host,
}) => {
  await open(page, host, SIZES[0]);
  const rows = page.locator('.grid-body [role="row"]');
  const titles: string[] = [];
  for (const n of [0, 2, 4]) {
    await rows.nth(n).getByRole('checkbox').click();
    titles.push((await rows.nth(n).locator('.col-title a').textContent())!);
  }
  const menu = page.getByRole('button', { name: '3 selected' });
  await expect(menu).toBeVisible();
  const spread = await headerSpread(page);

  await menu.click();
  const actions = page.getByRole('group', { name: 'Actions on 3 records' });
  let download = page.waitForEvent('download');
  await actions.getByRole('button', { name: 'Export 3 records as JSON' }).click();
  const json = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8')) as
    | { title: string }[]
    | {
        records: { title: string }[];
      };
  const exported = Array.isArray(json) ? json : json.records;
  expect(exported.map((r) => r.title).sort()).toEqual([...titles].sort());
  await expect(page.getByRole('status').filter({ hasText: 'Exported 3 records as JSON.' })).toBeVisible();
  // The message shows below the header: the header does not reflow.
  expect(await headerSpread(page)).toBe(spread);

  // Each format holds the three records and no other: entries counted the format's own way.
  const entries: Record<string, (text: string) => number> = {
    CSV: (text) => titles.filter((title) => text.includes(title)).length,
    BibTeX: (text) => text.match(/^@\w+\{/gm)?.length ?? 0,
    RIS: (text) => text.match(/^TY {2}- /gm)?.length ?? 0,
    'CSL-JSON': (text) => (JSON.parse(text) as unknown[]).length,
  };
  for (const [format, count] of Object.entries(entries)) {
    await menu.click();
    download = page.waitForEvent('download');
    await actions.getByRole('button', { name: `Export 3 records as ${format}` }).click();
    expect(count(fs.readFileSync(await (await download).path(), 'utf8')), format).toBe(3);
  }

  await menu.click();
  await actions.getByRole('button', { name: 'Cite 3 records…' }).click();
  const cite = page.getByRole('dialog', { name: 'Cite 3 records' });
  // Building the CSL engine for APA takes seconds on a busy machine.
  await expect(cite.getByTestId('cite-preview').locator('.csl-entry')).toHaveCount(3, { timeout: 30_000 });
  await cite.getByRole('button', { name: 'Close' }).click();

  // "Citations & exchange" exports the ticked records too.
  await page.getByRole('button', { name: 'Citations & exchange…' }).click();
  const exchange = page.getByRole('dialog', { name: 'Citations & exchange' });
  download = page.waitForEvent('download');
  await exchange.getByRole('button', { name: 'Export the 3 selected records as CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  const all = await rows.locator('.col-title a').allTextContents();
  expect(all.filter((title) => csv.includes(title)).sort()).toEqual([...titles].sort());
  await expect(exchange.getByRole('status')).toHaveText('Exported 3 records as CSV.');
  await exchange.getByRole('button', { name: 'Close' }).click();

  // A right-click on a row not ticked acts on that row alone, through the same menu.
  await rows.nth(1).locator('.col-date').click({ button: 'right' });
  await expect(page.getByRole('button', { name: '1 selected' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('group', { name: 'Actions on 1 record' }).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Actions on 1 record' })).toHaveCount(0);
});

test('the keyboard goes from the search box to the results and back', async ({ page, host }) => {
  await open(page, host, SIZES[1]);
  const box = page.getByRole('searchbox', { name: 'Search the catalogue' });
  const grid = page.getByRole('grid', { name: 'Records' });

  // No search: Down goes to the list, Up from its first row comes back.
  await box.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(grid).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();

  await box.fill('leeds');
  const hits = page.locator('.hits > li > a');
  await expect(hits.first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('leeds');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(box).toBeFocused();
  // The header names what its actions take while searching: the results.
  await expect(page.getByRole('button', { name: /^\d+ results?$/ })).toBeVisible();
});

test('after a new record is saved, it alone is selected, open and where the keys start', async ({ page, host }) => {
  await open(page, host, SIZES[0]);
  const rows = page.locator('.grid-body [role="row"]');
  await rows.nth(3).locator('.col-date').click();
  await expect(page.getByRole('button', { name: '1 selected' })).toBeVisible();
  await page.getByRole('button', { name: 'New record' }).click();
  await expect(page.getByRole('button', { name: 'Nothing selected' })).toBeDisabled();
  await page.getByLabel('Title', { exact: true }).fill('Aardvark report');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.locator('#record-heading')).toHaveText('Aardvark report');
  await expect(page.getByRole('button', { name: '1 selected' })).toBeVisible();
  const created = rows.filter({ hasText: 'Aardvark report' });
  await expect(created).toHaveAttribute('aria-selected', 'true');
  await expect(created).toHaveClass(/\bactive\b/);
  await expect(page.locator('.grid-body [role="row"][aria-selected="true"]')).toHaveCount(1);
});

test('a column dragged wider stays so after a reload, for this library', async ({ page, host }) => {
  await open(page, host, SIZES[1]);
  const resizer = page.getByRole('separator', { name: 'Resize the Title column' });
  const before = Number(await resizer.getAttribute('aria-valuenow'));
  const title = page.getByRole('columnheader', { name: 'Title' });
  const width = async () => (await title.boundingBox())!.width;
  const was = await width();
  await resizer.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 64));
  expect(await width()).toBeGreaterThan(was + 40);
  // The grid's own keys are not moved: the focus stays on the handle.
  await expect(resizer).toBeFocused();
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the Title column' })).toHaveAttribute(
    'aria-valuenow',
    String(before + 64),
  );
});
