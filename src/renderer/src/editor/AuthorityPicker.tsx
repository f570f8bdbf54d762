import { useId, useState, type KeyboardEvent } from 'react';
import { AUTHORITY_KINDS, LINK_ROLES, type AuthorityKind, type AuthorityView, type LinkRole } from '../../../shared/model';
import type { ArchiveError } from '../../../shared/result';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { AUTHORITY_KIND_LABELS, ROLE_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import type { LinkDraft } from './form';

interface Props {
  isLinked: (authorityId: number, role: LinkRole) => boolean;
  onAdd: (link: LinkDraft) => void;
}

/** Enter in a field of the picker must not submit the record editor around it. */
const keepEnter = (e: KeyboardEvent) => {
  if (e.key === 'Enter') e.preventDefault();
};

/**
 * Adds a link: choose the role, find the authority by name (alternate names too), or create
 * a new one on the spot when it is not in the catalogue yet.
 */
export function AuthorityPicker({ isLinked, onAdd }: Props) {
  const id = useId();
  const [role, setRole] = useState<LinkRole>('mentioned');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<AuthorityKind | ''>('');
  const [newKind, setNewKind] = useState<AuthorityKind>('person');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<ArchiveError | null>(null);
  const [notice, setNotice] = useState('');
  const trimmed = query.trim();

  const found = useResult(
    () => (trimmed ? archive.listAuthorities({ query: trimmed, ...(kind ? { kind } : {}), limit: 8 }) : null),
    [trimmed, kind],
  );

  const add = (a: Pick<AuthorityView, 'id' | 'name' | 'kind'>) => {
    if (isLinked(a.id, role)) {
      setNotice(`${a.name} is already linked as ${ROLE_LABELS[role]}.`);
      return;
    }
    onAdd({ authorityId: a.id, name: a.name, kind: a.kind, role, note: '' });
    setNotice(`Linked ${a.name} as ${ROLE_LABELS[role]}.`);
    setQuery('');
  };

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    const result = await archive.createAuthority({ kind: newKind, name: trimmed });
    setCreating(false);
    if (result.ok) add(result.value);
    else setCreateError(result.error);
  };

  return (
    <div className="picker" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Add a link</h4>
      <div className="picker-controls">
        <div className="form-field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as LinkRole)}>
            {LINK_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field grow">
          <label htmlFor={`${id}-query`}>Find a person, organisation, place, event or partnership</label>
          <input
            id={`${id}-query`}
            type="search"
            value={query}
            autoComplete="off"
            onKeyDown={keepEnter}
            onChange={(e) => {
              setQuery(e.target.value);
              setNotice('');
              setCreateError(null);
            }}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AuthorityKind | '')}>
            <option value="">All kinds</option>
            {AUTHORITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {AUTHORITY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="picker-notice" role="status">
        {notice}
      </p>
      <ErrorText error={found.error} prefix="Search failed" />
      {trimmed && found.value ? (
        <>
          {found.value.items.length > 0 ? (
            <ul className="picker-results" aria-label="Matching authority records">
              {found.value.items.map((a) => (
                <li key={a.id}>
                  <button type="button" onClick={() => add(a)} aria-label={`Link ${a.name} (${AUTHORITY_KIND_LABELS[a.kind]}) as ${ROLE_LABELS[role]}`}>
                    {a.name}
                  </button>{' '}
                  <span className="muted">{AUTHORITY_KIND_LABELS[a.kind]}</span>
                  {a.altNames.length > 0 ? <span className="muted"> · {a.altNames.map((n) => n.name).join(', ')}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing called “{trimmed}” yet.</p>
          )}
          <div className="picker-create">
            <label htmlFor={`${id}-new-kind`}>Or create “{trimmed}” as a new</label>
            <select id={`${id}-new-kind`} value={newKind} onChange={(e) => setNewKind(e.target.value as AuthorityKind)}>
              {AUTHORITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {AUTHORITY_KIND_LABELS[k].toLowerCase()}
                </option>
              ))}
            </select>
            <button type="button" disabled={creating} onClick={() => void create()}>
              Create and link
            </button>
          </div>
          <ErrorText error={createError} prefix="Not created" />
        </>
      ) : null}
    </div>
  );
}
