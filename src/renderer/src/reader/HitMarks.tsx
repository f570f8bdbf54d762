import { useEffect, useRef } from 'react';
import type { Box } from './pdfText';

/**
 * Find hits drawn over the page, as translucent boxes; the current one is outlined and scrolled
 * into view. Decorative: the find box says the count and position in words.
 */
export function HitMarks({ boxes }: { boxes: { box: Box; current: boolean }[] }) {
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    layer.current?.querySelector('.reader-hit-current')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [boxes]);
  return (
    <div ref={layer} className="reader-hits" aria-hidden="true">
      {boxes.map(({ box, current }, i) => (
        <div
          key={i}
          className={current ? 'reader-hit reader-hit-current' : 'reader-hit'}
          style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
        />
      ))}
    </div>
  );
}
