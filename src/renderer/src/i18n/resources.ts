/**
 * Every message catalogue, one namespace per area of the workspace. To add an area: write
 * en/<area>.ts, mirror it in zh-Hans/<area>.ts (typed Messages<typeof en>), and list both here.
 */
import { cite as enCite } from './en/cite';
import { collections as enCollections } from './en/collections';
import { common as enCommon } from './en/common';
import { documents as enDocuments } from './en/documents';
import { empty as enEmpty } from './en/empty';
import { keyboard as enKeyboard } from './en/keyboard';
import { labels as enLabels } from './en/labels';
import { layout as enLayout } from './en/layout';
import { library as enLibrary } from './en/library';
import { search as enSearch } from './en/search';
import { settings as enSettings } from './en/settings';
import { timeline as enTimeline } from './en/timeline';
import { authorities as enAuthorities } from './en/authorities';
import { batch as enBatch } from './en/batch';
import { editor as enEditor } from './en/editor';
import { errors as enErrors } from './en/errors';
import { reader as enReader } from './en/reader';
import { record as enRecord } from './en/record';
import { undo as enUndo } from './en/undo';
import { cite as zhCite } from './zh-Hans/cite';
import { collections as zhCollections } from './zh-Hans/collections';
import { common as zhCommon } from './zh-Hans/common';
import { documents as zhDocuments } from './zh-Hans/documents';
import { empty as zhEmpty } from './zh-Hans/empty';
import { keyboard as zhKeyboard } from './zh-Hans/keyboard';
import { labels as zhLabels } from './zh-Hans/labels';
import { layout as zhLayout } from './zh-Hans/layout';
import { library as zhLibrary } from './zh-Hans/library';
import { search as zhSearch } from './zh-Hans/search';
import { settings as zhSettings } from './zh-Hans/settings';
import { timeline as zhTimeline } from './zh-Hans/timeline';
import { authorities as zhAuthorities } from './zh-Hans/authorities';
import { batch as zhBatch } from './zh-Hans/batch';
import { editor as zhEditor } from './zh-Hans/editor';
import { errors as zhErrors } from './zh-Hans/errors';
import { reader as zhReader } from './zh-Hans/reader';
import { record as zhRecord } from './zh-Hans/record';
import { undo as zhUndo } from './zh-Hans/undo';

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
    library: enLibrary,
    layout: enLayout,
    timeline: enTimeline,
    editor: enEditor,
    record: enRecord,
    undo: enUndo,
    batch: enBatch,
    authorities: enAuthorities,
    collections: enCollections,
    errors: enErrors,
    reader: enReader,
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
    library: zhLibrary,
    layout: zhLayout,
    timeline: zhTimeline,
    editor: zhEditor,
    record: zhRecord,
    undo: zhUndo,
    batch: zhBatch,
    authorities: zhAuthorities,
    collections: zhCollections,
    errors: zhErrors,
    reader: zhReader,
  },
} as const;

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself, as language menus show them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-Hans': '简体中文' };
export const NAMESPACES = Object.keys(resources.en) as (keyof typeof resources.en)[];
