/**
 * A person or body named in this form but not created yet: marked "new" beside its name, and
 * created with the record when it is saved (so Cancel leaves nothing behind).
 */
import { useT } from '../i18n/i18n';
import type { LinkDraft } from './form';

export function NewBadge({ link }: { link: LinkDraft }) {
  const { t } = useT('editor');
  return link.authorityId === null ? <span className="badge new-authority">{t('combobox.newBadge')}</span> : null;
}

/** Adds a link to an authority still to be created, once: the same name, kind and role again changes nothing. */
export function withDraft(links: LinkDraft[], draft: LinkDraft): LinkDraft[] {
  const same = (l: LinkDraft) =>
    l.authorityId === null && l.kind === draft.kind && l.role === draft.role && l.name === draft.name;
  return links.some(same) ? links : [...links, draft];
}
