import { RECORD_TYPES, type RecordType } from '../../../shared/model';
import { RECORD_TYPE_LABELS } from '../common/labels';

interface Props {
  selected: RecordType | null;
  total: number;
  byType: Record<string, number>;
  onSelect: (type: RecordType | null) => void;
}

/** The sidebar's record types with their counts; types with no records are left out to keep it short. */
export function TypeFilter({ selected, total, byType, onSelect }: Props) {
  const types = RECORD_TYPES.filter((t) => (byType[t] ?? 0) > 0 || t === selected);
  return (
    <nav aria-label="Record types">
      <h2 className="sidebar-heading">Record types</h2>
      <ul className="type-filter">
        <li>
          <button type="button" aria-pressed={selected === null} onClick={() => onSelect(null)}>
            <span>All records</span>{' '}
            <span className="count">{total}</span>
          </button>
        </li>
        {types.map((t) => (
          <li key={t}>
            <button type="button" aria-pressed={selected === t} onClick={() => onSelect(t)}>
              <span>{RECORD_TYPE_LABELS[t]}</span>{' '}
              <span className="count">{byType[t] ?? 0}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
