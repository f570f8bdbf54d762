/**
 * Find a person, organisation, place, event or partnership as you type — by any of its names,
 * in any script — or create one on the spot. An ARIA combobox (the APG "list autocomplete"
 * pattern): the text box keeps the focus, Up and Down move through the options, Enter chooses,
 * Escape closes; the active option is announced through aria-activedescendant.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AuthorityKind, AuthorityView } from '../../../shared/model';
import { ErrorText } from '../common/ErrorText';
import { useT } from '../i18n/i18n';
import { AuthorityOptions, useAuthorityOptions } from './AuthorityOptions';
import { comboboxKeys } from './comboboxKeys';
import { useComboboxChoice } from './useComboboxChoice';
import { useListPlacement } from './useListPlacement';

export type PickedAuthority = Pick<AuthorityView, 'id' | 'name' | 'kind'>;

interface Props {
  /** The text box's accessible name, shown as its label. */
  label: string;
  /** Which kinds it offers (and can create). */
  kinds: readonly AuthorityKind[];
  onPick: (authority: PickedAuthority, created: boolean) => void;
  /** Leave some out (those already chosen, the authority itself when merging). */
  exclude?: (id: number) => boolean;
  /** Offer "create" options. */
  allowCreate?: boolean;
  /** "Create" only names the new authority, created later (with the record it is linked from). */
  onCreateLater?: (draft: Pick<AuthorityView, 'name' | 'kind'>) => void;
  /** A text box whose own text is the value (Place signed): typing changes it; choosing sets it. */
  text?: { value: string; onChange: (value: string) => void };
  /** The id of the text box, for a label elsewhere and for errors tied to it. */
  inputId?: string;
  describedBy?: string;
  invalid?: boolean;
}

export function AuthorityCombobox({
  label,
  kinds,
  onPick,
  exclude,
  allowCreate = true,
  onCreateLater,
  text,
  inputId,
  describedBy,
  invalid,
}: Props) {
  const { t } = useT('editor');
  const auto = useId();
  const id = inputId ?? `combo-${auto.replace(/:/g, '')}`;
  const listId = `${id}-list`;
  const [own, setOwn] = useState('');
  const query = text ? text.value : own;
  const setQuery = text ? text.onChange : setOwn;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const trimmed = query.trim();

  const found = useAuthorityOptions({ text: trimmed, searching: open, kinds, allowCreate, exclude });
  const options = found.options;
  const expanded = open && trimmed !== '' && (options.length > 0 || !found.loading);
  // Near the window's foot the list opens upwards, or shortens and scrolls: it never runs out of sight.
  const listStyle = useListPlacement(expanded, input, list, `${options.length}:${found.loading}`);

  useEffect(() => setActive(-1), [trimmed]);

  const { choose, creating, error, setError, notice, setNotice } = useComboboxChoice({
    trimmed,
    onPick,
    onCreateLater,
    done: (name) => {
      if (text) text.onChange(name);
      else setOwn('');
      setOpen(false);
      input.current?.focus();
    },
  });

  const onKeyDown = comboboxKeys({
    count: options.length,
    expanded,
    setOpen,
    setActive,
    choose: () => {
      const option = options[active];
      if (expanded && option) void choose(option);
    },
  });

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-busy={creating || undefined}
        value={query}
        placeholder={t('combobox.placeholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setNotice('');
          setError(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        ref={list}
        id={listId}
        role="listbox"
        aria-label={label}
        className="combobox-options"
        hidden={!expanded}
        style={listStyle}
      >
        <AuthorityOptions
          options={options}
          active={active}
          text={trimmed}
          loading={found.loading}
          optionId={optionId}
          onChoose={(o) => void choose(o)}
          onHover={setActive}
        />
      </ul>
      <p className="visually-hidden" role="status">
        {expanded ? t('combobox.count', { count: options.length }) : notice}
      </p>
      <ErrorText error={found.error ?? error} prefix={t('combobox.failed')} />
    </div>
  );
}
