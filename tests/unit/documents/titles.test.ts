/**
 * A document's metadata title becomes its record's title only when it looks like a title: not a
 * path, not a program's default. The PDFs for the import are written by Skia's PDF backend
 * (@napi-rs/canvas), a writer we did not write, and read by the real job runner.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNameTitle, titleFromMetadata, titleFromName } from '../../../src/main/documents/titles';
import { openTestLibrary, tempDir, type TestLibrary } from '../../support/catalogue';
import { importAndWait } from '../../fixtures/documents/run';

describe('the title rule', () => {
  it.each([
    'C:\\Users\\liwei\\Desktop\\杭州代表团\\scan_0003.tif',
    'c:/Documents and Settings/owner/My Documents/minutes.doc',
    '\\\\fileserver\\archive\\1988\\minutes.pdf',
    '/home/archivist/scans/letter-1969.pdf',
    'file:///Users/lw/report.docx',
    'D:\\work\\报告.ppt',
    'minutes of the council.doc',
    'Annual_Report_2018.pptx',
    'Microsoft Word - minutes 1988.doc',
    'Microsoft PowerPoint - 杭州交流.ppt',
    'PowerPoint 演示文稿',
    'PowerPoint Presentation',
    'Microsoft Word 文档',
    '新建 Microsoft Word 文档',
    'Untitled',
    'untitled document',
    'Untitled-1',
    'Document1',
    'Presentation2',
    'Book1',
    '无标题',
    '未命名',
    'Scan0001',
    'IMG_2043',
    'DSC01234',
    '2018',
    '  ---  ',
    '',
    '0f3a9c2e7b1d4e5f8a6b',
    '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  ])('%j is not a title', (raw) => {
    expect(titleFromMetadata(raw)).toBeNull();
  });

  it.each([
    ['Leeds delegation to Hangzhou', 'Leeds delegation to Hangzhou'],
    ['杭州与利兹友好城市协议', '杭州与利兹友好城市协议'],
    ['Microsoft Word - Annual report of the twinning committee', 'Annual report of the twinning committee'],
    ['Report 1/2: trade and culture', 'Report 1/2: trade and culture'],
    ['Untitled Spaces: art in Leeds', 'Untitled Spaces: art in Leeds'],
    ['  Minutes\tof the\ncommittee  ', 'Minutes of the committee'],
    ['Document history of the Corn Exchange', 'Document history of the Corn Exchange'],
  ])('%j is a title: %j', (raw, expected) => {
    expect(titleFromMetadata(raw)).toBe(expected);
  });

  it('tidies a file name: extension dropped, underscores and dashes as spaces, dates kept', () => {
    expect(titleFromName('leeds_hangzhou-delegation_2018-09-14.pdf')).toBe('leeds hangzhou delegation 2018-09-14');
    expect(titleFromName('minutes--of__the council.txt')).toBe('minutes of the council');
    expect(titleFromName('杭州_代表团.docx')).toBe('杭州 代表团');
    expect(titleFromName('.pdf')).toBe('.pdf');
    // A record titled by the rule before dashes were read is still "titled by its file name".
    expect(isNameTitle('leeds hangzhou-delegation', 'leeds_hangzhou-delegation.pdf')).toBe(true);
    expect(isNameTitle('leeds hangzhou delegation', 'leeds_hangzhou-delegation.pdf')).toBe(true);
    expect(isNameTitle('Chosen by hand', 'leeds_hangzhou-delegation.pdf')).toBe(false);
  });
});

describe('titles through an import', () => {
  let lib: TestLibrary;
  let src: string;
  beforeAll(async () => {
    lib = await openTestLibrary();
    src = tempDir('docs-titles-');
  });
  afterAll(async () => {
    await lib.close();
  });

  /** A one-page PDF written by Skia with the given Info title. */
  function skiaPdf(title: string, line: string): Buffer {
    const doc = new PDFDocument({ title, author: 'Leeds City Council', creator: 'Microsoft® Word 2016' });
    const ctx = doc.beginPage(595, 842);
    ctx.font = '16px sans-serif';
    ctx.fillStyle = '#000';
    ctx.fillText(line, 72, 120);
    doc.endPage();
    return doc.close();
  }

  async function importedTitle(name: string, pdf: Buffer) {
    const file = path.join(src, name);
    fs.writeFileSync(file, pdf);
    const { jobs } = await importAndWait(lib, { paths: [file] });
    const imported = jobs.find((j) => j.kind === 'import')!;
    expect(imported.status, imported.error ?? '').toBe('done');
    expect(jobs.find((j) => j.kind === 'extract')!.status).toBe('done');
    const { recordId, fileId } = imported.result as { recordId: number; fileId: number };
    return {
      title: (await lib.ok('getRecord', { id: recordId })).title,
      info: await lib.ok('fileInfo', { id: fileId }),
    };
  }

  it('a PDF titled with the path it was converted from keeps its tidied file name', async () => {
    const pathTitle = 'C:\\Users\\liwei\\Desktop\\杭州代表团\\delegation_2018.doc';
    const r = await importedTitle('leeds_hangzhou-delegation_2018-09-14.pdf', skiaPdf(pathTitle, 'Delegation'));
    // The title is still read and shown as the file says, only not taken as the record's title.
    expect(r.info.metadata).toMatchObject({ title: pathTitle });
    expect((r.info.metadata.suggest as { title?: string } | undefined)?.title).toBeUndefined();
    expect(r.title).toBe('leeds hangzhou delegation 2018-09-14');
  });

  it('a PDF with a generator default keeps its file name; a real title is taken', async () => {
    expect((await importedTitle('slides_hangzhou.pdf', skiaPdf('PowerPoint 演示文稿', 'Slides'))).title).toBe(
      'slides hangzhou',
    );
    expect((await importedTitle('report_1988.pdf', skiaPdf('Twinning committee report, 1988', 'Report'))).title).toBe(
      'Twinning committee report, 1988',
    );
  });
});
