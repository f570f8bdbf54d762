/**
 * The record editor's Publication section (issue 10): an imported book chapter shows its
 * bibliographic description in the record panel and, open, in the editor, with its editor as a
 * linked authority; an edit there is saved. A record without one shows the section folded away,
 * and a publication type and ISBN typed into it are saved.
 */
import { api, expect, test } from './fixtures';

const CHAPTER = {
  id: 'chapter-trans',
  type: 'chapter',
  title: 'On municipal friendship',
  author: [{ family: 'Lindqvist', given: 'Maja' }],
  translator: [{ family: 'Fitzgerald', given: 'Aoife' }],
  editor: [{ family: 'Chen', given: 'Li' }],
  'container-title': 'Cities in conversation',
  publisher: 'Polity',
  'publisher-place': 'Cambridge',
  issued: { 'date-parts': [[2018]] },
  page: '101–120',
  edition: '2',
};

interface Report {
  rows: { recordId: number }[];
}
interface Rec {
  volume: string | null;
  cslType: string | null;
  isbn: string | null;
  page: string | null;
}

test('an imported chapter shows and edits its publication details', async ({ page, host }) => {
  const report = await api<Report>(host, 'importMetadata', { content: JSON.stringify([CHAPTER]), format: 'csl-json' });
  const id = report.rows[0]!.recordId;
  await page.goto(host.url);
  await page.getByRole('grid', { name: 'Records' }).getByRole('link', { name: CHAPTER.title }).click();

  const publication = page.locator('section[aria-labelledby="publication-heading"]');
  await expect(publication.getByRole('heading', { name: 'Publication' })).toBeVisible();
  await expect(publication).toContainText('Book chapter');
  await expect(publication).toContainText('Cities in conversation');
  await expect(publication).toContainText('101–120');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const section = page.locator('details.publication-section');
  await expect(section).toHaveAttribute('open', '');
  await expect(page.getByLabel('Publication type')).toHaveValue('chapter');
  await expect(page.getByLabel('Published in')).toHaveValue('Cities in conversation');
  await expect(section.getByRole('group', { name: 'Editors' })).toContainText('Li Chen');
  await expect(section.getByRole('group', { name: 'Translators' })).toContainText('Aoife Fitzgerald');
  await page.getByLabel('Volume').fill('3');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(publication).toContainText('Volume');
  const saved = await api<Rec>(host, 'getRecord', { id });
  expect([saved.volume, saved.page, saved.cslType]).toEqual(['3', '101–120', 'chapter']);
});

test('a record without a publication has the section folded; a type and ISBN typed there are saved', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Create a record' }).click();
  await page.getByLabel('Type', { exact: true }).selectOption('report');
  await page.getByLabel('Title', { exact: true }).fill('Annual report of the twinning association');
  const section = page.locator('details.publication-section');
  await expect(section).not.toHaveAttribute('open', '');
  await expect(page.getByLabel('ISBN')).toBeHidden();
  await section.locator('summary').click();
  await page.getByLabel('Publication type').selectOption('book');
  await page.getByLabel('ISBN').fill('978-1-78330-123-4');
  await page.getByRole('button', { name: 'Create record' }).click();
  await expect(page.locator('#record-heading')).toHaveText('Annual report of the twinning association');
  const list = await api<{ items: { id: number }[] }>(host, 'listRecords', { limit: 10 });
  const made = await api<Rec>(host, 'getRecord', { id: list.items[0]!.id });
  expect([made.cslType, made.isbn]).toEqual(['book', '978-1-78330-123-4']);
});
