/**
 * The combobox's options: authority records whose names match what is typed, then "create" for
 * each kind offered when no name matches exactly; and the listbox items that show them.
 */
import type { AuthorityKind, AuthorityView } from '../../../shared/model';
import { archive } from '../archive';
import { AUTHORITY_KIND_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';

export type Option =
  | {
      key: string;
      kind: 'found';
      authority: AuthorityView;
      /** A possible match, by this name, not a plain find. */ similar?: string;
    }
  | { key: string; kind: 'create'; as: AuthorityKind };

interface Wanted {
  /** What is typed, trimmed. */
  text: string;
  /** The list is open: only then is the service asked. */
  searching: boolean;
  kinds: readonly AuthorityKind[];
  allowCreate: boolean;
  exclude: ((id: number) => boolean) | undefined;
}

export function useAuthorityOptions({ text, searching, kinds, allowCreate, exclude }: Wanted) {
  // One kind is searched by the service; several are searched together and filtered here.
  const found = useResult(
    () =>
      searching && text
        ? archive.listAuthorities({ query: text, ...(kinds.length === 1 ? { kind: kinds[0] } : {}), limit: 20 })
        : null,
    [searching, text, kinds.join(',')],
  );
  // Possible duplicates ("Cllr J. Blake" may be Judith Blake), offered before "create" so the existing one is chosen.
  const similar = useResult(
    () =>
      searching && allowCreate && text
        ? archive.similarAuthorities({ name: text, ...(kinds.length === 1 ? { kind: kinds[0] } : {}), limit: 5 })
        : null,
    [searching, allowCreate, text, kinds.join(',')],
  );
  const wanted = (a: AuthorityView) => kinds.includes(a.kind) && !exclude?.(a.id);
  const matches = (found.value?.items ?? []).filter(wanted).slice(0, 8);
  const alike = (similar.value?.items ?? []).filter(
    (m) => wanted(m.authority) && !matches.some((a) => a.id === m.authority.id),
  );
  const exact = matches.some((a) => a.name.toLowerCase() === text.toLowerCase());
  const options: Option[] = [
    ...matches.map((a) => ({ key: `a${a.id}`, kind: 'found' as const, authority: a })),
    ...alike.map((m) => ({
      key: `a${m.authority.id}`,
      kind: 'found' as const,
      authority: m.authority,
      similar: m.matched,
    })),
    ...(allowCreate && text && !exact ? kinds.map((k) => ({ key: `new-${k}`, kind: 'create' as const, as: k })) : []),
  ];
  return { options, loading: found.loading, error: found.error };
}

interface OptionsProps {
  options: Option[];
  active: number;
  text: string;
  loading: boolean;
  optionId: (index: number) => string;
  onChoose: (option: Option) => void;
  onHover: (index: number) => void;
}

export function AuthorityOptions({ options, active, text, loading, optionId, onChoose, onHover }: OptionsProps) {
  const { t } = useT('editor');
  return (
    <>
      {options.map((o, i) => (
        <li
          key={o.key}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          // mousedown, not click: the text box must not lose the focus (and close the list) first.
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(o);
          }}
          onMouseMove={() => onHover(i)}
        >
          {o.kind === 'found' ? (
            <>
              <span className="option-name">{o.authority.name}</span>{' '}
              <span className="muted">{AUTHORITY_KIND_LABELS[o.authority.kind]}</span>
              {o.authority.altNames.length > 0 ? (
                <span className="muted"> · {o.authority.altNames.map((n) => n.name).join(', ')}</span>
              ) : null}
              {o.similar !== undefined ? (
                <span className="option-similar"> — {t('combobox.similar', { name: text })}</span>
              ) : null}
            </>
          ) : (
            <span className="option-create">
              {t('combobox.create', { name: text, kind: AUTHORITY_KIND_LABELS[o.as].toLowerCase() })}
            </span>
          )}
        </li>
      ))}
      {options.length === 0 && !loading ? (
        <li role="option" aria-disabled="true" aria-selected={false} className="muted">
          {t('combobox.none', { name: text })}
        </li>
      ) : null}
    </>
  );
}
