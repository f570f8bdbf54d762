import { useEffect, useMemo, useRef } from 'react';
import { findAll, markPieces } from './findText';

/** A page's text with the find box's hits marked; the first is scrolled into view. */
export function MarkedText({ text, query }: { text: string; query: string }) {
  const body = useRef<HTMLParagraphElement>(null);
  const pieces = useMemo(() => markPieces(text, query.trim() ? findAll(text, query) : []), [text, query]);
  useEffect(() => {
    body.current?.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
  }, [pieces]);
  return (
    <p ref={body} className="prose reader-text-body">
      {pieces.map((p, i) => (p.hit === null ? p.text : <mark key={i}>{p.text}</mark>))}
    </p>
  );
}
