/**
 * A refusal from the service in a given interface language: its reason and params worded through
 * the `errors` catalogue (i18n/<language>/errors.ts). A reason this build does not know, or an error
 * the renderer made itself (already in the interface language), shows its message as it is. Pure
 * (the language is an argument), so tests word every reason; errorText.ts uses the chosen language.
 */
import { ERROR_REASONS, type ErrorReason } from '../../../shared/errors/reasons';
import { FORMAT_NAMES, parseVariant, placeVariant } from '../../../shared/reports/import-report';
import { fillTemplate } from '../../../shared/template';
import type { ArchiveError, ErrorParams } from '../../../shared/result';
import { resources, type Language } from '../i18n/resources';

type Entry = string | Readonly<Record<string, string>>;

/** For a reason worded in variants, the param (or the fact) that picks the variant. */
const VARIANT: Partial<Record<ErrorReason, (p: ErrorParams) => string>> = {
  field_invalid: (p) => (p.field ? 'field' : 'bare'),
  not_found: (p) => String(p.kind),
  stale_revision: (p) => String(p.action),
  restore_blocked: (p) => String(p.problem),
  not_searchable: (p) => String(p.problem),
  unmerge_blocked: (p) => String(p.problem),
  authority_in_use: (p) => (p.count === 1 ? 'one' : 'other'),
  place_in_use: (p) => (p.count === 1 ? 'one' : 'other'),
  batch_item_refused: (p) => (p.batchTitle ? 'titled' : 'untitled'),
  disk_full: (p) => (p.name ? 'file' : 'catalogue'),
  library_corrupt: (p) => (p.check ? 'check' : 'header'),
  file_unreadable: (p) => String(p.cause),
  file_too_large: (p) => (p.size === undefined ? 'streamed' : 'sized'),
  stored_copy_damaged: (p) => (p.size === undefined ? 'missing' : 'size'),
  not_utf8: (p) => String(p.source),
  folder_not_empty: (p) => String(p.purpose),
  parse_failed: parseVariant,
  style_unusable: (p) => String(p.problem),
  collection_level_order: (p) => String(p.relation),
};

const KNOWN = new Set<string>(ERROR_REASONS);

/**
 * A field key a refusal names (`dateEnd`, `patch.links.0.role`, `items.2.patch.title`) as the
 * interface labels it: the record pane's field labels, else the error catalogue's own; an unknown
 * key is shown as it is.
 */
export function fieldLabel(language: Language, path: string): string {
  const key = path.split('.').find((part) => !/^\d+$/.test(part) && part !== 'patch' && part !== 'items') ?? path;
  const c = resources[language];
  const tables = [c.record.fields, c.record.auditFields, c.errors.field] as Readonly<Record<string, string>>[];
  for (const table of tables) if (table[key]) return table[key];
  return key;
}

/**
 * What is wrong with a field (field_invalid's params), without the field's name: shown beside the
 * field. In English, the schema's own message (`detail`); in another language, the problem's words.
 */
export function problemWords(language: Language, params: ErrorParams): string {
  if (language === 'en' && typeof params.detail === 'string') return params.detail;
  const problems = resources[language].errors.problem as Readonly<Record<string, Entry>>;
  const entry = problems[String(params.problem)] ?? problems.invalid!;
  const template =
    typeof entry === 'string' ? entry : (entry[String(params.origin)] ?? entry.other ?? Object.values(entry)[0]!);
  return fillTemplate(template, params);
}

/** The params with keys worded: field keys as labels, kinds, roles, a job's kind, a field's problem, a cause. */
function wordedParams(language: Language, reason: ErrorReason, params: ErrorParams): ErrorParams {
  const c = resources[language].errors;
  const out: ErrorParams = { ...params };
  const kinds = c.kind as Record<string, string>;
  for (const key of ['kind', 'mergeKind', 'keepKind'] as const) {
    const v = params[key];
    if (typeof v === 'string' && kinds[v]) out[key] = kinds[v];
  }
  // Role labels are headings ("Author"); inside a sentence they read in lower case.
  if (typeof params.role === 'string')
    out.role = (
      (resources[language].labels.role as Readonly<Record<string, string>>)[params.role] ?? params.role
    ).toLowerCase();
  if (typeof params.expected === 'string')
    out.expected = (c.jobKind as Record<string, string>)[params.expected] ?? params.expected;
  if (typeof params.field === 'string' && params.field) out.field = fieldLabel(language, params.field);
  if (reason === 'collection_level_order' || reason === 'bag_level_order') {
    // Levels are keys ("sub-series"); inside a sentence they read as the language names them, in lower case.
    const levels = resources[language].labels.collectionLevel as Readonly<Record<string, string>>;
    for (const key of ['level', 'otherLevel'] as const)
      out[key] = (levels[String(params[key])] ?? String(params[key])).toLowerCase();
  }
  if (reason === 'field_invalid' || params.cause === 'field_invalid') out.problem = problemWords(language, params);
  if (typeof params.format === 'string') out.format = FORMAT_NAMES[params.format] ?? params.format;
  if (reason === 'import_rows_failed') out.where = placeWordsIn(language, params);
  if (reason === 'batch_item_refused' || reason === 'import_rows_failed') {
    const cause = String(params.cause);
    out.cause = KNOWN.has(cause) && cause !== reason ? (reasonWords(language, cause as ErrorReason, params) ?? '') : '';
  }
  return out;
}

/** Where a row is in its file (an import report's row, the first bad row of a refused import). */
export function placeWordsIn(language: Language, place: Readonly<Record<string, string | number | undefined>>): string {
  const variant = placeVariant({ unit: String(place.unit), line: place.line, key: place.key });
  const template = (resources[language].errors.place as Readonly<Record<string, string>>)[variant]!;
  const params: ErrorParams = {};
  for (const [k, v] of Object.entries(place)) if (v !== undefined) params[k] = v;
  return fillTemplate(template, params);
}

function reasonWords(language: Language, reason: ErrorReason, params: ErrorParams): string | null {
  const entry = (resources[language].errors.reason as Readonly<Record<string, Entry | undefined>>)[reason];
  if (entry === undefined) return null;
  const pick = VARIANT[reason];
  const template = typeof entry === 'string' ? entry : pick ? entry[pick(params)] : undefined;
  return template === undefined ? null : fillTemplate(template, wordedParams(language, reason, params));
}

/** The whole sentence for a refusal (or the text itself, for an error that is already words). */
export function errorWordsIn(language: Language, error: ArchiveError | string): string {
  if (typeof error === 'string') return error;
  if (!error.reason || !KNOWN.has(error.reason)) return error.message;
  return reasonWords(language, error.reason, error.params ?? {}) ?? error.message;
}

/** The words for a field's refusal shown beside that field: the problem alone when the field is named. */
export function fieldErrorWordsIn(language: Language, error: ArchiveError): string {
  if (error.reason === 'field_invalid' && error.params) return problemWords(language, error.params);
  return errorWordsIn(language, error);
}
