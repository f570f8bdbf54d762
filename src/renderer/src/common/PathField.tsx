/**
 * A path on this machine. In the browser host it is typed (the host holds it to its folders). In
 * the desktop app "Choose…" shows the system dialog; the window then holds a grant token (the main
 * process keeps the path) and shows the path picked. Typing replaces the choice with what is typed,
 * which the desktop door allows only inside the library and what was picked.
 */
import type { PickRequest } from '../../../shared/shell';
import { useT } from '../i18n/i18n';
import { errorWords } from './errorWords';
import './path-field.css';

/** The paths behind the grant tokens this window holds, to show them in place of the token. */
const granted = new Map<string, string>();

interface Props {
  id: string;
  /** A typed path or a grant token. */
  value: string;
  onChange: (value: string) => void;
  kind: PickRequest['kind'];
  defaultName?: string;
  placeholder?: string;
  onError?: (message: string) => void;
}

export function PathField({ id, value, onChange, kind, defaultName, placeholder, onError }: Props) {
  const { t } = useT('common');
  const shell = window.archiveShell;
  const choose = async () => {
    if (!shell) return;
    const picked = await shell.pick(defaultName === undefined ? { kind } : { kind, defaultName });
    if (!picked.ok) return onError?.(errorWords(picked.error));
    const grant = picked.value.grants[0];
    if (!grant) return; // cancelled
    granted.set(grant.token, grant.name);
    onChange(grant.token);
  };
  return (
    <span className="path-field">
      <input
        id={id}
        type="text"
        value={granted.get(value) ?? value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
      {shell ? (
        <button type="button" onClick={() => void choose()}>
          {t('choosePath')}
        </button>
      ) : null}
    </span>
  );
}
