/**
 * Messages at 1280×800: what the workspace says after a batch edit, an export, an undo
 * or a save shows in the row kept for messages, so it covers no control; a success goes by itself
 * after the app's own time, and an error stays until dismissed.
 */
import type { Locator, Page } from '@playwright/test';
import { api, expect, MOU_TITLE, openWithSample, test } from './fixtures';

/** Waits for a success to go by itself: the app's own time (the message says it), and a margin for a loaded machine. */
async function goesByItself(message: Locator): Promise<void> {
  const after = Number(await message.getAttribute('data-goes-after'));
  expect(after, 'a success says when it goes').toBeGreaterThan(0);
  await expect(message).toBeHidden({ timeout: after + 7_000 });
}

interface Listed {
  items: { id: number; title: string }[];
}

/**
 * The visible controls whose box the message's box overlaps (none inside the message itself). A
 * control's box is first cut to the panes that clip it: a link scrolled out of its pane is not seen.
 */
async function covered(page: Page, message: Locator): Promise<string[]> {
  await expect(message).toBeVisible();
  const box = (await message.boundingBox())!;
  // A string, as the e2e specs are type-checked without the DOM's types.
  return page.evaluate<string[]>(`(() => {
    const m = ${JSON.stringify(box)};
    const controls = document.querySelectorAll('button, a[href], input, select, textarea, summary, [role="checkbox"], [role="tab"], [tabindex="0"]');
    return [...controls]
      .filter((c) => !c.closest('.message') && getComputedStyle(c).visibility !== 'hidden')
      .filter((c) => {
        let { left, top, right, bottom } = c.getBoundingClientRect();
        for (let p = c.parentElement; p; p = p.parentElement) {
          if (getComputedStyle(p).overflow === 'visible') continue;
          const clip = p.getBoundingClientRect();
          left = Math.max(left, clip.left);
          top = Math.max(top, clip.top);
          right = Math.min(right, clip.right);
          bottom = Math.min(bottom, clip.bottom);
        }
        if (right <= left || bottom <= top) return false;
        return left < m.x + m.width && right > m.x && top < m.y + m.height && bottom > m.y;
      })
      .map((c) => c.tagName + ' "' + (c.getAttribute('aria-label') ?? c.textContent ?? '').trim().slice(0, 40) + '"');
  })()`);
}

/** The page is the window: the message row takes its room from the panes, never below them. */
const pageHeight = (page: Page) => page.evaluate<number>('document.documentElement.scrollHeight');

// The message row is the same at every size: the narrower window, where room runs out first, is walked.
for (const size of [{ width: 1280, height: 800 }] as const) {
  test(`at ${size.width}×${size.height} messages cover no control, successes go by themselves, errors stay`, async ({
    page,
    host,
  }) => {
    test.slow();
    await page.setViewportSize(size);
    await openWithSample(page, host);
    const grid = page.getByRole('grid', { name: 'Records' });
    const row = (n: number) => grid.locator(`[role="row"][aria-rowindex="${n + 1}"]`);

    // A batch edit from the header's selection menu: its message once sat on "Hide the timeline".
    await row(1).locator('.col-type').click();
    await row(2)
      .locator('.col-type')
      .click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: '2 selected' }).click();
    await page.getByRole('button', { name: 'Batch edit 2 records…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batch edit 2 records' });
    await dialog.getByLabel('Tag', { exact: true }).fill('messages-test');
    await dialog.getByRole('button', { name: 'Preview the changes' }).click();
    await dialog.getByRole('button', { name: 'Apply to 2 records' }).click();
    await expect(dialog).toBeHidden();
    const changed = page.getByRole('status').filter({ hasText: 'Changed 2 records.' });
    expect(await covered(page, changed)).toEqual([]);
    await expect(page.getByRole('button', { name: 'Hide the timeline' })).toBeVisible();
    expect(await pageHeight(page)).toBe(size.height);

    // The undo's message, beside it: neither covers the other nor a control.
    await page.locator('body').press('ControlOrMeta+z');
    const undone = page.getByRole('status').filter({ hasText: 'Undone: the batch change to 2 records.' });
    expect(await covered(page, undone)).toEqual([]);
    // What the batch said went with it (the change it spoke of is undone).
    await expect(changed).toHaveCount(0);
    await goesByItself(undone);

    // An error stays: redo, someone else edits one of the two, and the undo is refused.
    await page.getByRole('button', { name: 'Redo the batch change to 2 records' }).click();
    const tagged = await api<Listed>(host, 'listRecords', { tag: 'messages-test', limit: 10 });
    expect(tagged.items).toHaveLength(2);
    const someone = tagged.items[0]!;
    await api(host, 'updateRecord', { id: someone.id, patch: { title: `${someone.title} (edited elsewhere)` } });
    await page.getByRole('button', { name: 'Undo the batch change to 2 records' }).click();
    const refused = page.getByRole('alert').filter({ hasText: /Could not undo or redo the batch change to 2 records/ });
    expect(await covered(page, refused)).toEqual([]);

    // A success after it (an export) goes by itself; the error outlives it and stays until dismissed.
    await page.getByRole('button', { name: '2 selected' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export 2 records as CSV' }).click();
    await download;
    const exported = page.getByRole('status').filter({ hasText: /Exported 2 records/ });
    expect(await covered(page, exported)).toEqual([]);
    await goesByItself(exported);
    await expect(refused).toBeVisible();
    await refused.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(refused).toHaveCount(0);

    // A saved record: nothing covers the record's own buttons either.
    await grid
      .getByRole('link', { name: MOU_TITLE })
      .filter({ hasText: /hangzhou/i })
      .click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill('Memorandum of understanding (messages test)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('#record-heading')).toHaveText('Memorandum of understanding (messages test)');
    await page.locator('body').press('ControlOrMeta+z');
    const undoneEdit = page.getByRole('status').filter({ hasText: /^Undone: the edit of/ });
    expect(await covered(page, undoneEdit)).toEqual([]);
    expect(await pageHeight(page)).toBe(size.height);
  });
}
