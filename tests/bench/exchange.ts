/**
 * `npm run bench:exchange`: importing a bibliography and citing from it, on a file this script
 * generates (5,000 BibTeX entries: @string macros and # concatenation, TeX accents, braces,
 * crossref, month macros, comments and text between entries).
 *   1. reading the file: our BibTeX reader (Better BibTeX's parser, then CSL-JSON), and, as the peer
 *      measured in the same run, citation-js's BibTeX plugin on the same file;
 *   2. importing it through the service (read, validate, write 5,000 records in one transaction);
 *   3. citing 1,000 of those records in APA (citeRecords: bibliography and in-text citation, text
 *      and HTML), and, as the peer, citation-js (citeproc-js) rendering the same 1,000 CSL-JSON items.
 * Figures are wall-clock seconds on this machine, whatever else it is running: compare the ratios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { readBibtex } from '../../src/main/exchange/bibtex';
import { inProcessExecutor } from '../../src/main/service/executor';
import { createService } from '../../src/main/service/service';

const ENTRIES = 5_000;
const CITED = 1_000;
const GIVEN = ['J{\\"o}rg', 'Zo{\\"e}', '{\\O}yvind', 'Si{\\^a}n', 'Fran{\\c{c}}ois', 'Wei', 'Ana', "Jos{\\'e}"];
const FAMILY = ['M{\\"u}ller', 'Bront{\\"e}', 'van Gennep', 'de la Fontaine', 'Zhang', "N{\\'u}{\\~n}ez", 'Smith'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function bibliography(n: number): string {
  const out = [
    '% A generated bibliography for the benchmark.',
    '@string{jcp = "Journal of Civic Partnerships"}',
    '@string{lcc = "Leeds City Council"}',
    '@proceedings{proc2018, title = {Proceedings of the Twinning Conference}, year = 2018, publisher = lcc}',
    'Text between entries, as BibTeX allows.',
  ];
  for (let i = 0; i < n; i++) {
    const author = `${FAMILY[i % FAMILY.length]}, ${GIVEN[i % GIVEN.length]} and ${GIVEN[(i + 3) % GIVEN.length]} ${FAMILY[(i + 2) % FAMILY.length]}`;
    const year = 1950 + (i % 70);
    const month = MONTHS[i % 12];
    switch (i % 4) {
      case 0:
        out.push(
          `@article{a${i}, author = {${author}}, title = {Record ${i}: {Leeds} and {Hangzhou} in the {\\TeX} age},`,
          `  journal = jcp, volume = ${i % 40}, number = ${i % 12}, pages = {${i}--${i + 9}}, year = ${year}, month = ${month},`,
          `  doi = {10.1000/bench.${i}}}`,
        );
        break;
      case 1:
        out.push(
          `@book{b${i}, author = {${author}}, title = {A history of twinning, part ${i}}, publisher = lcc # " Press",`,
          `  address = {Leeds}, edition = {2}, isbn = {978-0-00-000000-${i % 10}}, year = {${year}}}`,
        );
        break;
      case 2:
        out.push(
          `@inproceedings{c${i}, author = {${author}}, title = {Cultural exchange {${i}}}, crossref = {proc2018}, pages = {1--${i % 90}}}`,
        );
        break;
      default:
        out.push(
          `@techreport{d${i}, author = {{Leeds City Council}}, title = {Annual report ${i} on the partnership}, institution = lcc,`,
          `  number = {LCC/${i}}, year = ${year}, note = {Minutes, {\\S}~${i % 9}, in {\\"O}sterreich}}`,
        );
    }
    if (i % 250 === 0) out.push(`@comment{checkpoint ${i}}`);
  }
  return `${out.join('\n')}\n`;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (s: number) => s.toFixed(2);

async function main(): Promise<void> {
  const content = bibliography(ENTRIES);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-bench-exchange-'));
  try {
    console.log(`bench:exchange: ${ENTRIES} BibTeX entries (${(content.length / 1e6).toFixed(2)} MB), cite ${CITED}`);

    let start = process.hrtime.bigint();
    const ours = readBibtex(content);
    const oursRead = seconds(start);
    if (ours.items.length !== ENTRIES + 1 || ours.problems.length > 0)
      throw new Error(`read ${ours.items.length} entries, ${ours.problems.length} problems: the generator is wrong`);

    start = process.hrtime.bigint();
    const peer = plugins.input.chain(content, { forceType: '@bibtex/text', generateGraphs: false }) as unknown[];
    const peerRead = seconds(start);

    const service = createService(await inProcessExecutor(path.join(dir, 'library'), 'bench'));
    try {
      start = process.hrtime.bigint();
      const imported = await service.call('importMetadata', { content, format: 'bibtex', skipBadRows: true });
      const importSeconds = seconds(start);
      if (!imported.ok) throw new Error(imported.error.message);

      const ids = imported.value.rows
        .filter((r) => r.recordId !== undefined)
        .slice(0, CITED)
        .map((r) => r.recordId!);
      start = process.hrtime.bigint();
      const cited = await service.call('citeRecords', { ids, style: 'apa' });
      const citeSeconds = seconds(start);
      if (!cited.ok) throw new Error(cited.error.message);

      const items = await service.call('exportCitations', { ids, format: 'csl-json' });
      if (!items.ok) throw new Error(items.error.message);
      const csl = JSON.parse(items.value.content) as unknown[];
      start = process.hrtime.bigint();
      const peerBibliography = new Cite(csl).format('bibliography', { template: 'apa', format: 'html', lang: 'en-US' });
      const peerCiteSeconds = seconds(start);

      console.log(
        [
          `read (parse to CSL-JSON):   ours ${fmt(oursRead)} s (${ours.items.length} entries)   citation-js plugin-bibtex ${fmt(peerRead)} s (${peer.length} entries)   ratio ${(oursRead / peerRead).toFixed(1)}x`,
          `import (read + 5,000 records written): ${fmt(importSeconds)} s   (${imported.value.imported} imported, ${imported.value.skipped} skipped, ${imported.value.failed} refused; ${Math.round(imported.value.imported / importSeconds)} records/s)`,
          `cite ${ids.length} records, APA:   citeRecords ${fmt(citeSeconds)} s (${cited.value.entries.length} entries, in-text and bibliography, text and HTML)   citation-js/citeproc-js bibliography alone ${fmt(peerCiteSeconds)} s (${String(peerBibliography).split('class="csl-entry"').length - 1} entries)   ratio ${(citeSeconds / peerCiteSeconds).toFixed(1)}x`,
        ].join('\n'),
      );
    } finally {
      await service.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
