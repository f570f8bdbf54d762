/** Human-readable output of the CLI (with --json, JSON is printed instead). */
import {
  AGREEMENT_KIND_LABELS,
  LINK_ROLES,
  RECORD_TYPE_LABELS,
  type LinkRole,
  type RecordSummary,
  type RecordView,
} from '../../shared/model';
import type { MatchedIn } from '../../shared/channels/search';
import type { MergedHit } from '../../shared/search/merge';
import type { QueryWarning, Understood } from '../../shared/search/query';
import { understoodText, warningText, whereMatched } from '../../shared/search/words';
import { englishSay } from '../../shared/search/words-en';
import { segmentsText } from '../../shared/search/snippet';

function shownDate(r: { date: string | null; dateEnd?: string | null; dateApproximate?: boolean }): string {
  if (!r.date) return 'undated';
  return `${r.dateApproximate ? 'c. ' : ''}${r.date}${r.dateEnd ? ` – ${r.dateEnd}` : ''}`;
}

export function summaryLine(r: RecordSummary): string {
  const ref = r.referenceCode ? `  [${r.referenceCode}]` : '';
  return `#${String(r.id).padEnd(6)} ${shownDate(r).padEnd(12)} ${RECORD_TYPE_LABELS[r.type].padEnd(16)} ${r.title}${ref}`;
}

/** Where a hit matched, in the CLI's English (the renderer says the same keys in its language). */
/** The CLI names a role by its key ("signatory"), as its other commands and --role options do. */
const ROLE_WORDS = Object.fromEntries(LINK_ROLES.map((r) => [r, r])) as Record<LinkRole, string>;

export function matchedInWords(m: MatchedIn): string {
  return whereMatched(m, englishSay, ROLE_WORDS);
}

/** One part of what a query was understood as, in English: "a person matching “blake”", "in 2018". */
export function understoodWords(u: Understood): string {
  return understoodText(u, englishSay, RECORD_TYPE_LABELS);
}

/** What the query parser fixed or ignored, in English. */
export function warningWords(w: QueryWarning): string {
  return warningText(w, englishSay);
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
