/**
 * The timeline above the list: records per year for what the list shows without its year (the
 * library, a partnership chosen in the sidebar, any other filter), or for the current search
 * result (its year facet). Choosing a year filters the list, or the search, to it.
 */
import { useState } from 'react';
import type { FacetValue } from '../../../shared/search/engine';
import { afterRows } from '../common/firstRows';
import { archive } from '../archive';
import { ErrorText } from '../common/ErrorText';
import { useResult } from '../common/useResult';
import { useT } from '../i18n/i18n';
import { hasFilters, toFilters, type ListQuery } from '../library/query';
import { YearBars, type YearCount } from './YearBars';

type Source =
  | { kind: 'list'; query: ListQuery; revision: number }
  | { kind: 'search'; years: readonly FacetValue[]; chosen: number | null };

const KEY = 'civic-archive.timeline-open';

function initiallyOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

export function Timeline({ source, onYear }: { source: Source; onYear: (year: number | null) => void }) {
  const { t } = useT('timeline');
  const [open, setOpen] = useState(initiallyOpen);
  const listQuery = source.kind === 'list' ? { ...source.query, year: null } : null;
  const perYear = useResult(
    () => (listQuery && open ? afterRows(() => archive.recordsPerYear(toFilters(listQuery))) : null),
    [open, listQuery ? JSON.stringify(toFilters(listQuery)) : null, source.kind === 'list' ? source.revision : null],
  );

  let label: string;
  let years: YearCount[];
  let chosen: number | null;
  let undated = 0;
  if (source.kind === 'search') {
    label = t('ofSearch');
    years = source.years
      .map((v) => ({ year: Number(v.value), count: v.count }))
      .filter((y) => Number.isInteger(y.year))
      .sort((a, b) => a.year - b.year);
    chosen = source.chosen;
  } else {
    const q = source.query;
    label =
      q.authority?.kind === 'partnership'
        ? t('ofPartnership', { name: q.authority.name })
        : hasFilters({ ...q, year: null })
          ? t('ofFilter')
          : t('ofLibrary');
    years = perYear.value?.years ?? [];
    undated = perYear.value?.undated ?? 0;
    chosen = q.year;
  }

  const toggle = () => {
    const next = !open;
    setOpen(next);
    try {
      localStorage.setItem(KEY, String(next));
    } catch {
      /* remembered for this session only */
    }
  };

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <div className="timeline-head">
        <h2 id="timeline-heading" className="sidebar-heading">
          {t('heading')}
        </h2>
        {open ? <span className="muted timeline-label">{label}</span> : null}
        {open && undated > 0 ? <span className="muted">({t('undated', { count: undated })})</span> : null}
        {chosen !== null ? (
          <button type="button" className="link-button" onClick={() => onYear(null)}>
            {t('chosen', { year: chosen })} ×
          </button>
        ) : null}
        <button type="button" className="quiet timeline-toggle" aria-expanded={open} onClick={toggle}>
          {open ? t('hide') : t('show')}
        </button>
      </div>
      {open ? (
        <>
          {source.kind === 'list' ? <ErrorText error={perYear.error} prefix={t('loadFailed')} /> : null}
          {years.length === 0 && (source.kind === 'search' || perYear.value) ? (
            <p className="muted">{t('empty')}</p>
          ) : null}
          {years.length > 0 ? <YearBars label={label} years={years} chosen={chosen} onChoose={onYear} /> : null}
        </>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {chosen !== null ? t('chosen', { year: chosen }) : ''}
      </span>
    </section>
  );
}
