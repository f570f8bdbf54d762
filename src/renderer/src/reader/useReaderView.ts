/**
 * How the page is shown: fitted to the frame's width or whole, or at a zoom of its own, and turned
 * by quarter turns. The scale is worked out from the page's size (at 100%, unturned) and the
 * frame's, so fitting follows the window as it is resized.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { loadPrefs, savePrefs, type Fit } from './readerPrefs';

export interface Size {
  width: number;
  height: number;
}

export type Rotation = 0 | 90 | 180 | 270;

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;
// Room around the page inside the frame (its padding and a scroll bar).
const GUTTER = 32;

function useFrameSize(frame: RefObject<HTMLElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const node = frame.current;
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [frame]);
  return size;
}

export function useReaderView(frame: RefObject<HTMLElement | null>) {
  const [prefs, setPrefs] = useState(loadPrefs);
  const [fit, setFitMode] = useState<Fit | null>(prefs.fit);
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState<Rotation>(0);
  const [natural, setNatural] = useState<Size | null>(null);
  const frameSize = useFrameSize(frame);

  const turned = natural && rotation % 180 ? { width: natural.height, height: natural.width } : natural;
  let scale = zoom;
  if (fit && turned && frameSize) {
    const byWidth = Math.max(50, frameSize.width - GUTTER) / turned.width;
    const byHeight = Math.max(50, frameSize.height - GUTTER) / turned.height;
    scale = fit === 'width' ? byWidth : Math.min(byWidth, byHeight);
  }
  scale = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));

  const remember = useCallback((next: Partial<typeof prefs>) => {
    setPrefs((p) => {
      const merged = { ...p, ...next };
      savePrefs(merged);
      return merged;
    });
  }, []);
  const zoomBy = (factor: number) => {
    setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(scale * factor * 100) / 100)));
    setFitMode(null);
  };
  return {
    scale,
    fit,
    rotation,
    showText: prefs.showText,
    setNatural,
    setFit: (f: Fit) => {
      setFitMode(f);
      remember({ fit: f });
    },
    zoomIn: () => zoomBy(1.25),
    zoomOut: () => zoomBy(1 / 1.25),
    rotate: () => setRotation((r) => ((r + 90) % 360) as Rotation),
    toggleText: () => remember({ showText: !prefs.showText }),
  };
}

export type ReaderView = ReturnType<typeof useReaderView>;
