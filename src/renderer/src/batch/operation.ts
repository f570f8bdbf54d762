/**
 * The batch dialog's choice as the archivist makes it (text as typed), and the contract's
 * operation it becomes — or why it cannot be one yet.
 */
import type { BatchOperation } from '../../../shared/batch';
import type { AccessStatus, AgreementKind, Medium } from '../../../shared/model';
import { parseDateEntry } from '../../../shared/partial-date';
import { splitList } from '../common/format';

export const SETTABLE = [
  'accessStatus',
  'languages',
  'date',
  'publisher',
  'rights',
  'physicalLocation',
  'extent',
  'medium',
  'agreementKind',
] as const;
export type Settable = (typeof SETTABLE)[number];

export interface BatchChoice {
  kind: BatchOperation['kind'];
  tag: string;
  collectionId: number | null;
  field: Settable;
  /** The new value as typed or chosen; for enums the enum value ('' for none). */
  value: string;
}

export const initialChoice: BatchChoice = {
  kind: 'addTag',
  tag: '',
  collectionId: null,
  field: 'accessStatus',
  value: 'open',
};

/** The default value when the field changes: a valid choice for selects, empty for text. */
export function defaultValue(field: Settable): string {
  return field === 'accessStatus' ? 'open' : '';
}

export type Built =
  | { ok: true; operation: BatchOperation }
  | { ok: false; dateProblem?: ReturnType<typeof parseDateEntry> & { ok: false } };

export function buildOperation(c: BatchChoice): Built {
  switch (c.kind) {
    case 'addTag':
    case 'removeTag':
      return { ok: true, operation: { kind: c.kind, tag: c.tag } };
    case 'setCollection':
      return { ok: true, operation: { kind: 'setCollection', collectionId: c.collectionId } };
    case 'setField': {
      const v = c.value;
      switch (c.field) {
        case 'accessStatus':
          return { ok: true, operation: { kind: 'setField', patch: { accessStatus: v as AccessStatus } } };
        case 'languages':
          return { ok: true, operation: { kind: 'setField', patch: { languages: splitList(v) } } };
        case 'medium':
          return { ok: true, operation: { kind: 'setField', patch: { medium: v === '' ? null : (v as Medium) } } };
        case 'agreementKind':
          return {
            ok: true,
            operation: { kind: 'setField', patch: { agreementKind: v === '' ? null : (v as AgreementKind) } },
          };
        case 'date': {
          const read = parseDateEntry(v);
          if (!read.ok) return { ok: false, dateProblem: read };
          const d = read.value;
          return {
            ok: true,
            operation: {
              kind: 'setField',
              patch: { date: d?.date ?? null, dateEnd: d?.dateEnd ?? null, dateApproximate: d?.approximate ?? false },
            },
          };
        }
        case 'publisher':
          return { ok: true, operation: { kind: 'setField', patch: { publisher: v } } };
        case 'rights':
          return { ok: true, operation: { kind: 'setField', patch: { rights: v } } };
        case 'physicalLocation':
          return { ok: true, operation: { kind: 'setField', patch: { physicalLocation: v } } };
        case 'extent':
          return { ok: true, operation: { kind: 'setField', patch: { extent: v } } };
      }
    }
  }
}
