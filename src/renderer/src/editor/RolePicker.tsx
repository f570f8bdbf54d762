/**
 * The people or bodies in one role for this type of record — an agreement's signatories and
 * parties, a photograph's photographer — chosen (or created) with the combobox, each removable.
 * They are links like any other; the record's other links are edited below the form.
 */
import type { AuthorityKind, LinkRole } from '../../../shared/model';
import { AUTHORITY_KIND_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';
import { AuthorityCombobox } from './AuthorityCombobox';
import { errorAt, type FieldErrors } from './errors';
import { FieldError } from '../common/FormField';
import { fieldId } from './Field';
import type { LinkDraft } from './form';
import { NewBadge, withDraft } from './NewBadge';
import { OnBehalfOf } from './OnBehalfOf';

interface Props {
  role: LinkRole;
  kinds: readonly AuthorityKind[];
  title: string;
  addLabel: string;
  links: LinkDraft[];
  errors: FieldErrors;
  onChange: (links: LinkDraft[]) => void;
}

export function RolePicker({ role, kinds, title, addLabel, links, errors, onChange }: Props) {
  const { t } = useT('editor');
  const mine = links.map((l, i) => [l, i] as const).filter(([l]) => l.role === role && kinds.includes(l.kind));
  return (
    <fieldset className="role-picker">
      <legend>{title}</legend>
      {mine.length > 0 ? (
        <ul className="chosen">
          {mine.map(([l, i]) => {
            const error = errorAt(errors, `links.${i}`);
            return (
              <li key={`${l.authorityId ?? l.name}/${l.role}`} className={error ? 'has-error' : undefined}>
                <span className="chosen-name">{l.name}</span>{' '}
                <span className="muted">{AUTHORITY_KIND_LABELS[l.kind]}</span> <NewBadge link={l} />
                {role === 'signatory' ? <OnBehalfOf index={i} links={links} onChange={onChange} /> : null}
                <button
                  type="button"
                  className="danger-quiet"
                  aria-label={t('links.removeFrom', { name: l.name, list: title })}
                  onClick={() => onChange(links.filter((_, j) => j !== i))}
                >
                  {t('links.remove')}
                </button>
                <FieldError id={`${fieldId(`links.${i}`)}-error`} message={error} />
              </li>
            );
          })}
        </ul>
      ) : null}
      <AuthorityCombobox
        label={addLabel}
        kinds={kinds}
        exclude={(id) => mine.some(([l]) => l.authorityId === id)}
        onPick={(a) => onChange([...links, { authorityId: a.id, name: a.name, kind: a.kind, role, note: '' }])}
        onCreateLater={(a) => onChange(withDraft(links, { authorityId: null, ...a, role, note: '' }))}
      />
    </fieldset>
  );
}
