import { AUTHORITY_KINDS, type LinkView } from '../../../shared/model';
import { routeHref } from '../app/route';
import { AUTHORITY_GROUP_LABELS, ROLE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';

interface Props {
  links: LinkView[];
  /** Show the records linked to this authority in the list. */
  onShowLinked: (authority: { id: number; name: string }) => void;
}

/**
 * The record's people, organisations, places, events and partnerships, each with its role. A name
 * opens its authority page (everything linked to it); "List" narrows the record list to them.
 */
export function LinkGroups({ links, onShowLinked }: Props) {
  const { t } = useT('record');
  if (links.length === 0) return null;
  return (
    <section className="record-section" aria-labelledby="links-heading">
      <h3 id="links-heading">{t('sections.links')}</h3>
      {AUTHORITY_KINDS.map((kind) => {
        const group = links.filter((l) => l.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="link-group">
            <h4>{AUTHORITY_GROUP_LABELS[kind]}</h4>
            <ul>
              {group.map((l) => (
                <li key={`${l.authorityId}/${l.role}`}>
                  <a
                    href={routeHref({ view: 'authority', id: l.authorityId })}
                    title={t('links.open', { name: l.name })}
                  >
                    {l.name}
                  </a>
                  {l.onBehalfOf ? (
                    <>
                      {t('links.onBehalfOf')}
                      <a href={routeHref({ view: 'authority', id: l.onBehalfOf.id })}>{l.onBehalfOf.name}</a>
                    </>
                  ) : null}{' '}
                  <span className="role">{ROLE_LABELS[l.role]}</span>{' '}
                  <button
                    type="button"
                    className="link-button quiet-small"
                    aria-label={t('links.showInListLabel', { name: l.name })}
                    onClick={() => onShowLinked({ id: l.authorityId, name: l.name })}
                  >
                    {t('links.showInList')}
                  </button>
                  {l.note ? <p className="note">{l.note}</p> : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
