/**
 * Records per year as an SVG bar chart. Each year with records is a button ("1988: 3 records")
 * in one roving tab stop: Tab reaches the chart once, Left/Right/Home/End move between years,
 * Enter or Space chooses one (again: shows every year). Years without records stay as gaps, so
 * the chart reads as time, not as a list.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/i18n';

export interface YearCount {
  year: number;
  count: number;
}

interface Props {
  label: string;
  years: readonly YearCount[];
  chosen: number | null;
  onChoose: (year: number | null) => void;
}

const HEIGHT = 72;
const AXIS = 16;
/** Gaps are drawn only while the span stays readable; a longer span shows its years with records only. */
const MAX_SPAN = 160;

function spread(years: readonly YearCount[]): YearCount[] {
  if (years.length === 0) return [];
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  if (last - first > MAX_SPAN) return [...years];
  const byYear = new Map(years.map((y) => [y.year, y.count]));
  return Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, count: byYear.get(first + i) ?? 0 }));
}

export function YearBars({ label, years, chosen, onChoose }: Props) {
  const { t } = useT('timeline');
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const all = spread(years);
  const withRecords = all.filter((y) => y.count > 0);
  const [focusYear, setFocusYear] = useState<number | null>(null);
  const bars = useRef(new Map<number, SVGGElement>());

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(120, el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const max = Math.max(1, ...all.map((y) => y.count));
  const slot = Math.min(28, width / Math.max(1, all.length));
  const barWidth = Math.max(1, slot * 0.8);
  const tabYear = withRecords.some((y) => y.year === (focusYear ?? chosen))
    ? (focusYear ?? chosen)
    : (withRecords[0]?.year ?? null);
  const labelEvery = Math.max(1, Math.ceil(38 / slot));

  const onKeyDown = (e: KeyboardEvent<SVGGElement>, year: number) => {
    const at = withRecords.findIndex((y) => y.year === year);
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: withRecords.length - 1 };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onChoose(chosen === year ? null : year);
      return;
    }
    const next = to[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = withRecords[Math.max(0, Math.min(withRecords.length - 1, next))]!;
    setFocusYear(target.year);
    bars.current.get(target.year)?.focus();
  };

  return (
    <div className="year-bars" ref={box}>
      <svg role="group" aria-label={label} width={Math.max(slot * all.length, 1)} height={HEIGHT + AXIS}>
        {all.map((y, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          const h = y.count === 0 ? 0 : Math.max(2, (y.count / max) * (HEIGHT - 4));
          const showLabel = y.year % labelEvery === 0 || all.length === 1;
          const text = showLabel ? (
            <text
              x={x + barWidth / 2}
              y={HEIGHT + AXIS - 3}
              textAnchor="middle"
              aria-hidden="true"
              className="year-label"
            >
              {y.year}
            </text>
          ) : null;
          if (y.count === 0) return <g key={y.year}>{text}</g>;
          const isChosen = chosen === y.year;
          return (
            <g
              key={y.year}
              ref={(el) => {
                if (el) bars.current.set(y.year, el);
                else bars.current.delete(y.year);
              }}
              role="button"
              className={isChosen ? 'bar chosen' : 'bar'}
              tabIndex={y.year === tabYear ? 0 : -1}
              aria-label={t('bar', { year: y.year, count: y.count })}
              aria-pressed={isChosen}
              onClick={() => onChoose(isChosen ? null : y.year)}
              onKeyDown={(e) => onKeyDown(e, y.year)}
              onFocus={() => setFocusYear(y.year)}
            >
              <title>{t('bar', { year: y.year, count: y.count })}</title>
              {/* A full-height hit area: a short bar is still easy to click. */}
              <rect x={i * slot} y={0} width={slot} height={HEIGHT} className="bar-hit" />
              <rect x={x} y={HEIGHT - h} width={barWidth} height={h} className="bar-fill" />
              {text}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
