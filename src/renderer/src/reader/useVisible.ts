import { useEffect, useState, type RefObject } from 'react';

/** True once the element has come near the visible part of its scrolling strip (and stays true). */
export function useVisible(node: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = node.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [node, seen]);
  return seen;
}
