/** A choice of one collection (or none), the tree shown by indentation with each level named. */
import { archive } from '../archive';
import type { ControlProps } from '../common/FormField';
import { COLLECTION_LEVEL_LABELS } from '../common/labels';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { collectionChoices } from './tree';

export function CollectionSelect({
  control,
  value,
  onChange,
  noneLabel,
}: {
  control: ControlProps;
  value: number | null;
  onChange: (id: number | null) => void;
  /** What choosing no collection means here ("No collection", "Leave as they are"…). */
  noneLabel: string;
}) {
  const { t } = useT('collections');
  const collections = useResult(() => archive.listCollections({}), []);
  return (
    <select
      {...control}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">{noneLabel}</option>
      {collectionChoices(collections.value ?? [], (name, level) =>
        t('option', { name, level: COLLECTION_LEVEL_LABELS[level] }),
      ).map(([id, text]) => (
        <option key={id} value={id}>
          {text}
        </option>
      ))}
    </select>
  );
}
