/**
 * The search engine says where a hit matched in English words ("title", "signatory", "page 2 of
 * mou.pdf"), as the CLI prints them; the results pane shows them in the interface language.
 */
import type { TFunction } from 'i18next';
import type { LinkRole } from '../../../shared/model';
import { ROLE_LABELS } from '../common/labels';

const WHERE = {
  title: 'title',
  'title (other language)': 'titleAlt',
  'reference code': 'referenceCode',
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
  'catalogue fields': 'catalogue',
} as const;

export function whereMatched(label: string, t: TFunction<'search'>): string {
  const page = /^page (\d+) of (.+)$/.exec(label);
  if (page) return t('where.page', { page: page[1], file: page[2] });
  if (label in WHERE) return t(`where.${WHERE[label as keyof typeof WHERE]}`);
  if (label in ROLE_LABELS) return ROLE_LABELS[label as LinkRole].toLocaleLowerCase();
  return label;
}
