/**
 * Where a hit matched, in the interface language: the search engine reports keys (MatchedIn),
 * the CLI words them in English (src/main/cli/format.ts), the results pane here. Pure (the role
 * names are passed in), so the wording of every key can be checked in each language.
 */
import type { TFunction } from 'i18next';
import type { MatchedIn } from '../../../shared/channels/search';
import type { LinkRole } from '../../../shared/model';

export function whereMatched(
  where: MatchedIn,
  t: TFunction<'search'>,
  roles: Readonly<Record<LinkRole, string>>,
): string {
  if (where.field === 'role') return roles[where.role].toLocaleLowerCase();
  if (where.field === 'page') return t('where.page', { page: where.page, file: where.file });
  if (where.field === 'alias') return t('where.alias', { name: where.name });
  return t(`where.${where.field}`);
}
