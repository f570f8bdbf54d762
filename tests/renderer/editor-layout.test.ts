/**
 * The editor's layout per record type (src/renderer/src/editor/layout.ts): each type shows the
 * fields that matter for it, no link role gets two pickers, and every picker and type-specific
 * label exists in both interface languages. Also the other-names text of the authority form.
 */
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES } from '../../src/shared/model';
import { altNamesText, parseAltNames } from '../../src/renderer/src/authorities/altNames';
import { isRolePick, LAYOUT, layoutFields, pickerShows, picks } from '../../src/renderer/src/editor/layout';

const pickedRoles = (type: (typeof RECORD_TYPES)[number]) => picks(type).map((p) => p.role);
import { resources } from '../../src/renderer/src/i18n/resources';

describe('the editor per record type', () => {
  it('gives every type a date, a reference code and its partnerships, and each kind of link at most one picker', () => {
    for (const type of RECORD_TYPES) {
      expect(layoutFields(type), type).toEqual(expect.arrayContaining(['date', 'referenceCode']));
      expect(pickerShows(type, { role: 'subject', kind: 'partnership' }), type).toBe(true);
      // A link (role and kind) shown by two pickers would be listed, and removable, twice.
      const pairs = picks(type).flatMap((p) => p.kinds.map((k) => `${p.role}/${k}`));
      expect(new Set(pairs).size, type).toBe(pairs.length);
      expect(new Set(layoutFields(type)).size, type).toBe(layoutFields(type).length);
    }
  });

  it('shows what each type is described by', () => {
    expect(layoutFields('agreement')).toEqual(
      expect.arrayContaining(['agreementKind', 'dateSigned', 'placeSigned', 'commitments']),
    );
    expect(pickedRoles('agreement')).toEqual(expect.arrayContaining(['party', 'signatory']));
    expect(layoutFields('media-coverage')).toEqual(
      expect.arrayContaining(['medium', 'outlet', 'programme', 'date', 'extent', 'url']),
    );
    expect(pickedRoles('press-release')).toContain('issuer');
    expect(pickedRoles('photograph')).toContain('photographer');
    expect(pickedRoles('letter')).toEqual(expect.arrayContaining(['author', 'recipient']));
    expect(pickedRoles('event-programme')).toEqual(expect.arrayContaining(['subject', 'performer']));
    // Signing belongs to agreements only (the service refuses it elsewhere).
    for (const type of RECORD_TYPES.filter((t) => t !== 'agreement')) {
      expect(layoutFields(type), type).not.toContain('dateSigned');
      expect(layoutFields(type), type).not.toContain('commitments');
    }
    for (const type of RECORD_TYPES.filter((t) => t !== 'media-coverage'))
      expect(layoutFields(type), type).not.toContain('medium');
  });

  it('names every picker and every type-specific label in English and Chinese', () => {
    for (const language of ['en', 'zh-Hans'] as const) {
      const editor = resources[language].editor;
      for (const type of RECORD_TYPES) {
        for (const item of LAYOUT[type].filter(isRolePick)) {
          expect(editor.pickers[item.picker].title, `${language} ${item.picker}`).toMatch(/\S/);
          expect(editor.pickers[item.picker].add, `${language} ${item.picker}`).toMatch(/\S/);
        }
        for (const [field, label] of Object.entries(editor.byType[type])) {
          expect(Object.keys(editor.fields), `${language} ${type}.${field}`).toContain(field);
          expect(label).toMatch(/\S/);
        }
      }
    }
  });
});

describe('other names as the authority form writes them', () => {
  it('reads one per line with an optional language after a bar, and writes them back the same', () => {
    const names = parseAltNames('  杭州 | zh-Hans \n\nHangchow\nA | B | en\n');
    expect(names).toEqual([
      { name: '杭州', language: 'zh-Hans' },
      { name: 'Hangchow', language: null },
      { name: 'A | B', language: 'en' },
    ]);
    expect(parseAltNames(altNamesText(names))).toEqual(names);
  });
});
