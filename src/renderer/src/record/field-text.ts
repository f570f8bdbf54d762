/**
 * A changed field as the history and the batch preview show it: the field's label and its values
 * in the interface language ("Access: Open → Restricted"), not the audit trail's internal names
 * and codes (which stay as they are in the catalogue, for exports and the command line).
 */
import { ACCESS_LABELS, AGREEMENT_KIND_LABELS, MEDIUM_LABELS } from '../common/labels';
import { currentLanguage } from '../i18n/i18n';
import { resources } from '../i18n/resources';

const ENUMS: Record<string, Readonly<Record<string, string>>> = {
  accessStatus: ACCESS_LABELS,
  medium: MEDIUM_LABELS,
  agreementKind: AGREEMENT_KIND_LABELS,
};

export function fieldLabel(field: string): string {
  const catalogue = resources[currentLanguage()];
  const own = (catalogue.record.auditFields as Partial<Record<string, string>>)[field];
  return own ?? (catalogue.editor.fields as Partial<Record<string, string>>)[field] ?? field;
}

/** A record's tags before and after, as the audit trail holds them ("a, b"): what was added and removed. */
export function tagChange(before: string | null, after: string | null): { added: string[]; removed: string[] } {
  const list = (v: string | null) => (v ? v.split(', ') : []);
  const was = new Set(list(before).map((tag) => tag.toLowerCase()));
  const is = new Set(list(after).map((tag) => tag.toLowerCase()));
  return {
    added: list(after).filter((tag) => !was.has(tag.toLowerCase())),
    removed: list(before).filter((tag) => !is.has(tag.toLowerCase())),
  };
}

export function valueText(field: string, value: string | null, empty: string): string {
  if (value === null) return empty;
  if (field === 'dateApproximate') return resources[currentLanguage()].record.yes;
  return ENUMS[field]?.[value] ?? value;
}
