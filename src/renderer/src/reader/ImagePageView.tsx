import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { HitMarks } from './HitMarks';
import { markBoxes, type PageViewProps } from './pageLayout';
import type { Size } from './useReaderView';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(src));
    img.src = src;
  });
}

/**
 * One image page (a photograph, or a scan's page preview) drawn into a canvas at the reader's
 * scale and quarter turn, like a PDF page, so zoom, fit and rotation work the same for both.
 */
export function ImagePageView({
  src,
  page,
  scale,
  rotation,
  layout,
  hits,
  current,
  onNaturalSize,
}: PageViewProps & { src: string | null }) {
  const { t } = useT('reader');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState<Size | null>(null);

  useEffect(() => {
    let stopped = false;
    setImage(null);
    setFailed(false);
    if (!src) return;
    loadImage(src).then(
      (img) => {
        if (stopped) return;
        onNaturalSize({ width: img.naturalWidth, height: img.naturalHeight });
        setImage(img);
      },
      () => !stopped && setFailed(true),
    );
    return () => {
      stopped = true;
    };
  }, [src, onNaturalSize]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !image) return;
    const dpr = window.devicePixelRatio || 1;
    const w = image.naturalWidth * scale;
    const h = image.naturalHeight * scale;
    const turned = rotation % 180 !== 0;
    const cssW = turned ? h : w;
    const cssH = turned ? w : h;
    c.width = Math.ceil(cssW * dpr);
    c.height = Math.ceil(cssH * dpr);
    c.style.width = `${Math.ceil(cssW)}px`;
    c.style.height = `${Math.ceil(cssH)}px`;
    setShown({ width: cssW, height: cssH });
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.translate(cssW / 2, cssH / 2);
    g.rotate((rotation * Math.PI) / 180);
    g.imageSmoothingQuality = 'high';
    g.drawImage(image, -w / 2, -h / 2, w, h);
  }, [image, scale, rotation]);

  const boxes = useMemo(
    () => markBoxes(layout, hits, current, shown && { size: shown, rotation, viewport: null }),
    [layout, hits, current, shown, rotation],
  );

  if (!src) return <p className="muted">{t('pageNotDrawn', { page })}</p>;
  return (
    <div className="reader-page">
      {failed ? <p className="error">{t('imageFailed')}</p> : null}
      <canvas ref={canvas} className="reader-canvas" aria-label={t('page', { page })} role="img" />
      <HitMarks boxes={boxes} />
    </div>
  );
}
