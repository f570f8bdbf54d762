import { RECORD_TYPES, type RecordType } from '../../../shared/model';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { formatNumber } from '../common/format';
import { useT } from '../i18n/i18n';

interface Props {
  selected: RecordType | null;
  total: number;
  byType: Record<string, number>;
  onSelect: (type: RecordType | null) => void;
}

/** The sidebar's record types with their counts; types with no records are left out to keep it short. */
export function TypeFilter({ selected, total, byType, onSelect }: Props) {
  const { t } = useT('library');
  const types = RECORD_TYPES.filter((type) => (byType[type] ?? 0) > 0 || type === selected);
  return (
    <nav aria-label={t('types.heading')}>
      <h2 className="sidebar-heading">{t('types.heading')}</h2>
      <ul className="type-filter">
        <li>
          <button type="button" aria-pressed={selected === null} onClick={() => onSelect(null)}>
            <span>{t('allRecords')}</span> <span className="count">{formatNumber(total)}</span>
          </button>
        </li>
        {types.map((type) => (
          <li key={type}>
            <button type="button" aria-pressed={selected === type} onClick={() => onSelect(type)}>
              <span>{RECORD_TYPE_LABELS[type]}</span> <span className="count">{formatNumber(byType[type] ?? 0)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
