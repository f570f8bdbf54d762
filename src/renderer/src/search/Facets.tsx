/**
 * Facets over the current result, with counts; choosing one filters the result. Each group folds
 * away (the type, decade and year groups start open, the rest closed unless one of their values is
 * chosen), so the groups and the saved searches below fit a 900 px window.
 */
import type { FacetFilters, Facets as FacetCounts, FacetValue } from '../../../shared/search/engine';
import type { RecordType } from '../../../shared/model';
import { languageName } from '../common/format';
import { RECORD_TYPE_LABELS } from '../common/labels';
import { useT } from '../i18n/i18n';

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

function Group({
  title,
  values,
  chosen,
  label,
  onToggle,
  open = false,
}: {
  open?: boolean;
  title: string;
  values: FacetValue[];
  chosen: string[];
  label?: (v: string) => string;
  onToggle: (v: string) => void;
}) {
  const shown = values.filter((v) => v.count > 0 || chosen.includes(v.value));
  if (shown.length === 0 && chosen.length === 0) return null;
  return (
    <details className="facet" open={open || chosen.length > 0}>
      <summary>{title}</summary>
      <fieldset>
        <legend className="visually-hidden">{title}</legend>
        <ul>
          {shown.slice(0, 12).map((v) => (
            <li key={v.value}>
              <label>
                <input type="checkbox" checked={chosen.includes(v.value)} onChange={() => onToggle(v.value)} />{' '}
                {label ? label(v.value) : v.value} <span className="count">{v.count}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </details>
  );
}

export function Facets({ facets, chosen, onChange }: Props) {
  const { t } = useT('search');
  const strings = (key: ListKey) => (chosen[key] ?? []).map(String);
  const flip = (key: ListKey, raw: string) => {
    const value = key === 'years' || key === 'decades' ? Number(raw) : raw;
    onChange({ ...chosen, [key]: toggle(chosen[key] as unknown[] | undefined, value) });
  };
  return (
    <div className="facets" role="group" aria-label={t('facets.label')}>
      <Group
        title={t('facets.type')}
        values={facets.type}
        chosen={strings('types')}
        label={(v) => RECORD_TYPE_LABELS[v as RecordType] ?? v}
        onToggle={(v) => flip('types', v)}
        open
      />
      <Group
        title={t('facets.decade')}
        values={facets.decade}
        chosen={strings('decades')}
        label={(v) => t('facets.decadeValue', { decade: v })}
        onToggle={(v) => flip('decades', v)}
        open
      />
      <Group
        title={t('facets.year')}
        values={facets.year}
        chosen={strings('years')}
        onToggle={(v) => flip('years', v)}
        open
      />
      <Group
        title={t('facets.partnership')}
        values={facets.partnership}
        chosen={strings('partnerships')}
        onToggle={(v) => flip('partnerships', v)}
      />
      <Group
        title={t('facets.organisation')}
        values={facets.organisation}
        chosen={strings('organisations')}
        onToggle={(v) => flip('organisations', v)}
      />
      <Group
        title={t('facets.place')}
        values={facets.place}
        chosen={strings('places')}
        onToggle={(v) => flip('places', v)}
      />
      <Group title={t('facets.tag')} values={facets.tag} chosen={strings('tags')} onToggle={(v) => flip('tags', v)} />
      <Group
        title={t('facets.language')}
        values={facets.language}
        chosen={strings('languages')}
        label={languageName}
        onToggle={(v) => flip('languages', v)}
      />
      <fieldset className="facet">
        <legend>{t('facets.documents')}</legend>
        <ul>
          <li>
            <label>
              <input
                type="checkbox"
                checked={chosen.hasFile === true}
                onChange={() => onChange({ ...chosen, hasFile: chosen.hasFile ? undefined : true })}
              />{' '}
              {t('facets.hasFile')} <span className="count">{facets.hasFile}</span>
            </label>
          </li>
          <li>
            <label>
              <input
                type="checkbox"
                checked={chosen.hasText === true}
                onChange={() => onChange({ ...chosen, hasText: chosen.hasText ? undefined : true })}
              />{' '}
              {t('facets.hasText')} <span className="count">{facets.hasText}</span>
            </label>
          </li>
        </ul>
      </fieldset>
    </div>
  );
}
