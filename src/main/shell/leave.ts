/**
 * The question the desktop window asks when it is closed or reloaded while a record form holds
 * typing not yet saved (the page's `beforeunload`; index.ts shows it with Electron's dialog).
 * Here, without Electron, so it can be tested: its words in each interface language, and which
 * answer lets the window go.
 */

const WORDS = {
  en: {
    title: 'Civic Archive',
    message: 'Leave without saving?',
    detail: 'The record you are editing has changes that have not been saved. If you leave, they are lost.',
    leave: 'Leave',
    stay: 'Stay',
  },
  'zh-Hans': {
    title: '城市档案',
    message: '不保存就离开？',
    detail: '您在此记录中输入的内容尚未保存，离开后将会丢失。',
    leave: '离开',
    stay: '留下',
  },
} as const;

/** The interface language for a BCP 47 tag (the page's `lang`, or the system's locale when unknown). */
export function leaveLanguage(tag: string | null | undefined): keyof typeof WORDS {
  return /^zh(-Hans|-CN|-SG)?$/i.test(tag ?? '') || /^zh-Hans/i.test(tag ?? '') ? 'zh-Hans' : 'en';
}

/** The message box's options (dialog.showMessageBoxSync's shape): Stay is the default and Escape. */
export function leavePrompt(tag: string | null | undefined) {
  const w = WORDS[leaveLanguage(tag)];
  return {
    type: 'question' as const,
    title: w.title,
    message: w.message,
    detail: w.detail,
    buttons: [w.leave, w.stay],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Whether the answer (the index of the button pressed) lets the window close or reload. */
export const leaves = (answer: number): boolean => answer === 0;
