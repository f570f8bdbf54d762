/**
 * Every message catalogue, one namespace per area of the workspace. To add an area: write
 * en/<area>.ts, mirror it in zh-Hans/<area>.ts (typed Messages<typeof en>), and list both here.
 */
import { common as enCommon } from './en/common';
import { common as zhCommon } from './zh-Hans/common';

export const resources = {
  en: { common: enCommon },
  'zh-Hans': { common: zhCommon },
} as const;

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself, as language menus show them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-Hans': '简体中文' };
export const NAMESPACES = Object.keys(resources.en) as (keyof typeof resources.en)[];
