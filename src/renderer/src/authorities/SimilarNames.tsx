/**
 * Under an authority's name while it is being changed: the others it may duplicate ("Cllr J.
 * Blake" may be Judith Blake), each a link to its page — where the two can be merged.
 */
import type { AuthorityKind } from '../../../shared/model';
import { archive } from '../archive';
import { routeHref } from '../app/route';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';

interface Props {
  id: string;
  name: string;
  kind: AuthorityKind;
  /** The authority being edited, never its own duplicate. */
  excludeId: number;
  /** Its name as saved: no hint until it changes. */
  saved: string;
}

export function SimilarNames({ id, name, kind, excludeId, saved }: Props) {
  const { t } = useT('authorities');
  const typed = name.trim();
  const asked = typed !== '' && typed !== saved;
  const similar = useResult(
    () => (asked ? archive.similarAuthorities({ name: typed, kind, excludeId, limit: 3 }) : null),
    [asked, typed, kind, excludeId],
  );
  const items = asked ? (similar.value?.items ?? []) : [];
  return (
    <p id={id} className="hint similar-names" role="status">
      {items.length > 0 ? (
        <>
          {t('form.similar', { count: items.length })}{' '}
          {items.map((m, i) => (
            <span key={m.authority.id}>
              {i > 0 ? ', ' : ''}
              <a href={routeHref({ view: 'authority', id: m.authority.id })}>{m.authority.name}</a>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}
