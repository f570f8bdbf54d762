import { AUTHORITY_KINDS, type LinkView } from '../../../shared/model';
import { AUTHORITY_GROUP_LABELS, ROLE_LABELS } from '../common/labels';

interface Props {
  links: LinkView[];
  /** Show the records linked to this authority in the list. */
  onShowLinked: (authority: { id: number; name: string }) => void;
}

/** The record's people, organisations, places, events and partnerships, each with its role. */
export function LinkGroups({ links, onShowLinked }: Props) {
  if (links.length === 0) return null;
  return (
    <section className="record-section" aria-labelledby="links-heading">
      <h3 id="links-heading">Linked to</h3>
      {AUTHORITY_KINDS.map((kind) => {
        const group = links.filter((l) => l.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="link-group">
            <h4>{AUTHORITY_GROUP_LABELS[kind]}</h4>
            <ul>
              {group.map((l) => (
                <li key={`${l.authorityId}/${l.role}`}>
                  <button
                    type="button"
                    className="link-button"
                    title={`Show the records linked to ${l.name}`}
                    onClick={() => onShowLinked({ id: l.authorityId, name: l.name })}
                  >
                    {l.name}
                  </button>{' '}
                  <span className="role">{ROLE_LABELS[l.role]}</span>
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
