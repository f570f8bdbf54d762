/**
 * The record's other links to people, organisations, places, events and partnerships, each with
 * a role and an optional note: the ones no picker of its type shows (a person merely mentioned).
 */
import { useState } from 'react';
import { AUTHORITY_KINDS, LINK_ROLES, type LinkRole } from '../../../shared/model';
import { AUTHORITY_KIND_LABELS, ROLE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { AuthorityCombobox } from './AuthorityCombobox';
import { errorAt, type FieldErrors } from './errors';
import { FieldError, FormField } from '../common/FormField';
import { fieldId } from './Field';
import type { LinkDraft } from './form';
import { NewBadge, withDraft } from './NewBadge';

interface Props {
  links: LinkDraft[];
  /** Links the type's own pickers show, left out here. */
  shownElsewhere: (link: LinkDraft) => boolean;
  errors: FieldErrors;
  onChange: (links: LinkDraft[]) => void;
}

export function LinksEditor({ links, shownElsewhere, errors, onChange }: Props) {
  const { t } = useT('editor');
  const [role, setRole] = useState<LinkRole>('mentioned');
  const [notice, setNotice] = useState('');
  const update = (i: number, change: Partial<LinkDraft>) =>
    onChange(links.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const shown = links.map((l, i) => [l, i] as const).filter(([l]) => !shownElsewhere(l));
  return (
    <fieldset>
      <legend>{t('links.otherTitle')}</legend>
      <FieldError id={`${fieldId('links')}-error`} message={errors['links']} />
      {shown.length === 0 ? <p className="muted">{t('links.none')}</p> : null}
      <ul className="link-rows">
        {shown.map(([l, i]) => {
          const roleId = fieldId(`links.${i}.role`);
          const noteId = fieldId(`links.${i}.note`);
          const error = errorAt(errors, `links.${i}`);
          return (
            <li key={`${l.authorityId ?? l.name}/${i}`} className={error ? 'has-error' : undefined}>
              <span className="link-name">
                {l.name} <span className="muted">({AUTHORITY_KIND_LABELS[l.kind]})</span> <NewBadge link={l} />
              </span>
              <label htmlFor={roleId} className="visually-hidden">
                {t('links.roleOf', { name: l.name })}
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
                {t('links.noteOn', { name: l.name })}
              </label>
              <input
                id={noteId}
                type="text"
                placeholder={t('links.notePlaceholder')}
                value={l.note}
                onChange={(e) => update(i, { note: e.target.value })}
              />
              <button
                type="button"
                className="danger-quiet"
                aria-label={t('links.removeLink', { name: l.name, role: ROLE_LABELS[l.role] })}
                onClick={() => onChange(links.filter((_, j) => j !== i))}
              >
                {t('links.remove')}
              </button>
              <FieldError id={`${fieldId(`links.${i}`)}-error`} message={error} />
            </li>
          );
        })}
      </ul>
      <div className="picker" role="group" aria-label={t('links.add')}>
        <div className="picker-controls">
          <FormField id="links-new-role" label={t('links.role')}>
            {(control) => (
              <select {...control} value={role} onChange={(e) => setRole(e.target.value as LinkRole)}>
                {LINK_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="form-field grow">
            <AuthorityCombobox
              label={t('links.find')}
              kinds={AUTHORITY_KINDS}
              onPick={(a) => {
                if (links.some((l) => l.authorityId === a.id && l.role === role)) {
                  setNotice(t('links.already', { name: a.name, role: ROLE_LABELS[role] }));
                  return;
                }
                onChange([...links, { authorityId: a.id, name: a.name, kind: a.kind, role, note: '' }]);
                setNotice(t('links.linked', { name: a.name, role: ROLE_LABELS[role] }));
              }}
              onCreateLater={(a) => onChange(withDraft(links, { authorityId: null, ...a, role, note: '' }))}
            />
          </div>
        </div>
        <p className="picker-notice" role="status">
          {notice}
        </p>
      </div>
    </fieldset>
  );
}
