/** CSV import with column mapping, and CSV/JSON export with formula escaping. */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../../../src/main/exchange/dates';
import { catalogueState, tempDir } from '../../support/catalogue';
import { librariesPerTest } from '../../support/per-test';
import { cliIn } from '../../support/cli';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'exchange');
const library = librariesPerTest();

describe('dates as spreadsheets hold them', () => {
  it.each([
    ['2018', '2018'],
    ['2018-09', '2018-09'],
    ['14/09/2018', '2018-09-14'],
    ['2018/9/14', '2018-09-14'],
    ['09/2018', '2018-09'],
    ['September 2018', '2018-09'],
    ['Sept 2018', '2018-09'],
    ['14 September 2018', '2018-09-14'],
    ['14th Sept. 2018', '2018-09-14'],
    ['September 14, 2018', '2018-09-14'],
  ])('%s -> %s', (raw, iso) => expect(parseLooseDate(raw)).toBe(iso));

  it.each([['31/02/2018'], ['Smarch 2018'], ['next Tuesday'], ['2018-13']])('refuses %s', (raw) => {
    expect(() => parseLooseDate(raw)).toThrow(new RegExp(`"${raw}" is not`));
  });
});

describe('CSV import', () => {
  const csv = [
    'Title,Date,Type,Ref,Author,Party,Tags,Shelf',
    'Trade mission diary,14/09/2018,Report,LCC/1,Judith Blake,,trade; China,Box 1',
    'MoU with Hangzhou,September 2018,agreement,LCC/2,,Leeds; Hangzhou,,Box 2',
  ].join('\n');

  it('matches headers to fields by name, and reports the columns it could not place', async () => {
    const lib = await library();
    const cols = await lib.ok('csvColumns', { content: csv });
    expect(cols.mapping).toEqual({
      Title: 'title',
      Date: 'date',
      Type: 'type',
      Ref: 'referenceCode',
      Author: 'author',
      Party: 'party',
      Tags: 'tags',
    });
    expect(cols.unmapped).toEqual(['Shelf']);
  });

  it('imports with a mapping (saved and reused), partial ISO dates, and authorities matched or created by name', async () => {
    const lib = await library();
    const judith = await lib.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    await lib.ok('saveCsvMapping', { name: 'council spreadsheet', mapping: { Shelf: 'physicalLocation' } });
    const [saved] = await lib.ok('listCsvMappings', {});
    expect(saved).toEqual({ name: 'council spreadsheet', mapping: { Shelf: 'physicalLocation' } });
    const report = await lib.ok('importMetadata', { content: csv, format: 'csv', mapping: saved!.mapping });
    expect(report).toMatchObject({ imported: 2, failed: 0 });
    expect(report.createdAuthorities.map((a) => [a.kind, a.name])).toEqual([
      ['organisation', 'Leeds'],
      ['organisation', 'Hangzhou'],
    ]);
    const diary = await lib.ok('getRecord', { id: report.rows[0]!.recordId! });
    expect(diary).toMatchObject({
      type: 'report',
      date: '2018-09-14',
      referenceCode: 'LCC/1',
      physicalLocation: 'Box 1',
      tags: ['China', 'trade'],
    });
    expect(diary.links).toEqual([
      { authorityId: judith.id, kind: 'person', name: 'Judith Blake', nameParts: null, role: 'author', note: null },
    ]);
    const mou = await lib.ok('getRecord', { id: report.rows[1]!.recordId! });
    expect(mou).toMatchObject({ type: 'agreement', date: '2018-09' });
    expect(mou.links.map((l) => `${l.role}:${l.name}`)).toEqual(['party:Leeds', 'party:Hangzhou']);
  });

  it('People, Organisations and Places columns link names of that kind, matched (also by another name) or created', async () => {
    const lib = await library();
    const hz = await lib.ok('createAuthority', {
      kind: 'place',
      name: 'Hangzhou',
      altNames: [{ name: '杭州', language: 'zh-Hans' }],
    });
    const content =
      'Title,Places,People,Organisations\nVisit notes,杭州; Qingdao,Sharon Watson,Phoenix Dance Theatre\n';
    const report = await lib.ok('importMetadata', { content, format: 'csv' });
    expect(report.createdAuthorities.map((a) => `${a.kind}:${a.name}`)).toEqual([
      'place:Qingdao',
      'person:Sharon Watson',
      'organisation:Phoenix Dance Theatre',
    ]);
    const r = await lib.ok('getRecord', { id: report.rows[0]!.recordId! });
    expect(r.links.map((l) => `${l.role}:${l.kind}:${l.name}`)).toEqual([
      'mentioned:place:Hangzhou',
      'mentioned:place:Qingdao',
      'mentioned:person:Sharon Watson',
      'mentioned:organisation:Phoenix Dance Theatre',
    ]);
    expect(r.links[0]!.authorityId).toBe(hz.id);
  });

  it('a bad date refuses the whole file, naming the row and line; --skip-bad-rows imports the rest', async () => {
    const lib = await library();
    const state = catalogueState(lib.dir);
    const content = fs.readFileSync(path.join(FIXTURES, 'bad-date.csv'), 'utf8');
    const r = await lib.service.call('importMetadata', { content, format: 'csv' });
    expect(r.ok ? '' : r.error.message).toBe(
      '1 of 2 rows cannot be imported (first: row 2 (line 3): date: "31/02/2018" is not a real date: day 31 does not exist in 2018-02 (it has 28 days)); nothing was imported. Fix the file, or skip the bad rows.',
    );
    expect(catalogueState(lib.dir)).toEqual(state);
    const partial = await lib.ok('importMetadata', { content, format: 'csv', skipBadRows: true });
    expect(partial).toMatchObject({ imported: 1, failed: 1 });
  });

  it('a Latin-1 file is read as detected by the CLI; named UTF-8 it is refused with the line, and nothing changes', async () => {
    const lib = await library();
    const dir = lib.dir;
    await library.closeNow(lib);
    const state = catalogueState(dir);
    const file = path.join(FIXTURES, 'latin1.csv');
    const r = await cliIn(dir, ['import-metadata', file, '--encoding', 'utf-8']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`civic-archive: ${file}: line 2 is not utf-8 text: is the encoding right?`);
    expect(catalogueState(dir)).toEqual(state);
    const read = await cliIn(dir, ['--json', 'import-metadata', file, '--dry-run']);
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({
      rows: [{ title: 'Café culture in Leeds' }],
      encoding: { name: 'windows-1252', detected: true },
    });
    expect(catalogueState(dir)).toEqual(state);
  });
});

describe('CSV dialects: delimiters, no header row, the app’s names for fields', () => {
  const rows = [
    ['Title', 'Date', 'Place'],
    ['Trade mission diary', '14/09/2018', 'Hangzhou'],
    ['Twinning charter, signed copy', '1988', 'Leeds'],
  ];
  // Papa's unparse quotes a cell holding the delimiter, as a spreadsheet saving the file would.
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    [':', 'colon'],
    ['|', 'pipe'],
  ])('"%s" (%s) is found by itself', async (delimiter) => {
    const lib = await library();
    const content = Papa.unparse(rows, { delimiter, newline: '\n' });
    const cols = await lib.ok('csvColumns', { content });
    expect(cols.delimiter).toBe(delimiter);
    expect(cols.headers).toEqual(['Title', 'Date', 'Place']);
    const report = await lib.ok('previewMetadataImport', { content, format: 'csv' });
    expect(report.rows.map((r) => r.title)).toEqual(['Trade mission diary', 'Twinning charter, signed copy']);
  });

  it('a named delimiter wins over the guess', async () => {
    const lib = await library();
    // The comma splits every row evenly, so it is the guess; the user says the file is semicolon-separated.
    const content = 'Title,Notes\na; b,x;y\n';
    expect((await lib.ok('csvColumns', { content })).headers).toEqual(['Title', 'Notes']);
    expect((await lib.ok('csvColumns', { content, delimiter: ';' })).headers).toEqual(['Title,Notes']);
  });

  it('a file without a header row: columns by position, every row imported, lines counted from 1', async () => {
    const lib = await library();
    const content = 'Trade mission diary|14/09/2018|Hangzhou\nTwinning charter|31/02/1988|Leeds\n';
    const cols = await lib.ok('csvColumns', { content, header: false });
    expect(cols.headers).toEqual(['1', '2', '3']);
    expect(cols.unmapped).toEqual(['1', '2', '3']);
    const state = catalogueState(lib.dir);
    const refused = await lib.service.call('importMetadata', {
      content,
      format: 'csv',
      header: false,
      mapping: { '1': 'title', '2': 'date', '3': 'place' },
    });
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^1 of 2 rows cannot be imported \(first: row 2 \(line 2\): date: /,
    );
    expect(catalogueState(lib.dir)).toEqual(state);
    const report = await lib.ok('importMetadata', {
      content,
      format: 'csv',
      header: false,
      skipBadRows: true,
      mapping: { '1': 'title', '2': 'date', '3': 'place' },
    });
    expect(report).toMatchObject({ imported: 1, failed: 1 });
    const r = await lib.ok('getRecord', { id: report.rows[0]!.recordId! });
    expect(r).toMatchObject({ title: 'Trade mission diary', date: '2018-09-14' });
    expect(r.links.map((l) => `${l.kind}:${l.name}`)).toEqual(['place:Hangzhou']);
  });

  it('Editor, Translator and Recipient columns create people; Issuer and Publisher organisations', async () => {
    const lib = await library();
    const content =
      'Title,Editor,Translator,Recipient,Issuer,Publisher\nLetter,Ann Editor,Li Wei,Judith Blake,Leeds City Council,Leeds University Press\n';
    const report = await lib.ok('importMetadata', { content, format: 'csv' });
    expect(report.createdAuthorities.map((a) => `${a.kind}:${a.name}`)).toEqual([
      'person:Ann Editor',
      'person:Li Wei',
      'person:Judith Blake',
      'organisation:Leeds City Council',
      'organisation:Leeds University Press',
    ]);
  });

  it('mapping targets by the names the app shows: "place", "Place of publication", "Published in", "Series editor"', async () => {
    const lib = await library();
    const content = 'A,B,C,D,E\nProceedings,Leeds,Hangzhou,Journal of Twinning,Ann Editor\n';
    const mapping = { A: 'Title', B: 'Place of publication', C: 'place', D: 'Published in', E: 'Series editor' };
    expect((await lib.ok('csvColumns', { content, mapping })).mapping).toEqual({
      A: 'title',
      B: 'publisherPlace',
      C: 'places',
      D: 'containerTitle',
      E: 'collection-editor',
    });
    const report = await lib.ok('importMetadata', { content, format: 'csv', mapping });
    const r = await lib.ok('getRecord', { id: report.rows[0]!.recordId! });
    expect(r).toMatchObject({ title: 'Proceedings', publisherPlace: 'Leeds', containerTitle: 'Journal of Twinning' });
    expect(r.links.map((l) => `${l.role}:${l.name}`)).toEqual(['mentioned:Hangzhou', 'collection-editor:Ann Editor']);
    expect(r.links[0]!.kind).toBe('place');
    // An editor's name is a person's, as in every bibliography (it was made an organisation).
    expect(r.links[1]!.kind).toBe('person');
    const wrong = await lib.service.call('csvColumns', { content, mapping: { A: 'headline' } });
    expect(wrong.ok ? '' : wrong.error.message).toBe(
      'mapping: "headline" (for column "A") is not a record field or a link role',
    );
  });

  it('the CLI: --delimiter, --no-header and --map', async () => {
    const lib = await library();
    const dir = lib.dir;
    await library.closeNow(lib);
    const work = tempDir('civic-csv-dialect-');
    const file = path.join(work, 'list.txt');
    fs.writeFileSync(file, 'Trade mission diary\t2018\tHangzhou\nTwinning charter\t1988\tLeeds\n');
    const run = await cliIn(dir, [
      '--json',
      'import-metadata',
      file,
      '--format',
      'csv',
      '--no-header',
      '--delimiter',
      'tab',
      '--map',
      '1=title,2=date',
      '--map',
      '3=place',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      imported: 2,
      createdAuthorities: [{ name: 'Hangzhou' }, { name: 'Leeds' }],
    });
    const bad = await cliIn(dir, ['import-metadata', file, '--format', 'csv', '--delimiter', 'x']);
    expect(bad.stderr.trim()).toBe(
      'civic-archive: --delimiter: "x" is not one of , ; : | tab (or comma, semicolon, colon, pipe)',
    );
    const badMap = await cliIn(dir, ['import-metadata', file, '--format', 'csv', '--map', 'title']);
    expect(badMap.stderr.trim()).toBe(
      'civic-archive: --map: "title" is not COLUMN=FIELD (e.g. --map 1=title,2=date or --map "Where=place")',
    );
    fs.rmSync(work, { recursive: true, force: true });
  });
});

describe('CSV and JSON export', () => {
  it('names every column once: the publisher as written and the linked publishers apart', async () => {
    const lib = await library();
    const press = await lib.ok('createAuthority', { kind: 'organisation', name: 'Leeds University Press' });
    await lib.ok('createRecord', {
      type: 'report',
      title: 'Twinning at thirty',
      publisher: 'Leeds City Council',
      links: [{ authorityId: press.id, role: 'publisher' }],
    });
    const out = await lib.ok('exportRecords', { ids: [1], format: 'csv' });
    const [header, row] = Papa.parse<string[]>(out.content, { skipEmptyLines: true }).data;
    expect(new Set(header).size).toBe(header!.length);
    expect(row![header!.indexOf('Publisher (as written)')]).toBe('Leeds City Council');
    expect(row![header!.indexOf('Publisher')]).toBe('Leeds University Press');
  });

  it('escapes cells that would run as formulas, keeps links, and imports back', async () => {
    const lib = await library();
    const org = await lib.ok('createAuthority', { kind: 'organisation', name: '@Leeds Digital' });
    await lib.ok('createRecord', {
      type: 'report',
      title: '=HYPERLINK("http://evil.example","click")',
      description: '+44 113 222 4444',
      notes: '-2 boxes missing',
      date: '2018',
      links: [{ authorityId: org.id, role: 'author' }],
    });
    const out = await lib.ok('exportRecords', { ids: [1], format: 'csv' });
    const [header, row] = Papa.parse<string[]>(out.content, { skipEmptyLines: true }).data;
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Title')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell('Description')).toBe(`'+44 113 222 4444`);
    expect(cell('Notes')).toBe(`'-2 boxes missing`);
    expect(cell('Author')).toBe(`'@Leeds Digital`);
    expect(cell('Date')).toBe('2018');
    for (const c of row!) expect(c).not.toMatch(/^[=+\-@]/);

    const json = JSON.parse((await lib.ok('exportRecords', { ids: [1], format: 'json' })).content);
    expect(json[0]).toMatchObject({
      id: 1,
      title: '=HYPERLINK("http://evil.example","click")',
      links: [{ name: '@Leeds Digital', role: 'author' }],
    });

    const other = await library();
    const back = await other.ok('importMetadata', { content: out.content, format: 'csv' });
    expect(back.imported).toBe(1);
    const again = await other.ok('getRecord', { id: 1 });
    expect(again).toMatchObject({
      title: '=HYPERLINK("http://evil.example","click")',
      description: '+44 113 222 4444',
      date: '2018',
    });
    expect(again.links.map((l) => l.name)).toEqual(['@Leeds Digital']);
  });

  it('the CLI writes CSV to --out', async () => {
    const lib = await library();
    await lib.ok('loadSample', {});
    const dir = lib.dir;
    await library.closeNow(lib);
    const file = path.join(tempDir(), 'records.csv');
    const r = await cliIn(dir, ['export', '--format', 'csv', '--out', file]);
    expect(r.code).toBe(0);
    expect(Papa.parse(fs.readFileSync(file, 'utf8'), { skipEmptyLines: true }).data).toHaveLength(6);
  });
});

describe('our JSON export imports back whole', () => {
  it('keeps every field, the commitments, the tags and the links with their kinds and roles', async () => {
    const a = await library();
    await a.ok('loadSample', {});
    const json = await a.ok('exportRecords', { ids: [2], format: 'json' });
    const b = await library();
    const report = await b.ok('importMetadata', { content: json.content });
    expect(report.imported).toBe(1);
    const [before, after] = [await a.ok('getRecord', { id: 2 }), await b.ok('getRecord', { id: 1 })];
    const strip = ({ id: _i, revision: _r, createdAt: _c, updatedAt: _u, links, ...rest }: typeof before) => ({
      ...rest,
      links: links.map(({ authorityId: _a, ...l }) => l),
    });
    expect(strip(after)).toEqual(strip(before));
    // Each linked authority was created with its own kind (people, places, events, a partnership...).
    expect(report.createdAuthorities.map((x) => `${x.kind}:${x.name}`).sort()).toEqual(
      before.links.map((l) => `${l.kind}:${l.name}`).sort(),
    );
  });
});

describe('who a signatory signed for travels with the record', () => {
  it('through our JSON into another library, and a merge into a record that has one keeps it', async () => {
    const a = await library();
    const blake = await a.ok('createAuthority', { kind: 'person', name: 'Judith Blake' });
    const council = await a.ok('createAuthority', { kind: 'organisation', name: 'Leeds City Council' });
    await a.ok('createRecord', {
      type: 'agreement',
      title: 'Memorandum of understanding',
      referenceCode: 'LCC/IP/1988/1',
      links: [{ authorityId: blake.id, role: 'signatory', onBehalfOf: council.id }],
    });
    const json = (await a.ok('exportRecords', { ids: [1], format: 'json' })).content;

    const b = await library();
    const report = await b.ok('importMetadata', { content: json });
    expect(report.imported).toBe(1);
    const imported = await b.ok('getRecord', { id: report.rows[0]!.recordId! });
    const link = imported.links[0]!;
    expect([link.name, link.role, link.onBehalfOf?.name]).toEqual(['Judith Blake', 'signatory', 'Leeds City Council']);
    const made = report.createdAuthorities.find((x) => x.name === 'Leeds City Council');
    expect(made?.kind).toBe('organisation');
    expect(link.onBehalfOf?.id).toBe(made?.id);

    // The same file again, merged into the record it matches (same reference code): the record's
    // own link with its organisation is written back as it was, beside nothing new.
    const again = await b.ok('importMetadata', { content: json, duplicates: 'merge' });
    expect(again.merged).toBe(1);
    const after = await b.ok('getRecord', { id: imported.id });
    expect(after.links.map((l) => [l.name, l.onBehalfOf?.name ?? null])).toEqual([
      ['Judith Blake', 'Leeds City Council'],
    ]);
  });
});

describe('who signed for whom travels through CSV', () => {
  it('export writes a "Signatory on behalf of" column beside the signatories; a fresh library imports the same links back', async () => {
    const a = await library();
    const person = (name: string) => a.ok('createAuthority', { kind: 'person', name });
    const org = (name: string) => a.ok('createAuthority', { kind: 'organisation', name });
    const [blake, wang, smith] = [await person('Judith Blake'), await person('Wang Wei'), await person('Ann Smith')];
    const [leeds, hangzhou] = [await org('Leeds City Council'), await org("Hangzhou People's Government")];
    await a.ok('createRecord', {
      type: 'agreement',
      title: 'Memorandum of understanding',
      links: [
        { authorityId: blake.id, role: 'signatory', onBehalfOf: leeds.id },
        { authorityId: wang.id, role: 'signatory', onBehalfOf: hangzhou.id },
        { authorityId: leeds.id, role: 'party' },
        { authorityId: hangzhou.id, role: 'party' },
      ],
    });
    // The first signatory acted for nobody, the second for the council.
    await a.ok('createRecord', {
      type: 'agreement',
      title: 'Exchange agreement',
      links: [
        { authorityId: blake.id, role: 'signatory' },
        { authorityId: smith.id, role: 'signatory', onBehalfOf: leeds.id },
      ],
    });
    await a.ok('createRecord', {
      type: 'letter',
      title: 'Letter of thanks',
      links: [
        { authorityId: blake.id, role: 'author' },
        { authorityId: wang.id, role: 'signatory' },
      ],
    });
    const out = await a.ok('exportRecords', { ids: [1, 2, 3], format: 'csv' });
    const [header, ...rows] = Papa.parse<string[]>(out.content, { skipEmptyLines: true }).data;
    const at = header!.indexOf('Signatory');
    expect(header![at + 1]).toBe('Signatory on behalf of');
    expect(header!.filter((h) => /on behalf of/.test(h))).toEqual(['Signatory on behalf of']);
    const byTitle = new Map(rows.map((r) => [r[header!.indexOf('Title')], r]));
    expect(byTitle.get('Memorandum of understanding')!.slice(at, at + 2)).toEqual([
      'Judith Blake; Wang Wei',
      "Leeds City Council; Hangzhou People's Government",
    ]);
    expect(byTitle.get('Exchange agreement')!.slice(at, at + 2)).toEqual([
      'Judith Blake; Ann Smith',
      '; Leeds City Council',
    ]);
    expect(byTitle.get('Letter of thanks')!.slice(at, at + 2)).toEqual(['Wang Wei', '']);

    const b = await library();
    const report = await b.ok('importMetadata', { content: out.content, format: 'csv' });
    expect(report.imported).toBe(3);
    // The organisations are matched or created as any name column's are: one council, not two.
    expect((await b.ok('listAuthorities', { kind: 'organisation' })).items.map((x) => x.name).sort()).toEqual([
      "Hangzhou People's Government",
      'Leeds City Council',
    ]);
    const links = async (lib: typeof a, id: number) => {
      const r = await lib.ok('getRecord', { id });
      return [r.title, r.links.map((l) => [l.role, l.kind, l.name, l.onBehalfOf?.name ?? null].join(' | ')).sort()];
    };
    const imported = report.rows.map((r) => r.recordId!);
    const before = await Promise.all([1, 2, 3].map((id) => links(a, id)));
    const after = await Promise.all(imported.map((id) => links(b, id)));
    expect(after).toEqual(before);
  });

  it('more organisations than signatories refuses the file, naming the row and the column; nothing changes', async () => {
    const lib = await library();
    const content = [
      'Title,Signatory,Signatory on behalf of',
      'Exchange agreement,Ann Smith,Leeds City Council',
      "Memorandum of understanding,Judith Blake,Leeds City Council; Hangzhou People's Government",
    ].join('\n');
    const state = catalogueState(lib.dir);
    const r = await lib.service.call('importMetadata', { content, format: 'csv' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe('import_rows_failed');
    expect(r.error.message).toMatch(/row 2 \(line 3\)/);
    expect(r.error.message).toContain('column "Signatory on behalf of"');
    expect(r.error.message).toContain('column "Signatory" names 1');
    expect(catalogueState(lib.dir)).toEqual(state);
    // An "on behalf of" column without its names is as unpairable.
    const alone = await lib.service.call('importMetadata', {
      content: 'Title,Signatory on behalf of\nLoose note,Leeds City Council\n',
      format: 'csv',
    });
    expect(alone.ok ? null : alone.error.message).toMatch(/row 1 \(line 2\).*names 0/);
    expect(catalogueState(lib.dir)).toEqual(state);
  });
});

describe('the CLI with a column mapping', () => {
  it('import-metadata --mapping takes a JSON file or the name of a saved mapping; --dry-run writes nothing', async () => {
    const lib = await library();
    await lib.ok('saveCsvMapping', { name: 'shelf list', mapping: { Shelf: 'physicalLocation', Heading: 'title' } });
    const dir = lib.dir;
    await library.closeNow(lib);
    const csv = path.join(tempDir(), 'shelf.csv');
    fs.writeFileSync(csv, 'Heading,Shelf,When\nDelegation photographs,Box 7,Sept 2018\n');
    const mapFile = path.join(tempDir(), 'map.json');
    fs.writeFileSync(mapFile, JSON.stringify({ Heading: 'title', Shelf: 'physicalLocation', When: 'date' }));
    const state = catalogueState(dir);
    const dry = await cliIn(dir, ['--json', 'import-metadata', csv, '--mapping', mapFile, '--dry-run']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, imported: 1 });
    expect(catalogueState(dir)).toEqual(state);
    const byName = await cliIn(dir, ['--json', 'import-metadata', csv, '--mapping', 'shelf list']);
    expect(byName.stderr).toBe('');
    expect(JSON.parse(byName.stdout)).toMatchObject({ imported: 1 });
    const again = await cliIn(dir, ['import-metadata', csv, '--mapping', mapFile]);
    // Same title, and now a date the first import did not have: not the same title and date, so imported.
    expect(again.stdout).toMatch(/^Imported 1, merged 0, skipped 0/);
    const missing = await cliIn(dir, ['import-metadata', csv, '--mapping', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'civic-archive: --mapping: there is no file nope and no saved mapping of that name',
    );
  });
});
