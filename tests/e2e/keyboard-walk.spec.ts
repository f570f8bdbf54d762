/**
 * Issue 15's eleven everyday tasks by keyboard alone. Only keys move the focus and act: no mouse,
 * no element.click(), no fill() or focus() on a control — page.keyboard.press and type, and
 * tabTo() below, which presses Tab (or Shift+Tab) until the control is reached and fails when it
 * never is. The one thing a key cannot do here is pick a file in the operating system's own file
 * dialog: the key opens it (a file chooser event) and the test answers it, as a user would.
 *
 * Four full walks would cost four times the CI time of one (each is minutes on a loaded machine),
 * so the tasks are walked once, in English at 1280×800 (the narrower window, where room runs out
 * first); the layout checks — the page is the window, the header is one row, every cut title
 * carries its whole text, the search box reaches the results and back by key, axe finds nothing
 * serious, and in Chinese no English is left — run at both sizes in both languages. After each
 * task of the walk the page is still the window and axe finds nothing serious or critical.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { audit } from '../support/axe';
import { debianFiles } from '../support/debian-files';
import { englishLeft } from '../support/english-left';
import { api, expect as baseExpect, test, type HostInfo } from './fixtures';

// A long walk on a shared, loaded machine: each screen gets more time to appear than the default.
const expect = baseExpect.configure({ timeout: 15_000 });
test.use({ actionTimeout: 15_000 });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;
const LANGUAGES = ['en', 'zh-Hans'] as const;

const LONG = 'Memorandum of understanding on cultural, educational and economic cooperation between the two cities';
const GOEXIF = '/usr/share/gocode/src/github.com/rwcarlsen/goexif/exif/';

interface Listed {
  total: number;
  items: { id: number; title: string; type: string; date: string | null }[];
}
interface Shown {
  id: number;
  title: string;
  type: string;
  date: string | null;
  tags: string[];
  links: { name: string; role: string }[];
  collection: { id: number } | null;
}
interface Collection {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
}

/** Whether the locator's element has the focus (false while it is not in the page). */
async function focused(target: Locator): Promise<boolean> {
  if ((await target.count()) !== 1) return false;
  return target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false);
}

/**
 * Presses Tab (Shift+Tab with back) until the target has the focus; fails, naming the target and
 * where the focus was, when it is not reached within max presses — a control the keyboard cannot reach.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 90 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i <= max; i++) {
    if (await focused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const at = await page.evaluate<string>(
    `(() => { const el = document.activeElement; return el.tagName + ' ' + (el.getAttribute('aria-label') ?? el.textContent.slice(0, 60)); })()`,
  );
  throw new Error(`${target} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses (focus on ${at})`);
}

/** Presses key until the target has the focus (arrows in a menu, a radio group, a list). */
async function keyTo(page: Page, target: Locator, key: string, max = 20): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await focused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} not reached with ${key} in ${max} presses`);
}

/** In a combobox, presses Down until the option named is the active one. */
async function activeOption(page: Page, combobox: Locator, option: Locator, max = 12): Promise<void> {
  await expect(option).toBeVisible();
  const id = (await option.getAttribute('id'))!;
  for (let i = 0; i <= max; i++) {
    if ((await combobox.getAttribute('aria-activedescendant')) === id) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${option} never became the active option of ${combobox}`);
}

/** The page's own height (what scrolls as a whole), the body's and the window's. */
const heightsOf = (page: Page) =>
  page.evaluate<{ page: number; body: number; window: number }>(
    '({ page: document.documentElement.scrollHeight, body: document.body.scrollHeight, window: window.innerHeight })',
  );

/** Distance between the highest and the lowest top edge of the header's visible items (its dialogs are not in its row). */
const headerSpread = (page: Page) =>
  page.locator('.topbar > *').evaluateAll((items) => {
    const tops = items
      .filter((e) => e.tagName !== 'DIALOG')
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => r.top);
    return Math.max(...tops) - Math.min(...tops);
  });

/** What reaches below the window without a clipping or scrolling box around it: what makes the page scroll. */
const belowTheWindow = (page: Page) =>
  page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || r.bottom + window.scrollY <= window.innerHeight + 1) continue;
      const position = getComputedStyle(el).position;
      if (position === 'absolute' || position === 'fixed') {
        out.push(el.tagName + '.' + el.className + ' (' + position + ', "' + (el.textContent || '').slice(0, 40) + '" in ' + el.parentElement?.className + ') to ' + Math.round(r.bottom + window.scrollY));
        continue;
      }
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowY !== 'visible') { clipped = true; break; }
      if (!clipped) out.push(el.tagName + '.' + el.className + ' to ' + Math.round(r.bottom + window.scrollY));
    }
    return out;
  })()`);

/** After each task: the page is still the window, the header one row, and axe finds nothing serious. */
async function checkpoint(page: Page, where: string, size: { width: number; height: number }): Promise<void> {
  expect(await heightsOf(page), `the page is the window: ${where}; below it: ${await belowTheWindow(page)}`).toEqual({
    page: size.height,
    body: size.height,
    window: size.height,
  });
  expect(await headerSpread(page), `the header is one row: ${where}`).toBeLessThanOrEqual(8);
  // No pane is wider than its room (a button pushed out of sight sideways).
  const wide = await page
    .locator('.sidebar, .list-pane, .record-column')
    .evaluateAll((panes) =>
      panes
        .filter((p) => p.scrollWidth > p.clientWidth + 1)
        .map((p) => `${p.className}: ${p.scrollWidth} in ${p.clientWidth}`),
    );
  expect(wide, `no pane overflows sideways: ${where}`).toEqual([]);
  await audit(page, where);
}

/** A title longer than its cell in Chinese. */
const LONG_ZH = '关于两市在文化、教育和经济领域开展全面合作的谅解备忘录及其附件与实施细则';

async function setUp(host: HostInfo): Promise<void> {
  await api(host, 'loadSample', {});
  // The newest record, so it is the list's first row, and its title is longer than its cell.
  await api(host, 'createRecord', { type: 'report', title: LONG, date: '2024-05-01' });
}

/** For the Chinese interface a Chinese catalogue, so that the catalogue's own words cannot pass for leftovers. */
async function setUpChinese(host: HostInfo): Promise<void> {
  const titles = [
    ['press-release', '代表团访问杭州新闻稿', '2018-09-10'],
    ['media-coverage', '杭州电视台报道代表团来访', '2018-09-12'],
    ['letter', '市长致杭州市长的信', '2018-09-13'],
    ['agreement', '两市友好合作谅解备忘录', '2018-09-14'],
    ['report', LONG_ZH, '2024-05-01'],
  ] as const;
  for (const [type, title, date] of titles)
    await api(host, 'createRecord', {
      type,
      title,
      date,
      tags: ['友好城市'],
      description: '杭州代表团访问期间形成的档案。',
    });
}

const searchBox = (page: Page) => page.getByRole('searchbox');

/** The search box emptied by keys: / goes there, Ctrl+A and Backspace clear it. */
async function clearSearch(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByRole('grid')).toBeVisible();
}

for (const size of SIZES) {
  for (const language of LANGUAGES) {
    test(`${language} at ${size.width}×${size.height}: the page is the window, one header row, cut titles readable, search and back by key`, async ({
      page,
      host,
    }) => {
      test.setTimeout(120_000);
      const zh = language === 'zh-Hans';
      const long = zh ? LONG_ZH : LONG;
      await (zh ? setUpChinese(host) : setUp(host));
      await page.setViewportSize(size);
      await page.goto(host.url);
      await expect(page.getByRole('grid')).toBeVisible();

      if (zh) {
        // The language, chosen in Settings by keys: Ctrl+, opens it, Tab reaches the choice.
        await page.keyboard.press('Control+Comma');
        const settings = page.getByRole('dialog', { name: 'Settings' });
        await expect(settings).toBeVisible();
        const choice = settings.getByLabel(/^Language/);
        await tabTo(page, choice);
        await expect(choice.locator('option')).toHaveCount(2);
        await page.keyboard.press('ArrowDown');
        // The language switches at once: the dialog is now 设置, its choice 语言.
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
        await expect(page.getByRole('dialog', { name: '设置' }).getByLabel(/^语言/)).toHaveValue('zh-Hans');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
        await expect(page.getByRole('grid', { name: '记录' })).toBeVisible();
      }

      await checkpoint(page, `the workspace (${language}, ${size.width}×${size.height})`, size);
      // Every cell cut short, whatever its column, carries its whole text; the long title is cut.
      const cut = await page.locator('.grid-body [role="gridcell"]').evaluateAll((els) =>
        els
          .filter((el) => {
            const inner = el.querySelector('a');
            return el.scrollWidth > el.clientWidth + 1 || (inner !== null && inner.scrollWidth > inner.clientWidth + 1);
          })
          .map((el) => ({
            column: el.className,
            text: (el.textContent ?? '').trim(),
            title: el.getAttribute('title'),
          })),
      );
      expect(cut.some((c) => c.column.includes('col-title') && c.text === long)).toBe(true);
      for (const c of cut) expect(c.title ?? '', `${c.column}: ${c.text}`).toContain(c.text);
      if (zh) expect(await englishLeft(page.locator('body')), 'English in the workspace').toEqual([]);

      // From the search box to the results and back, by keys only.
      await page.keyboard.press('/');
      await expect(searchBox(page)).toBeFocused();
      await page.keyboard.type(zh ? '杭州' : 'leeds');
      const hits = page.locator('.hits > li > a');
      await expect(hits.first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(hits.first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(hits.nth(1)).toBeFocused();
      await page.keyboard.press('Alt+ArrowUp');
      await expect(searchBox(page)).toBeFocused();
      await expect(searchBox(page)).toHaveValue(zh ? '杭州' : 'leeds');
      await checkpoint(page, `the results (${language}, ${size.width}×${size.height})`, size);
      if (zh) expect(await englishLeft(page.locator('body')), 'English in the results').toEqual([]);
      // And with no search, from the box to the list and back.
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await expect(page.getByRole('grid')).toBeVisible();
      await page.keyboard.press('Alt+ArrowDown');
      await expect(page.getByRole('grid')).toBeFocused();
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      // The long title, cut in its cell, is whole in the record opened from the list.
      await expect(page.locator('#record-heading')).toHaveText(long);
      if (zh) expect(await englishLeft(page.locator('body')), 'English in the record').toEqual([]);
    });
  }
}

test('the eleven everyday tasks, by keyboard alone (English, 1280×800)', async ({ page, host }) => {
  test.setTimeout(600_000);
  const size = SIZES[0];
  await setUp(host);
  const [nikon] = debianFiles('golang-github-rwcarlsen-goexif-dev', [`${GOEXIF}sample1.jpg`]);
  await page.setViewportSize(size);
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Records' });
  await expect(grid).toBeVisible();
  await checkpoint(page, 'the workspace', size);
  const tree = page.getByRole('navigation', { name: 'Collections' });
  const collections = () => api<Collection[]>(host, 'listCollections', {});

  await test.step('a collection and a sub-collection, with their archival levels', async () => {
    await tabTo(page, tree.getByRole('button', { name: 'New collection…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New collection' });
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type('Leeds–Hangzhou partnership');
    await expect(dialog.getByLabel('Level of description')).toHaveValue('fonds');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(tree.getByRole('status')).toHaveText('Created “Leeds–Hangzhou partnership”.');

    await tabTo(page, tree.getByRole('button', { name: 'Actions for Leeds–Hangzhou partnership' }), { back: true });
    await page.keyboard.press('Enter');
    const menu = tree.getByRole('menu', { name: 'Actions for Leeds–Hangzhou partnership' });
    await keyTo(page, menu.getByRole('menuitem', { name: 'New collection inside…' }), 'ArrowDown');
    await page.keyboard.press('Enter');
    const inside = page.getByRole('dialog', { name: 'New collection inside “Leeds–Hangzhou partnership”' });
    await expect(inside.getByLabel('Level of description')).toHaveValue('series');
    await page.keyboard.type('Delegation visits');
    await page.keyboard.press('Enter');
    await expect(inside).toBeHidden();
    await expect
      .poll(async () => (await collections()).map((c) => [c.name, c.level, c.parentId !== null]).sort())
      .toEqual([
        ['Delegation visits', 'series', true],
        ['Leeds–Hangzhou partnership', 'fonds', false],
      ]);
    await checkpoint(page, 'the collections', size);
  });

  await test.step('ticked records moved into the sub-collection', async () => {
    const series = (await collections()).find((c) => c.name === 'Delegation visits')!;
    await tabTo(page, grid);
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    const button = page.getByRole('button', { name: '2 selected' });
    await expect(button).toBeVisible();
    await tabTo(page, button, { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Batch edit 2 records…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Batch edit 2 records' });
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('radio', { checked: true }));
    const move = dialog.getByRole('radio', { name: 'Move to a collection' });
    await keyTo(page, move, 'ArrowDown', 12);
    await expect(move).toBeChecked();
    const where = dialog.getByLabel('Collection', { exact: true });
    await tabTo(page, where);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(where).toHaveValue(String(series.id));
    await tabTo(page, dialog.getByRole('button', { name: 'Preview the changes' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText('2 will change, 0 already so, 0 skipped.');
    await tabTo(page, dialog.getByRole('button', { name: 'Apply to 2 records' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Changed 2 records.' })).toBeVisible();
    await expect.poll(async () => (await api<Listed>(host, 'listRecords', { collectionId: series.id })).total).toBe(2);
    await checkpoint(page, 'after the move', size);
  });

  await test.step('a new record cancelled after making a person: asked first, nothing left behind', async () => {
    const people = async () =>
      (await api<{ total: number }>(host, 'listAuthorities', { query: 'Ada Pendleton', kind: 'person' })).total;
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const title = page.getByLabel('Title', { exact: true });
    await expect(title).toBeFocused();
    const type = page.getByLabel('Type', { exact: true });
    await tabTo(page, type, { back: true });
    await page.keyboard.type('Letter');
    await expect(type).toHaveValue('letter');
    await tabTo(page, title);
    await page.keyboard.type('Letter from Ada Pendleton');
    const author = page.getByRole('combobox', { name: 'Add an author' });
    await tabTo(page, author);
    await page.keyboard.type('Ada Pendleton');
    await activeOption(page, author, page.getByRole('option', { name: 'Create “Ada Pendleton” as a new person' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Authors' })).toContainText('Ada Pendleton');
    await checkpoint(page, 'the new record with a new person', size);
    await tabTo(page, title, { back: true });
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog', { name: 'Discard changes?' });
    await expect(discard).toBeVisible();
    await audit(page, 'the discard question');
    await tabTo(page, discard.getByRole('button', { name: 'Discard changes' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'New record' })).toHaveCount(0);
    expect(await people(), 'no person left behind').toBe(0);
    const titles = (await api<Listed>(host, 'listRecords', { limit: 100 })).items.map((r) => r.title);
    expect(titles, 'no record left behind').not.toContain('Letter from Ada Pendleton');
  });

  let agreementId = 0;
  await test.step('an agreement dated by its signing, a duplicate hint, a signatory on behalf of a party', async () => {
    await page.keyboard.press('n');
    const title = page.getByLabel('Title', { exact: true });
    await expect(title).toBeFocused();
    const type = page.getByLabel('Type', { exact: true });
    await tabTo(page, type, { back: true });
    await page.keyboard.type('Agreement');
    await expect(type).toHaveValue('agreement');
    await tabTo(page, title);
    await page.keyboard.type('Cultural exchange agreement with Hangzhou');
    await tabTo(page, page.getByLabel('Date signed', { exact: true }));
    await page.keyboard.type('14/09/2018');

    // Typing "Cllr J. Blake" offers the existing Judith Blake before "create".
    const signatory = page.getByRole('combobox', { name: 'Add a signatory' });
    await tabTo(page, signatory);
    await page.keyboard.type('Cllr J. Blake');
    const hint = page.getByRole('option', { name: /^Judith Blake.*possible match for “Cllr J\. Blake”/ });
    await activeOption(page, signatory, hint);
    await checkpoint(page, 'the duplicate hint', size);
    await page.keyboard.press('Enter');
    const signatories = page.getByRole('group', { name: 'Signatories' });
    await expect(signatories).toContainText('Judith Blake');
    await expect(signatories.locator('.new-authority')).toHaveCount(0);

    const party = page.getByRole('combobox', { name: 'Add a party' });
    await tabTo(page, party, { back: true });
    await page.keyboard.type('Leeds City Council');
    await activeOption(page, party, page.getByRole('option', { name: /^Leeds City Council/ }).first());
    await page.keyboard.press('Enter');
    const behalf = page.getByLabel('Judith Blake signed on behalf of');
    await tabTo(page, behalf);
    await page.keyboard.press('ArrowDown');
    await expect(behalf.locator('option:checked')).toHaveText('on behalf of Leeds City Council');
    await checkpoint(page, 'the agreement form', size);
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.locator('#record-heading')).toHaveText('Cultural exchange agreement with Hangzhou');
    agreementId = Number(/#\/records\/(\d+)/.exec(page.url())![1]);
    const saved = await api<Shown>(host, 'getRecord', { id: agreementId });
    expect(saved.date, 'dated by its signing').toBe('2018-09-14');
    await expect(
      page.getByRole('region', { name: 'Linked to' }).locator('li').filter({ hasText: 'Judith Blake' }).first(),
    ).toContainText('Judith Blake, on behalf of Leeds City Council');
    await checkpoint(page, 'the saved agreement', size);
  });

  await test.step('the agreement found on the timeline, by the year facet and by year:', async () => {
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const chart = timeline.getByRole('group', { name: 'Records per year in the library' });
    const bar = chart.getByRole('button', { name: /^2018: \d+ records?$/ });
    // The chart is one tab stop; arrows move between its years.
    await tabTo(page, chart.locator('[role="button"][tabindex="0"]'));
    await keyTo(page, bar, 'ArrowRight', 40).catch(() => keyTo(page, bar, 'ArrowLeft', 40));
    await page.keyboard.press('Enter');
    await expect(bar).toHaveAttribute('aria-pressed', 'true');
    await expect(grid).toContainText('Cultural exchange agreement with Hangzhou');
    for (const date of await page.locator('.grid-body .col-date').allTextContents()) expect(date).toMatch(/^2018/);
    await checkpoint(page, 'the 2018 bar chosen', size);
    await page.keyboard.press('Enter');
    await expect(bar).toHaveAttribute('aria-pressed', 'false');

    await page.keyboard.press('/');
    await page.keyboard.type('year:2018');
    const hits = page.locator('.hits > li > a');
    await expect(hits.filter({ hasText: 'Cultural exchange agreement with Hangzhou' })).toHaveCount(1);

    await clearSearch(page);
    await page.keyboard.type('agreement');
    await expect(hits.first()).toBeVisible();
    const year = page.getByRole('group', { name: 'Filter the results' }).getByRole('checkbox', { name: /^2018\b/ });
    await tabTo(page, year);
    await page.keyboard.press('Space');
    await expect(year).toBeChecked();
    await expect(hits.filter({ hasText: 'Cultural exchange agreement with Hangzhou' })).toHaveCount(1);
    await checkpoint(page, 'the year facet', size);
  });

  await test.step('facets and a saved search', async () => {
    const saveButton = page.getByRole('button', { name: 'Save search…' });
    await tabTo(page, saveButton);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await page.keyboard.type('Agreements of 2018');
    await page.keyboard.press('Enter');
    const saved = page.getByRole('navigation', { name: 'Saved searches' });
    const entry = saved.getByRole('button', { name: /^Agreements of 2018/ });
    await expect(entry).toBeVisible();
    const box = (await saved.boundingBox())!;
    expect(box.y + box.height, 'the saved searches in view').toBeLessThanOrEqual(size.height);
    await clearSearch(page);
    await tabTo(page, entry);
    await page.keyboard.press('Enter');
    await expect(searchBox(page)).toHaveValue('agreement');
    await expect(
      page.getByRole('group', { name: 'Filter the results' }).getByRole('checkbox', { name: /^2018\b/ }),
    ).toBeChecked();
    await checkpoint(page, 'the saved search run again', size);
  });

  await test.step('from the search box to the results and back, by key', async () => {
    const hits = page.locator('.hits > li > a');
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(hits.first()).toBeFocused();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    // The list comes back in place of the results.
    await expect(grid).toBeVisible();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(grid).toBeFocused();
    // Up from the first row goes back to the box (from the open record's row it steps up first).
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    await expect(searchBox(page)).toBeFocused();
  });

  await test.step('a long title read whole', async () => {
    const cell = page.locator('.grid-body [role="row"]').filter({ hasText: LONG }).locator('.col-title');
    await expect(cell).toHaveAttribute('title', LONG);
    await page.keyboard.press('Alt+ArrowDown');
    await expect(grid).toBeFocused();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.locator('#record-heading')).toHaveText(LONG);
    await checkpoint(page, 'the long title opened', size);
  });

  await test.step('three records ticked, exported as CSV and cited', async () => {
    await tabTo(page, grid, { back: true });
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    const button = page.getByRole('button', { name: '3 selected' });
    await expect(button).toBeVisible();
    const titles = await page.locator('.grid-body [role="row"][aria-selected="true"] .col-title a').allTextContents();
    expect(titles).toHaveLength(3);
    await tabTo(page, button, { back: true });
    await page.keyboard.press('Enter');
    const download = page.waitForEvent('download');
    await tabTo(page, page.getByRole('button', { name: 'Export 3 records as CSV' }));
    await page.keyboard.press('Enter');
    const csv = Papa.parse<Record<string, string>>(fs.readFileSync(await (await download).path(), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    expect(csv.data, 'three rows').toHaveLength(3);
    expect(csv.data.map((r) => r['Title']).sort()).toEqual([...titles].sort());
    await expect(page.getByRole('status').filter({ hasText: 'Exported 3 records as CSV.' })).toBeVisible();

    await tabTo(page, button, { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Cite 3 records…' }));
    await page.keyboard.press('Enter');
    const cite = page.getByRole('dialog', { name: 'Cite 3 records' });
    await expect(cite.getByTestId('cite-preview').locator('.csl-entry')).toHaveCount(3, { timeout: 30_000 });
    await checkpoint(page, 'citing three records', size);
    await page.keyboard.press('Escape');
    await expect(cite).toBeHidden();
  });

  await test.step('a letter with its recipient', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const title = page.getByLabel('Title', { exact: true });
    await expect(title).toBeFocused();
    await page.keyboard.type('Letter to Leeds City Council');
    await tabTo(page, page.getByLabel('Type', { exact: true }), { back: true });
    await page.keyboard.type('Letter');
    const recipient = page.getByRole('combobox', { name: 'Add a recipient' });
    await tabTo(page, recipient);
    await page.keyboard.type('Leeds City Council');
    await activeOption(page, recipient, page.getByRole('option', { name: /^Leeds City Council/ }).first());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Recipients' })).toContainText('Leeds City Council');
    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.locator('#record-heading')).toHaveText('Letter to Leeds City Council');
    const id = Number(/#\/records\/(\d+)/.exec(page.url())![1]);
    const saved = await api<Shown>(host, 'getRecord', { id });
    expect(saved.type).toBe('letter');
    expect(saved.links.map((l) => [l.name, l.role])).toEqual([['Leeds City Council', 'recipient']]);
    await checkpoint(page, 'the letter', size);
  });

  await test.step('a photograph imported as Photograph with tags', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Import…' }), { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByTestId('import-files'));
    // The key opens the system's file dialog; the test answers it as the user would.
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(nikon!);
    const type = dialog.getByLabel('Record type');
    await tabTo(page, type);
    await page.keyboard.type('Photograph');
    await expect(type).toHaveValue('photograph');
    await tabTo(page, dialog.getByLabel('Tags'));
    await page.keyboard.type('delegation, West Lake');
    await checkpoint(page, 'the import dialog', size);
    await tabTo(page, dialog.getByRole('button', { name: 'Import 1 file' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect
      .poll(
        async () => {
          const { items } = await api<Listed>(host, 'listRecords', { limit: 100 });
          return items.filter((r) => r.title === 'sample1').map((r) => r.type);
        },
        { timeout: 90_000 },
      )
      .toEqual(['photograph']);
    const { items } = await api<Listed>(host, 'listRecords', { limit: 100 });
    const photo = items.find((r) => r.title === 'sample1')!;
    expect((await api<Shown>(host, 'getRecord', { id: photo.id })).tags.sort()).toEqual(['West Lake', 'delegation']);
  });

  await test.step('undo: the success message goes; after a reload undo is still there', async () => {
    // Two records ticked and tagged in one batch edit, whose message says so.
    await tabTo(page, grid);
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    const button = page.getByRole('button', { name: '2 selected' });
    await tabTo(page, button, { back: true });
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Batch edit 2 records…' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Batch edit 2 records' });
    await tabTo(page, dialog.getByRole('radio', { checked: true }));
    await keyTo(page, dialog.getByRole('radio', { name: 'Add a tag' }), 'ArrowDown', 12);
    await tabTo(page, dialog.getByLabel('Tag', { exact: true }));
    await page.keyboard.type('walked');
    await tabTo(page, dialog.getByRole('button', { name: 'Preview the changes' }));
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Apply to 2 records' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const message = page.getByRole('status').filter({ hasText: 'Changed 2 records.' });
    await expect(message).toBeVisible();
    const tagged = async () => (await api<Listed>(host, 'listRecords', { tag: 'walked' })).total;
    await expect.poll(tagged).toBe(2);

    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByRole('status').filter({ hasText: 'Undone: the batch change to 2 records.' })).toBeVisible();
    await expect(message, 'the message goes with what it spoke of').toHaveCount(0);
    await expect.poll(tagged).toBe(0);
    await checkpoint(page, 'after the undo', size);

    // Redone, then the page reloaded: the step is still there to undo.
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(tagged).toBe(2);
    await page.reload();
    await expect(grid).toBeVisible();
    await expect(page.getByRole('button', { name: /^Undo / })).toBeEnabled();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByRole('status').filter({ hasText: /^Undone: / })).toBeVisible();
    await checkpoint(page, 'undo after a reload', size);
  });
});
