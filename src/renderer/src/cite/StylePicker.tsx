/**
 * A searchable choice of citation style: a text input with a datalist of every style the app
 * carries (the five built in, the installed ones and the 2,600 and more official CSL styles). The
 * browser's own list filters as one types, by id and by title, and keyboard and screen readers
 * work as with any input; a style is chosen when the input holds its id.
 */
import { useEffect, useRef, useState } from 'react';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';

interface Props {
  /** The input's id, for its <label htmlFor>. */
  id: string;
  value: string;
  onChange: (style: string) => void;
  /** Load the list only while shown (a closed dialog). */
  active?: boolean;
}

export function StylePicker({ id, value, onChange, active = true }: Props) {
  const { t } = useT('cite');
  const styles = useResult(() => (active ? archive.listStyles({ all: true }) : null), [active]);
  // What is typed, with the value it was typed over: when the value changes (a style chosen here or
  // elsewhere), the input shows the new value.
  const [typed, setTyped] = useState<{ over: string; text: string } | null>(null);
  const text = typed && typed.over === value ? typed.text : value;
  const byId = new Map((styles.value ?? []).map((s) => [s.id, s]));
  const chosen = byId.get(text);
  const loaded = styles.value !== null;
  // A style typed before the list arrived is chosen as soon as the list says it is one.
  const pending = typed && typed.over === value && typed.text !== value && byId.has(typed.text) ? typed.text : null;
  // Called once per pending style: the parent's handler may be a new function at every render.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (pending !== null) onChangeRef.current(pending);
  }, [pending]);
  /**
   * Before the list has arrived, nothing can be checked here: what was typed is passed on when the
   * input is left or Enter is pressed (saving then checks it), rather than dropped for the old value.
   */
  const commitUnchecked = () => {
    if (!loaded && typed && typed.over === value && typed.text !== value && typed.text !== '') onChange(typed.text);
  };
  const listId = `${id}-list`;
  const helpId = `${id}-help`;
  return (
    <span className="style-picker">
      <input
        id={id}
        type="text"
        list={listId}
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('stylePicker.placeholder')}
        aria-describedby={helpId}
        aria-invalid={text !== '' && styles.value !== null && !chosen}
        onChange={(e) => {
          setTyped({ over: value, text: e.target.value });
          if (byId.has(e.target.value)) onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitUnchecked();
        }}
        onBlur={() => {
          if (!loaded) commitUnchecked();
          // Leaving the input with something that is not a style puts the chosen one back.
          else if (!byId.has(text)) setTyped(null);
        }}
      />
      <datalist id={listId}>
        {(styles.value ?? []).map((s) => (
          <option
            key={s.id}
            value={s.id}
            label={s.source === 'official' ? s.title : `${s.title} (${t(`stylePicker.source.${s.source}`)})`}
          />
        ))}
      </datalist>
      <small id={helpId} className="muted" aria-live="polite">
        {chosen ? (
          // A style's title is its proper name, in the language its authors gave it.
          <span translate="no">{chosen.title}</span>
        ) : styles.value && text !== '' ? (
          t('stylePicker.noMatch')
        ) : (
          t('stylePicker.help', { count: styles.value?.length ?? 0 })
        )}
      </small>
      <ErrorText error={styles.error} prefix={t('stylesFailed')} />
    </span>
  );
}
