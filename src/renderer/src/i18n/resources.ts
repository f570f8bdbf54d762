/**
 * Every message catalogue, one namespace per area of the workspace. To add an area: write
 * en/<area>.ts, mirror it in zh-Hans/<area>.ts (typed Messages<typeof en>), and list both here.
 */
import { cite as enCite } from './en/cite';
import { common as enCommon } from './en/common';
import { documents as enDocuments } from './en/documents';
import { empty as enEmpty } from './en/empty';
import { keyboard as enKeyboard } from './en/keyboard';
import { labels as enLabels } from './en/labels';
import { search as enSearch } from './en/search';
import { settings as enSettings } from './en/settings';
import { cite as zhCite } from './zh-Hans/cite';
import { common as zhCommon } from './zh-Hans/common';
import { documents as zhDocuments } from './zh-Hans/documents';
import { empty as zhEmpty } from './zh-Hans/empty';
import { keyboard as zhKeyboard } from './zh-Hans/keyboard';
import { labels as zhLabels } from './zh-Hans/labels';
import { search as zhSearch } from './zh-Hans/search';
import { settings as zhSettings } from './zh-Hans/settings';

export const resources = {
  en: {
    common: enCommon,
    labels: enLabels,
    cite: enCite,
    documents: enDocuments,
    search: enSearch,
    empty: enEmpty,
    keyboard: enKeyboard,
    settings: enSettings,
  },
  'zh-Hans': {
    common: zhCommon,
    labels: zhLabels,
    cite: zhCite,
    documents: zhDocuments,
    search: zhSearch,
    empty: zhEmpty,
    keyboard: zhKeyboard,
    settings: zhSettings,
  },
} as const;

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself, as language menus show them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-Hans': '简体中文' };
export const NAMESPACES = Object.keys(resources.en) as (keyof typeof resources.en)[];
