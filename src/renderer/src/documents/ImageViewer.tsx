import { useRef, useState } from 'react';
import { useT } from '../i18n/i18n';

/** An image with zoom (buttons, wheel) and pan (drag, or scroll the frame). */
export function ImageViewer({ src, alt }: { src: string; alt: string }) {
  const { t } = useT('documents');
  const [zoom, setZoom] = useState(1);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const set = (z: number) => setZoom(Math.min(8, Math.max(0.25, Math.round(z * 100) / 100)));
  return (
    <div className="image-viewer">
      <div className="zoom-controls" role="group" aria-label={t('zoom')}>
        <button type="button" onClick={() => set(zoom / 1.25)}>
          {t('zoomOut')}
        </button>
        <span>{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => set(zoom * 1.25)}>
          {t('zoomIn')}
        </button>
        <button type="button" onClick={() => set(1)}>
          {t('fit')}
        </button>
      </div>
      <div
        ref={frame}
        className="image-frame"
        // Focusable, so a zoomed image can be panned with the arrow keys as well as dragged.
        tabIndex={0}
        role="group"
        aria-label={t('frame', { name: alt })}
        onWheel={(e) => {
          if (!e.ctrlKey) return;
          e.preventDefault();
          set(zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
        }}
        onPointerDown={(e) => {
          const f = frame.current;
          if (!f) return;
          drag.current = { x: e.clientX, y: e.clientY, left: f.scrollLeft, top: f.scrollTop };
          f.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const f = frame.current;
          const d = drag.current;
          if (!f || !d) return;
          f.scrollLeft = d.left - (e.clientX - d.x);
          f.scrollTop = d.top - (e.clientY - d.y);
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <img src={src} alt={alt} draggable={false} style={{ width: `${zoom * 100}%` }} />
      </div>
    </div>
  );
}
