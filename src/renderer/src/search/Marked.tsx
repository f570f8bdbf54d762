import type { Segment } from '../../../shared/search/snippet';

/** Text with the matched words marked. Every segment is rendered as text, never as markup. */
export function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
