/** Which fields the record form shows: an error for any other field is listed at the top of the form instead. */
import type { CollectionView } from '../../../shared/model';
import type { RecordForm } from './form';
import { layoutFields, PORTABLE_FIELDS, type DetailField } from './layout';

/** Portable fields this type does not place but the record holds a value in. */
export function strays(form: RecordForm): (typeof PORTABLE_FIELDS)[number][] {
  const placed = layoutFields(form.type);
  return PORTABLE_FIELDS.filter((f) => !placed.includes(f) && form[f] !== '');
}

/** Whether the form shows a field, so an error for any other field is listed at the top instead. */
export function showsField(form: RecordForm, collections: CollectionView[], path: string): boolean {
  const field = path.split('.')[0] ?? '';
  if (['dateEnd', 'dateApproximate'].includes(field)) return true;
  if (
    [
      'medium',
      'outlet',
      'programme',
      'agreementKind',
      'dateSigned',
      'placeSigned',
      'commitments',
      'publisher',
      'url',
      'bodyText',
      'extent',
      'referenceCode',
    ].includes(field)
  ) {
    return layoutFields(form.type).includes(field as DetailField) || (strays(form) as string[]).includes(field);
  }
  return field in form;
}
