/** What every field of the record editor is called for the record's type, its hint, and what each part is given. */
import type { RecordType } from '../../../shared/model';
import { currentLanguage } from '../i18n/i18n';
import { resources } from '../i18n/resources';
import type { FieldErrors } from './errors';
import type { RecordForm } from './form';

export type Labelled = keyof (typeof resources)['en']['editor']['fields'];

/** A field's label as this type of record calls it. */
export function labelFor(type: RecordType, name: Labelled): string {
  const labels = resources[currentLanguage()].editor;
  return (labels.byType[type] as Partial<Record<string, string>>)[name] ?? labels.fields[name];
}

export function fieldHint(name: string): string | undefined {
  return (resources[currentLanguage()].editor.hints as Partial<Record<string, string>>)[name];
}

export interface PartProps {
  form: RecordForm;
  errors: FieldErrors;
  onChange: (change: Partial<RecordForm>) => void;
}
