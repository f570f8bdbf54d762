/** What the reader remembers on this computer between openings: the fit chosen and the text pane. */
export type Fit = 'width' | 'page';

export interface ReaderPrefs {
  fit: Fit;
  showText: boolean;
}

const KEY = 'civic-archive.reader';
const DEFAULTS: ReaderPrefs = { fit: 'page', showText: true };

export function loadPrefs(): ReaderPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ReaderPrefs>;
    return {
      fit: saved.fit === 'width' || saved.fit === 'page' ? saved.fit : DEFAULTS.fit,
      showText: typeof saved.showText === 'boolean' ? saved.showText : DEFAULTS.showText,
    };
  } catch {
    return DEFAULTS;
  }
}

export function savePrefs(prefs: ReaderPrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    /* storage refused: the choice lasts while the reader is open */
  }
}
