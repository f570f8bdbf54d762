import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/i18n';
import './choices.css';
import { applyTheme, savedTheme, THEMES, type Theme } from './theme';

// The header and the settings dialog each show this choice: both follow the one saved value.
const CHANGED = 'civic-archive:theme';
let chosen: Theme | null = null;
const current = () => (chosen ??= savedTheme());
const subscribe = (onChange: () => void) => {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
};

export function ThemeChoice() {
  const { t } = useT('common');
  const theme = useSyncExternalStore(subscribe, current);
  return (
    <label className="theme-choice">
      {t('theme.label')}
      <select
        value={theme}
        onChange={(e) => {
          chosen = e.target.value as Theme;
          applyTheme(chosen);
          window.dispatchEvent(new Event(CHANGED));
        }}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`theme.${th}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
