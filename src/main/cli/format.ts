/** Human-readable output of the CLI (with --json, JSON is printed instead). */
import { AGREEMENT_KIND_LABELS, RECORD_TYPE_LABELS, type RecordSummary, type RecordView } from '../../shared/model';
import type { MatchedIn } from '../../shared/channels/search';
import type { MergedHit } from '../../shared/search/merge';
import { segmentsText } from '../../shared/search/snippet';

export function shownDate(r: { date: string | null; dateEnd?: string | null; dateApproximate?: boolean }): string {
  if (!r.date) return 'undated';
  return `${r.dateApproximate ? 'c. ' : ''}${r.date}${r.dateEnd ? ` – ${r.dateEnd}` : ''}`;
}

export function summaryLine(r: RecordSummary): string {
  const ref = r.referenceCode ? `  [${r.referenceCode}]` : '';
  return `#${String(r.id).padEnd(6)} ${shownDate(r).padEnd(12)} ${RECORD_TYPE_LABELS[r.type].padEnd(16)} ${r.title}${ref}`;
}

/** Where a hit matched, in the CLI's English (the renderer words the same keys in its language). */
const MATCHED_WORDS: Record<Exclude<MatchedIn, { field: 'role' | 'page' }>['field'], string> = {
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
  return MATCHED_WORDS[m.field];
}

export function mergedLine(h: MergedHit): string {
  const head = `#${String(h.id).padEnd(6)} ${(h.date || 'undated').padEnd(12)} ${RECORD_TYPE_LABELS[h.type].padEnd(16)} ${h.title}`;
  const snip = segmentsText(h.snippet);
  return `${head}\n        matched in ${h.matchedIn.map(matchedInWords).join(', ')}${snip ? `\n        ${snip}` : ''}`;
}

export function recordText(r: RecordView): string {
  const lines: string[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${label.padEnd(18)} ${value}`);
  };
  lines.push(`#${r.id} ${r.title}`);
  field('Title (other)', r.titleAlt && `${r.titleAlt}${r.titleAltLanguage ? ` [${r.titleAltLanguage}]` : ''}`);
  field('Type', RECORD_TYPE_LABELS[r.type] + (r.agreementKind ? ` — ${AGREEMENT_KIND_LABELS[r.agreementKind]}` : '') + (r.medium ? ` — ${r.medium}` : ''));
  field('Date', shownDate(r));
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
  if (r.commitments.length) {
    lines.push('Commitments');
    for (const c of r.commitments) lines.push(`  - [${c.status}] ${c.text}`);
  }
  if (r.links.length) {
    lines.push('Linked');
    for (const l of r.links) lines.push(`  - ${l.role}: ${l.name} (${l.kind} #${l.authorityId})${l.note ? ` — ${l.note}` : ''}`);
  }
  field('Notes', r.notes);
  field('Updated', `${r.updatedAt} (revision ${r.revision})`);
  return lines.join('\n');
}
