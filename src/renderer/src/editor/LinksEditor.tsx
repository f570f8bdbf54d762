import { LINK_ROLES, type LinkRole } from '../../../shared/model';
import { AUTHORITY_KIND_LABELS, ROLE_LABELS } from '../common/labels';
import { AuthorityPicker } from './AuthorityPicker';
import { errorAt, type FieldErrors } from './errors';
import { fieldId, FieldError } from './Field';
import type { LinkDraft } from './form';

interface Props {
  links: LinkDraft[];
  errors: FieldErrors;
  onChange: (links: LinkDraft[]) => void;
}

/** The record's links to people, organisations, places, events and partnerships, each with a role. */
export function LinksEditor({ links, errors, onChange }: Props) {
  const update = (i: number, change: Partial<LinkDraft>) => onChange(links.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <fieldset>
      <legend>Links</legend>
      <FieldError id={`${fieldId('links')}-error`} message={errors['links']} />
      {links.length === 0 ? <p className="muted">Not linked to anyone or anything yet.</p> : null}
      <ul className="link-rows">
        {links.map((l, i) => {
          const roleId = fieldId(`links.${i}.role`);
          const noteId = fieldId(`links.${i}.note`);
          const error = errorAt(errors, `links.${i}`);
          return (
            <li key={`${l.authorityId}/${i}`} className={error ? 'has-error' : undefined}>
              <span className="link-name">
                {l.name} <span className="muted">({AUTHORITY_KIND_LABELS[l.kind]})</span>
              </span>
              <label htmlFor={roleId} className="visually-hidden">
                Role of {l.name}
              </label>
              <select
                id={roleId}
                value={l.role}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${fieldId(`links.${i}`)}-error` : undefined}
                onChange={(e) => update(i, { role: e.target.value as LinkRole })}
              >
                {LINK_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              <label htmlFor={noteId} className="visually-hidden">
                Note on the link to {l.name}
              </label>
              <input
                id={noteId}
                type="text"
                placeholder="Note (optional)"
                value={l.note}
                onChange={(e) => update(i, { note: e.target.value })}
              />
              <button
                type="button"
                className="danger-quiet"
                aria-label={`Remove the link to ${l.name} (${ROLE_LABELS[l.role]})`}
                onClick={() => onChange(links.filter((_, j) => j !== i))}
              >
                Remove
              </button>
              <FieldError id={`${fieldId(`links.${i}`)}-error`} message={error} />
            </li>
          );
        })}
      </ul>
      <AuthorityPicker
        isLinked={(authorityId, role) => links.some((l) => l.authorityId === authorityId && l.role === role)}
        onAdd={(link) => onChange([...links, link])}
      />
    </fieldset>
  );
}
