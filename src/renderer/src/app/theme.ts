/** The interface's theme: light, dark, or the system's choice; remembered on this computer. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const KEY = 'civic-archive.theme';

export function savedTheme(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(t ?? '') ? (t as Theme) : 'system';
  } catch {
    return 'system';
  }
}

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');
let current: Theme = 'system';

function paint(): void {
  const dark = current === 'dark' || (current === 'system' && systemDark().matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** "system" follows the operating system's setting, also when it changes while the app is open. */
export function applyTheme(theme: Theme): void {
  current = theme;
  paint();
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    /* storage refused (private mode): the choice lasts this session */
  }
}

// Follow the system's light/dark switch while "System" is chosen.
if (typeof window !== 'undefined') systemDark().addEventListener('change', paint);
