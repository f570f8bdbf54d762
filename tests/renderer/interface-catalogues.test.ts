/**
 * The interface's message catalogues: the types already make every language carry the English
 * keys; these check what types cannot — that a translation keeps every {{placeholder}}, that
 * counted messages have their plural forms, that nothing is left in English by mistake, and that
 * the renderer's English labels are the ones the CLI and citations print.
 */
import { describe, expect, it } from 'vitest';
import { resources } from '../../src/renderer/src/i18n/resources';
import { AGREEMENT_KIND_LABELS, RECORD_TYPE_LABELS } from '../../src/shared/model';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w]+)/g)].map((m) => m[1]).sort();
const en = resources.en as unknown as Record<string, Tree>;
const zh = resources['zh-Hans'] as unknown as Record<string, Tree>;
// Names that are the same in every language: formats, standards, identifiers.
const SAME_EVERYWHERE = /^(?:[A-Z][A-Za-z0-9-]*|SHA-256|CSL-JSON)$/;

describe('message catalogues', () => {
  for (const ns of Object.keys(en)) {
    describe(ns, () => {
      const english = leaves(en[ns]!);
      const chinese = leaves(zh[ns]!);

      it('has the same keys in Simplified Chinese', () => {
        expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it('keeps every placeholder in the translation', () => {
        const lost = [...english]
          .filter(([k, v]) => placeholders(v).join() !== placeholders(chinese.get(k) ?? '').join())
          .map(([k]) => k);
        expect(lost).toEqual([]);
      });

      it('gives every counted message its _one and _other forms', () => {
        const keys = [...english.keys()];
        const broken = keys.filter(
          (k) =>
            /_(one|other)$/.test(k) &&
            !(keys.includes(k.replace(/_(one|other)$/, '_one')) && keys.includes(k.replace(/_(one|other)$/, '_other'))),
        );
        expect(broken).toEqual([]);
      });

      it('leaves no English in the Chinese catalogue', () => {
        const untranslated = [...chinese]
          .filter(([k, v]) => {
            if (v.trim() === '' || /[\u3400-\u9fff]/.test(v)) return v.trim() === '';
            const words = v.replace(/\{\{[^}]*\}\}/g, '').trim();
            // Only placeholders and punctuation ("{{kind}}"), or a name the same in every language.
            return /[A-Za-z]/.test(words) && !(v === english.get(k) && SAME_EVERYWHERE.test(v));
          })
          .map(([k, v]) => `${k}: ${v}`);
        expect(untranslated).toEqual([]);
      });
    });
  }

  it('shows the record types and agreement kinds in English exactly as the CLI and citations print them', () => {
    expect(resources.en.labels.recordType).toEqual(RECORD_TYPE_LABELS);
    expect(resources.en.labels.agreementKind).toEqual(AGREEMENT_KIND_LABELS);
  });
});
