import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { applyTheme, savedTheme, THEMES, type Theme } from './theme';

export function ThemeChoice() {
  const { t } = useT('common');
  const [theme, setTheme] = useState<Theme>(savedTheme);
  return (
    <label className="theme-choice">
      {t('theme.label')}{' '}
      <select
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          setTheme(next);
          applyTheme(next);
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
