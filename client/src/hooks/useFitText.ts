import { useLayoutEffect, type RefObject } from 'react';

/**
 * Shrinks the type of `text` (in `em`, from `max` down to `min`) until `box` no longer overflows:
 * the room screen must show a whole paragraph without scrolling. Re-fits when `key` changes and
 * when the window is resized.
 */
export function useFitText(box: RefObject<HTMLElement | null>, text: RefObject<HTMLElement | null>, key: unknown, max: number, min: number): void {
  useLayoutEffect(() => {
    const fit = () => {
      const b = box.current;
      const t = text.current;
      if (!b || !t) return;
      const overflows = (size: number) => {
        t.style.fontSize = `${size}em`;
        return b.scrollHeight > b.clientHeight + 1;
      };
      if (!overflows(max)) return;
      // binary search over hundredths of an em: a handful of layouts, not dozens
      let lo = Math.round(min * 100);
      let hi = Math.round(max * 100);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (overflows(mid / 100)) hi = mid;
        else lo = mid;
      }
      t.style.fontSize = `${lo / 100}em`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [box, text, key, max, min]);
}
