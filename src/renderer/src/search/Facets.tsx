/** Facets over the current result, with counts; choosing one filters the result. */
import type { FacetFilters, Facets as FacetCounts, FacetValue } from '../../../shared/search/engine';
import type { RecordType } from '../../../shared/model';
import { RECORD_TYPE_LABELS } from '../common/labels';

interface Props {
  facets: FacetCounts;
  chosen: FacetFilters;
  onChange: (next: FacetFilters) => void;
}

type ListKey = 'types' | 'decades' | 'years' | 'partnerships' | 'organisations' | 'places' | 'tags' | 'languages';

function toggle<T>(list: T[] | undefined, value: T): T[] {
  const l = list ?? [];
  return l.includes(value) ? l.filter((v) => v !== value) : [...l, value];
}

function Group({ title, values, chosen, label, onToggle }: { title: string; values: FacetValue[]; chosen: string[]; label?: (v: string) => string; onToggle: (v: string) => void }) {
  const shown = values.filter((v) => v.count > 0 || chosen.includes(v.value));
  if (shown.length === 0 && chosen.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      <ul>
        {shown.slice(0, 12).map((v) => (
          <li key={v.value}>
            <label>
              <input type="checkbox" checked={chosen.includes(v.value)} onChange={() => onToggle(v.value)} /> {label ? label(v.value) : v.value}{' '}
              <span className="count">{v.count}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Facets({ facets, chosen, onChange }: Props) {
  const strings = (key: ListKey) => (chosen[key] ?? []).map(String);
  const flip = (key: ListKey, raw: string) => {
    const value = key === 'years' || key === 'decades' ? Number(raw) : raw;
    onChange({ ...chosen, [key]: toggle(chosen[key] as unknown[] | undefined, value) });
  };
  return (
    <div className="facets" aria-label="Filter the results">
      <Group title="Type" values={facets.type} chosen={strings('types')} label={(v) => RECORD_TYPE_LABELS[v as RecordType] ?? v} onToggle={(v) => flip('types', v)} />
      <Group title="Decade" values={facets.decade} chosen={strings('decades')} label={(v) => `${v}s`} onToggle={(v) => flip('decades', v)} />
      <Group title="Year" values={facets.year} chosen={strings('years')} onToggle={(v) => flip('years', v)} />
      <Group title="Partnership" values={facets.partnership} chosen={strings('partnerships')} onToggle={(v) => flip('partnerships', v)} />
      <Group title="Organisation" values={facets.organisation} chosen={strings('organisations')} onToggle={(v) => flip('organisations', v)} />
      <Group title="Place" values={facets.place} chosen={strings('places')} onToggle={(v) => flip('places', v)} />
      <Group title="Tag" values={facets.tag} chosen={strings('tags')} onToggle={(v) => flip('tags', v)} />
      <Group title="Language" values={facets.language} chosen={strings('languages')} onToggle={(v) => flip('languages', v)} />
      <fieldset className="facet">
        <legend>Documents</legend>
        <ul>
          <li>
            <label>
              <input type="checkbox" checked={chosen.hasFile === true} onChange={() => onChange({ ...chosen, hasFile: chosen.hasFile ? undefined : true })} /> Has a file{' '}
              <span className="count">{facets.hasFile}</span>
            </label>
          </li>
          <li>
            <label>
              <input type="checkbox" checked={chosen.hasText === true} onChange={() => onChange({ ...chosen, hasText: chosen.hasText ? undefined : true })} /> Has text{' '}
              <span className="count">{facets.hasText}</span>
            </label>
          </li>
        </ul>
      </fieldset>
    </div>
  );
}
