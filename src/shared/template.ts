/** Message templates as the i18n catalogues write them, filled outside i18next (the CLI, the error wording). */
/** `{{name}}` (and `{{name, number}}`) filled from params; a placeholder without a value is left out. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)(?:, \w+)?\}\}/g, (_, key: string) => (key in params ? String(params[key]) : ''));
}
