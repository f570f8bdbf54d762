/**
 * Search that forgives what people type (issue 14): both Chinese scripts, typos as people make
 * them, suggestions only when they help, names across languages, and bad input — through the
 * service (both engines, as the app runs them) and the CLI.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePageText } from '../../../src/main/search/fulltext';
import { RecordSearch } from '../../../src/shared/search/engine';
import { mergeHits } from '../../../src/shared/search/merge';
import { segmentsText, type Segment } from '../../../src/shared/search/snippet';
import { tokenize } from '../../../src/shared/search/tokenizer';
import { openTestLibrary, type TestLibrary } from '../../support/catalogue';
import { cliIn, jsonOf } from '../../support/cli';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openTestLibrary();
});
afterEach(async () => {
  await lib.close();
});

/** Both engines over the library, merged, as the app and the CLI run them. */
async function searchBoth(query: string, limit = 50) {
  const feed = await lib.ok('searchDocuments', { sinceRevision: 0 });
  const records = new RecordSearch();
  records.addAll(feed.upserts);
  const outcome = records.search(query, { limit });
  const text = await lib.ok('searchText', { query, limit });
  const accepted = records.accepted([...new Set(text.hits.map((h) => h.recordId))], outcome.query);
  const terms = outcome.query.groups.flat().flatMap((c) => tokenize(c.text));
  const merged = mergeHits(
    outcome.hits,
    text.hits.filter((h) => accepted.has(h.recordId)),
    terms,
  );
  return { outcome, text, merged };
}

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);

let nextHash = 1;
/** Stores a file of these pages on the record, as an import would; gives the file's id. */
function attachPages(recordId: number, name: string, pages: string[]): number {
  const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
  try {
    return db.transaction(() => {
      const sha = (nextHash++).toString(16).padStart(64, '0');
      const fileId = Number(
        db
          .prepare(
            "INSERT INTO files (sha256, size, media_type, page_count, text_status, created_at) VALUES (?, 100, 'application/pdf', ?, 'done', ?)",
          )
          .run(sha, pages.length, new Date().toISOString()).lastInsertRowid,
      );
      db.prepare(
        'INSERT INTO record_files (record_id, file_id, original_name, position, added_at) VALUES (?, ?, ?, 0, ?)',
      ).run(recordId, fileId, name, new Date().toISOString());
      pages.forEach((text, i) => writePageText(db, { fileId, page: i + 1, text, source: 'text-layer' }));
      return fileId;
    })();
  } finally {
    db.close();
  }
}

describe('both Chinese scripts', () => {
  it('either script finds both, in titles, descriptions and pages, shown as written and marked', async () => {
    const trad = await lib.ok('createRecord', { type: 'photograph', title: '友好碑墓誌銘拓片' });
    const simp = await lib.ok('createRecord', { type: 'report', title: '代表团访问利兹' });
    const described = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter from Hong Kong',
      description: '信中提到利茲大學的圖書館。',
    });
    const paged = await lib.ok('createRecord', { type: 'report', title: 'Scanned rubbing' });
    attachPages(paged.id, 'rubbing.pdf', ['碑文：墓志铭一篇，记于杭州。']);

    for (const query of ['墓志铭', '墓誌銘']) {
      const { merged } = await searchBoth(query);
      expect(merged.map((h) => h.id).sort()).toEqual([trad.id, paged.id].sort());
      const title = merged.find((h) => h.id === trad.id)!;
      expect(segmentsText(title.titleSegments)).toBe('友好碑墓誌銘拓片');
      expect(marked(title.titleSegments)).toEqual(['墓誌銘']);
      expect(marked(merged.find((h) => h.id === paged.id)!.snippet)).toEqual(['墓志铭']);
    }
    for (const query of ['利茲', '利兹']) {
      const { merged } = await searchBoth(query);
      expect(merged.map((h) => h.id).sort()).toEqual([simp.id, described.id].sort());
      const letter = merged.find((h) => h.id === described.id)!;
      expect(segmentsText(letter.snippet)).toContain('利茲大學');
      expect(marked(letter.snippet)).toEqual(['利茲']);
    }
  });

  it('the CLI finds both scripts either way', async () => {
    const trad = await lib.ok('createRecord', { type: 'photograph', title: '墓誌銘拓片' });
    const simp = await lib.ok('createRecord', { type: 'report', title: '访问利兹' });
    await lib.close();
    for (const [query, id, title] of [
      ['墓志铭', trad.id, '墓誌銘拓片'],
      ['墓誌銘', trad.id, '墓誌銘拓片'],
      ['利茲', simp.id, '访问利兹'],
      ['利兹', simp.id, '访问利兹'],
    ] as const) {
      const run = await cliIn(lib.dir, ['--json', 'search', query]);
      expect(run.code, run.stderr).toBe(0);
      expect(jsonOf<{ id: number; title: string }[]>(run).map((h) => [h.id, h.title])).toEqual([[id, title]]);
    }
    lib = await openTestLibrary(lib.dir);
  });
});

describe('typos as people make them', () => {
  it('a swap of two letters is one slip, in names and titles', async () => {
    const qingdao = await lib.ok('createRecord', { type: 'report', title: 'Visit to Qingdao' });
    const hangzhou = await lib.ok('createRecord', { type: 'report', title: 'Hangzhou delegation' });
    const debian = await lib.ok('createRecord', { type: 'report', title: 'Debian workstation inventory' });
    for (const [query, id] of [
      ['Qingdoa', qingdao.id],
      ['Hangzohu', hangzhou.id],
      ['Debain', debian.id],
    ] as const) {
      const { merged } = await searchBoth(query);
      expect(
        merged.map((h) => h.id),
        query,
      ).toEqual([id]);
      expect(merged[0]!.partial).toBe(false);
    }
  });

  it('every word of several gets its slip, weighed exact > prefix > slip', async () => {
    const theatre = await lib.ok('createRecord', { type: 'event-programme', title: 'Phoenix Dance Theatre' });
    const exact = await lib.ok('createRecord', { type: 'report', title: 'Dance' });
    const prefix = await lib.ok('createRecord', { type: 'report', title: 'Dancers' });
    const slip = await lib.ok('createRecord', { type: 'report', title: 'Lance' });
    expect((await searchBoth('Phoenix Dnce')).merged.map((h) => [h.id, h.partial])).toEqual([[theatre.id, false]]);
    const dance = (await searchBoth('dance')).merged.map((h) => h.id);
    expect(dance.indexOf(exact.id)).toBeLessThan(dance.indexOf(prefix.id));
    expect(dance.indexOf(prefix.id)).toBeLessThan(dance.indexOf(slip.id));
  });

  it('when every word but one matches, the best partial matches come below, flagged', async () => {
    const theatre = await lib.ok('createRecord', { type: 'event-programme', title: 'Phoenix Dance Theatre' });
    const both = await lib.ok('createRecord', { type: 'report', title: 'Phoenix Dance season brochure' });
    const none = await lib.ok('createRecord', { type: 'report', title: 'Budget' });
    // While a record holds every word, only it is listed.
    expect((await searchBoth('phoenix dance theatre')).merged.map((h) => h.id)).toEqual([theatre.id]);
    const { merged, outcome } = await searchBoth('phoenix dance theatre zzqx');
    // No record holds "zzqx": those holding the other three words come, flagged partial.
    expect(merged.map((h) => [h.id, h.partial])).toEqual([[theatre.id, true]]);
    expect(outcome.total).toBe(1);
    expect(merged.some((h) => h.id === both.id)).toBe(false);
    expect(merged.some((h) => h.id === none.id)).toBe(false);
    // The CLI says so, as a flag in --json and in words.
    await lib.close();
    const json = await cliIn(lib.dir, ['--json', 'search', 'phoenix', 'dance', 'theatre', 'zzqx']);
    expect(jsonOf<{ id: number; partial: boolean }[]>(json).map((h) => [h.id, h.partial])).toEqual([
      [theatre.id, true],
    ]);
    const text = await cliIn(lib.dir, ['search', 'phoenix', 'dance', 'theatre', 'zzqx']);
    expect(text.stdout).toContain('matches all but one word');
    lib = await openTestLibrary(lib.dir);
  });

  it('typos in document text reach the pages, through the words of the library', async () => {
    const a = await lib.ok('createRecord', { type: 'report', title: 'Site survey' });
    attachPages(a.id, 'survey.pdf', ['The party walked from Kirkstall Abbey to Roundhay Park.']);
    const b = await lib.ok('createRecord', { type: 'letter', title: 'Copy request' });
    attachPages(b.id, 'request.pdf', ['Please send a facsimile of the signed agreement.']);
    for (const [query, id, word] of [
      ['Kirkstlal', a.id, 'Kirkstall'],
      ['Roundhya', a.id, 'Roundhay'],
      ['facsimle', b.id, 'facsimile'],
    ] as const) {
      const hits = (await lib.ok('searchText', { query })).hits;
      expect(
        hits.map((h) => [h.recordId, h.page]),
        query,
      ).toEqual([[id, 1]]);
      expect(marked(hits[0]!.snippet)).toEqual([word]);
    }
  });
  it('near spellings follow words added since the last typo, by pages and by records', async () => {
    const a = await lib.ok('createRecord', { type: 'report', title: 'Site survey' });
    const survey = attachPages(a.id, 'survey.pdf', ['The party walked to Kirkstall Abbey.']);
    // Reads (and keeps) the vocabulary's "ki" range: "kirkgate" is not in it yet.
    expect((await lib.ok('searchText', { query: 'Kirkstlal' })).hits.map((h) => h.recordId)).toEqual([a.id]);
    expect((await lib.ok('searchText', { query: 'Kirkgaet' })).hits).toEqual([]);
    const b = await lib.ok('createRecord', { type: 'report', title: 'Market survey' });
    attachPages(b.id, 'market.pdf', ['Stalls along Kirkgate Market.']);
    expect((await lib.ok('searchText', { query: 'Kirkgaet' })).hits.map((h) => h.recordId)).toEqual([b.id]);
    // A record's own words, added by an edit, are near spellings too.
    expect((await lib.ok('searchText', { query: 'Kippaxx' })).hits).toEqual([]);
    const c = await lib.ok('createRecord', { type: 'letter', title: 'Letter', description: 'Sent from Kippax.' });
    expect((await lib.ok('searchText', { query: 'Kipapx' })).hits.map((h) => h.recordId)).toEqual([c.id]);
    // A page's text written again in place (OCR run once more), with no new revision.
    expect((await lib.ok('searchText', { query: 'Tempel' })).hits).toEqual([]);
    const db = new Database(path.join(lib.dir, 'catalogue.sqlite'));
    try {
      writePageText(db, { fileId: survey, page: 1, text: 'The party walked to Temple Newsam.', source: 'ocr' });
    } finally {
      db.close();
    }
    expect((await lib.ok('searchText', { query: 'Tempel' })).hits.map((h) => h.recordId)).toEqual([a.id]);
  });
});

describe('suggestions only when they help', () => {
  it('none under a query that found what was wanted, or six hits; one when nothing was found', async () => {
    const pc = await lib.ok('createRecord', { type: 'report', title: 'PCorpus annual summary' });
    for (let i = 0; i < 4; i++) await lib.ok('createRecord', { type: 'report', title: `Ports visit ${i}` });
    for (let i = 0; i < 6; i++) {
      const r = await lib.ok('createRecord', { type: 'letter', title: `Letter ${i}` });
      attachPages(r.id, `l${i}.pdf`, [`A facsimile of letter ${i}, with the facility plans.`]);
    }
    for (let i = 0; i < 3; i++) await lib.ok('createRecord', { type: 'report', title: `Hangzhou report ${i}` });
    await lib.close();
    const run = async (...query: string[]) => (await cliIn(lib.dir, ['search', ...query])).stdout;
    const pcorpus = await run('PCorpus');
    expect(pcorpus).toContain(`#${pc.id}`);
    expect(pcorpus).not.toContain('Did you mean');
    expect(await run('facsimile')).not.toContain('Did you mean');
    expect(await run('Hangzqqqu')).toContain('Did you mean “hangzhou”?');
    lib = await openTestLibrary(lib.dir);
  });
});

describe('did you mean, and partial matches, in document text', () => {
  it('offers a word of the library that finds much more, flags what only near spellings found', async () => {
    const pages = [];
    for (let i = 0; i < 4; i++) {
      const r = await lib.ok('createRecord', { type: 'report', title: `Visit programme ${i}` });
      attachPages(r.id, `p${i}.pdf`, [`Day ${i}: a tour of Kirkstall Abbey with the delegation.`]);
      pages.push(r.id);
    }
    const typo = await searchBoth('Kirkstlal');
    // The pages are found through the near spelling, and said to be.
    expect(typo.merged.map((h) => h.id).sort()).toEqual([...pages].sort());
    expect(typo.text.hits.every((h) => h.corrected === true)).toBe(true);
    expect(typo.text.suggestions).toEqual([{ text: 'kirkstall', total: 4 }]);
    // As typed, the word finds what it finds: no suggestion.
    expect((await lib.ok('searchText', { query: 'Kirkstall' })).suggestions).toEqual([]);
    // No word of the library near it: no suggestion, and nothing is made up.
    expect((await lib.ok('searchText', { query: 'Qwxzvtrp' })).suggestions).toEqual([]);
  });

  it('a correction that finds hardly more than the typed word is not offered', async () => {
    const a = await lib.ok('createRecord', { type: 'report', title: 'First' });
    attachPages(a.id, 'a.pdf', ['The facsimle of the letter.']);
    const b = await lib.ok('createRecord', { type: 'report', title: 'Second' });
    attachPages(b.id, 'b.pdf', ['A facsimile of the agreement.']);
    const found = await lib.ok('searchText', { query: 'facsimle' });
    // The near spelling reaches the other page, and says so; one more record is not "much more".
    expect(found.hits.map((h) => [h.recordId, h.corrected === true])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    expect(found.suggestions).toEqual([]);
  });

  it('a page with every word outranks a title with all but one', async () => {
    const titled = await lib.ok('createRecord', { type: 'photograph', title: 'Park bench, Leeds' });
    const paged = await lib.ok('createRecord', { type: 'report', title: 'Visit programme' });
    attachPages(paged.id, 'programme.pdf', ['A walk round Roundhay Park with the Lord Mayor.']);
    const { merged } = await searchBoth('Roundhay Park');
    expect(merged.map((h) => [h.id, h.partial])).toEqual([
      [paged.id, false],
      [titled.id, true],
    ]);
  });

  it('when no record has every word, those with all but one come, flagged partial, and the CLI says so', async () => {
    const r = await lib.ok('createRecord', { type: 'report', title: 'Visit programme' });
    attachPages(r.id, 'programme.pdf', ['A walk round Roundhay Park with the Lord Mayor.']);
    const { text, merged } = await searchBoth('Roundhay Park zzqqvvxx');
    expect(text.hits.map((h) => [h.recordId, h.partial])).toEqual([[r.id, true]]);
    expect(merged.map((h) => [h.id, h.partial])).toEqual([[r.id, true]]);
    // Every word matching: not partial.
    expect((await searchBoth('Roundhay Park')).merged.map((h) => [h.id, h.partial])).toEqual([[r.id, false]]);
    await lib.close();
    const run = await cliIn(lib.dir, ['--json', 'search', 'Roundhay', 'Park', 'zzqqvvxx']);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonOf<{ id: number; partial: boolean }[]>(run).map((h) => [h.id, h.partial])).toEqual([[r.id, true]]);
    lib = await openTestLibrary(lib.dir);
  });
});

describe('names across languages', () => {
  it('杭州 finds every record that says Hangzhou, below the direct matches, saying why; and the other way', async () => {
    const place = await lib.ok('createAuthority', {
      kind: 'place',
      name: 'Hangzhou',
      altNames: [{ name: '杭州', language: 'zh-Hans' }],
    });
    const linked = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Memorandum of friendship',
      links: [{ authorityId: place.id, role: 'subject' }],
    });
    const titled = await lib.ok('createRecord', { type: 'report', title: 'Visit to Hangzhou' });
    const described = await lib.ok('createRecord', {
      type: 'letter',
      title: 'Letter of thanks',
      description: 'Thanks for the welcome in Hangzhou last spring.',
    });
    const chinese = await lib.ok('createRecord', { type: 'report', title: '杭州代表团' });
    const other = await lib.ok('createRecord', { type: 'report', title: 'Visit to Qingdao' });

    const { merged } = await searchBoth('杭州');
    const ids = merged.map((h) => h.id);
    // Direct matches first (the linked record, the Chinese title), then those saying Hangzhou.
    expect(ids.slice(0, 2).sort()).toEqual([linked.id, chinese.id].sort());
    expect(ids.slice(2).sort()).toEqual([titled.id, described.id].sort());
    expect(ids).not.toContain(other.id);
    for (const id of [titled.id, described.id])
      expect(merged.find((h) => h.id === id)!.matchedIn).toContainEqual({ field: 'alias', name: 'Hangzhou' });
    for (const id of [linked.id, chinese.id])
      expect(merged.find((h) => h.id === id)!.matchedIn.some((m) => m.field === 'alias')).toBe(false);
    expect(marked(merged.find((h) => h.id === titled.id)!.titleSegments)).toEqual(['Hangzhou']);

    const back = (await searchBoth('hangzhou')).merged;
    // Below the direct record-level matches (records found by their text follow the record-level list, as always).
    expect(back.map((h) => h.id)).toContain(described.id);
    expect(
      back
        .filter((h) => h.source !== 'text')
        .map((h) => h.id)
        .slice(-1),
    ).toEqual([chinese.id]);
    expect(back.find((h) => h.id === chinese.id)!.matchedIn).toContainEqual({ field: 'alias', name: '杭州' });

    // The CLI words it.
    await lib.close();
    const run = await cliIn(lib.dir, ['search', '杭州']);
    expect(run.stdout).toContain('“Hangzhou”, another name of what you searched for');
    lib = await openTestLibrary(lib.dir);
  });
});

describe('bad input: results or a clear explanation, never an error', () => {
  it('answers long, empty, odd and mixed-script queries through the service', async () => {
    const leeds = await lib.ok('createRecord', {
      type: 'agreement',
      title: 'Leeds and Hangzhou library services agreement',
      description: 'The libraries of the two cities agree to exchange books.',
    });
    const mixed = await lib.ok('createRecord', { type: 'report', title: 'Leeds杭州 exchange notes' });
    const warned = async (query: string) => {
      const { outcome, merged } = await searchBoth(query);
      return { kinds: outcome.query.warnings.map((w) => w.kind), ids: merged.map((h) => h.id) };
    };

    const long = await warned('leeds '.repeat(2000));
    expect(long.kinds).toEqual(expect.arrayContaining(['tooLong', 'tooManyWords']));
    expect(long.ids).toContain(leeds.id);
    const oneWord = await warned('a'.repeat(10_000));
    expect(oneWord.kinds).toEqual(['tooLong']);
    expect(oneWord.ids).toEqual([]);

    for (const query of ['?!.,;:—…', '🎉🎉🎉', '((()))', '"""']) {
      const odd = await warned(query);
      expect(odd.kinds, query).toContain('noWords');
      expect(odd.ids, query).toEqual([]);
    }

    // Stop words alone: the record-level index leaves them out, the text finds them.
    expect((await warned('the of and')).ids).toContain(leeds.id);

    const quote = await warned('"library services');
    expect(quote.kinds).toEqual(['closingQuote']);
    expect(quote.ids).toEqual([leeds.id]);
    expect((await warned('(leeds OR (hangzhou')).ids).toContain(leeds.id);

    const ors = await warned(Array.from({ length: 1000 }, (_, i) => (i === 999 ? 'leeds' : `w${i}`)).join(' OR '));
    expect(ors.kinds).toEqual(expect.arrayContaining(['tooLong', 'tooManyWords']));
    const sameOrs = await warned(Array.from({ length: 1000 }, () => 'leeds').join(' OR '));
    expect(sameOrs.ids).toContain(leeds.id);

    expect((await warned('🎉 leeds 🎉')).ids).toContain(leeds.id);
    // A Latin word run into Chinese is two words, as if a space were between them.
    expect((await warned('leeds杭州')).ids).toContain(mixed.id);
    expect((await warned('杭州 exchange')).ids).toEqual([mixed.id]);
  });
});
