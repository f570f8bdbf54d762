/** Human-readable output of the CLI (with --json, JSON is printed instead). */
import { AGREEMENT_KIND_LABELS, RECORD_TYPE_LABELS, type RecordSummary, type RecordView } from '../../shared/model';
import type { MatchedIn } from '../../shared/channels/search';
import type { MergedHit } from '../../shared/search/merge';
import type { Clause, QueryWarning, Scope, Understood } from '../../shared/search/query';
import { segmentsText } from '../../shared/search/snippet';

function shownDate(r: { date: string | null; dateEnd?: string | null; dateApproximate?: boolean }): string {
  if (!r.date) return 'undated';
  return `${r.dateApproximate ? 'c. ' : ''}${r.date}${r.dateEnd ? ` – ${r.dateEnd}` : ''}`;
}

export function summaryLine(r: RecordSummary): string {
  const ref = r.referenceCode ? `  [${r.referenceCode}]` : '';
  return `#${String(r.id).padEnd(6)} ${shownDate(r).padEnd(12)} ${RECORD_TYPE_LABELS[r.type].padEnd(16)} ${r.title}${ref}`;
}

/** Where a hit matched, in the CLI's English (the renderer words the same keys in its language). */
const MATCHED_WORDS: Record<Exclude<MatchedIn, { field: 'role' | 'page' | 'alias' }>['field'], string> = {
  title: 'title',
  titleAlt: 'title (other language)',
  referenceCode: 'reference code',
  person: 'person',
  organisation: 'organisation',
  place: 'place',
  event: 'event',
  partnership: 'partnership',
  tag: 'tag',
  outlet: 'outlet',
  type: 'type',
  date: 'date',
  description: 'description',
  text: 'text',
  catalogue: 'catalogue fields',
};

export function matchedInWords(m: MatchedIn): string {
  if (m.field === 'role') return m.role;
  if (m.field === 'page') return `page ${m.page} of ${m.file}`;
  if (m.field === 'alias') return `“${m.name}”, another name of what was searched`;
  return MATCHED_WORDS[m.field];
}

const SCOPE_WORDS: Record<Scope, string> = {
  title: 'title',
  person: 'a person',
  org: 'an organisation',
  place: 'a place',
  tag: 'a tag',
  ref: 'the reference code',
  partnership: 'a partnership',
};

function clauseWords(c: Clause): string {
  const words = c.phrase ? `the phrase “${c.text}”` : `“${c.text}”`;
  const where = c.scope ? `${SCOPE_WORDS[c.scope]} matching ${words}` : words;
  return c.negated ? `not ${where}` : where;
}

/** One part of what a query was understood as, in English: "a person matching “blake”", "in 2018". */
export function understoodWords(u: Understood): string {
  switch (u.kind) {
    case 'words':
      return u.any.map(clauseWords).join(' or ');
    case 'year':
      return `in ${u.year}`;
    case 'from':
    case 'to':
      return `${u.kind} ${u.value}`;
    case 'type':
      return `type ${RECORD_TYPE_LABELS[u.type]}`;
  }
}

/** What the query parser fixed or ignored, in English. */
export function warningWords(w: QueryWarning): string {
  switch (w.kind) {
    case 'closingQuote':
      return 'added the missing closing quote';
    case 'loneOr':
      return '“OR” needs words on both sides; it was ignored';
    case 'badDate':
      return `${w.bound}: needs a date like 2018 or 2018-09 (${w.value ? `“${w.value}” ignored` : 'nothing given'})`;
    case 'badYear':
      return `year: needs four digits (“${w.value}” ignored)`;
    case 'badType':
      return `type: “${w.value}” is not a record type; ignored`;
    case 'unknownField':
      return `“${w.field}:” is not a field; searched as words`;
    case 'datesSwapped':
      return `the dates run backwards (from ${w.from} to ${w.to}); swapped them`;
    case 'tooLong':
      return `the query is longer than ${w.kept} characters; only the first ${w.kept} were searched`;
    case 'tooManyWords':
      return `the query has more than ${w.kept} words; only the first ${w.kept} were searched`;
    case 'noWords':
      return 'the query has no words to search for (only punctuation or symbols)';
  }
}

export function mergedLine(h: MergedHit): string {
  const head = `#${String(h.id).padEnd(6)} ${(h.date || 'undated').padEnd(12)} ${RECORD_TYPE_LABELS[h.type].padEnd(16)} ${h.title}`;
  const snip = segmentsText(h.snippet);
  const partial = h.partial ? 'matches all but one word; ' : '';
  return `${head}\n        ${partial}matched in ${h.matchedIn.map(matchedInWords).join(', ')}${snip ? `\n        ${snip}` : ''}`;
}

/** The bibliographic description, when the record has one: CSL's names for the fields, as a citation manager shows them. */
function publicationLines(r: RecordView): string[] {
  const out: string[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (value) out.push(`  ${label.padEnd(20)} ${value}`);
  };
  field('Publication type', r.cslType);
  field('Genre', r.genre);
  field('Container title', r.containerTitle);
  field('Series title', r.collectionTitle);
  field('Volume', r.volume);
  field('Issue', r.issue);
  field('Pages', r.page);
  field('Edition', r.edition);
  field('Number', r.number);
  field('Place of publication', r.publisherPlace);
  field('Format', r.format);
  field('DOI', r.doi);
  field('ISBN', r.isbn);
  field('ISSN', r.issn);
  field('Accessed', r.accessed);
  for (const [key, value] of Object.entries(r.extraCsl ?? {}))
    field(key, typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

export function recordText(r: RecordView): string {
  const lines: string[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${label.padEnd(18)} ${value}`);
  };
  lines.push(`#${r.id} ${r.title}`);
  field('Title (other)', r.titleAlt && `${r.titleAlt}${r.titleAltLanguage ? ` [${r.titleAltLanguage}]` : ''}`);
  field(
    'Type',
    RECORD_TYPE_LABELS[r.type] +
      (r.agreementKind ? ` — ${AGREEMENT_KIND_LABELS[r.agreementKind]}` : '') +
      (r.medium ? ` — ${r.medium}` : ''),
  );
  field('Date', shownDate(r));
  field('Date as written', r.dateText);
  field('Reference code', r.referenceCode);
  field('Languages', r.languages.join(', '));
  field('Issuer/publisher', r.publisher);
  field('Outlet', r.outlet);
  field('Programme', r.programme);
  field('URL', r.url);
  field('Date signed', r.dateSigned);
  field('Place signed', r.placeSigned);
  field('Access', r.accessStatus);
  field('Rights', r.rights);
  field('Location', r.physicalLocation);
  field('Extent', r.extent);
  field('Collection', r.collection?.name);
  field('Tags', r.tags.join(', '));
  field('Description', r.description);
  const publication = publicationLines(r);
  if (publication.length) {
    lines.push('Publication');
    lines.push(...publication);
  }
  if (r.commitments.length) {
    lines.push('Commitments');
    for (const c of r.commitments) lines.push(`  - [${c.status}] ${c.text}`);
  }
  if (r.links.length) {
    lines.push('Linked');
    for (const l of r.links)
      lines.push(`  - ${l.role}: ${l.name} (${l.kind} #${l.authorityId})${l.note ? ` — ${l.note}` : ''}`);
  }
  field('Notes', r.notes);
  field('Updated', `${r.updatedAt} (revision ${r.revision})`);
  return lines.join('\n');
}
