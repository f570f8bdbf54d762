/** The find box's hits across the pages, and which one is current. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, foldForFind, type FoldedText, type TextRange } from './findText';

export interface Hit extends TextRange {
  page: number;
  /** Its index among the hits of its own page. */
  onPage: number;
}

export function useFind(texts: readonly string[], query: string, page: number, goTo: (page: number) => void) {
  // The pages folded once for all the queries typed (a long Chinese document folds slowly), and
  // only once something is looked for.
  const folded = useRef<{ texts: readonly string[]; folded: FoldedText[] } | null>(null);
  const hits = useMemo(() => {
    const out: Hit[] = [];
    if (!query.trim()) return out;
    if (folded.current?.texts !== texts) folded.current = { texts, folded: texts.map(foldForFind) };
    const prepared = folded.current.folded;
    texts.forEach((text, i) => {
      findAll(text, query, prepared[i]).forEach((r, k) => out.push({ ...r, page: i + 1, onPage: k }));
    });
    return out;
  }, [texts, query]);
  const [current, setCurrent] = useState<number | null>(null);

  // A new query starts from the first hit on or after the page being read.
  useEffect(() => {
    if (hits.length === 0) return setCurrent(null);
    const next = hits.findIndex((h) => h.page >= page);
    setCurrent(next >= 0 ? next : 0);
    // Only when the hits change: turning pages by hand does not move the current hit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits]);

  const move = (step: number) => {
    if (hits.length === 0) return;
    const at = current === null ? 0 : (current + step + hits.length) % hits.length;
    setCurrent(at);
  };
  useEffect(() => {
    if (current !== null && hits[current]) goTo(hits[current].page);
    // Going to the current hit's page when it is chosen, not every time goTo's identity changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, hits]);

  return { hits, current, next: () => move(1), previous: () => move(-1) };
}
