import { useEffect, type RefObject } from 'react';

/**
 * Closes a popup on a click outside `ref` or on Escape, while `open`. Clicks on elements matching
 * `keepFor` (the button that toggles the popup) are left to that button.
 */
export function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, onClose: () => void, keepFor?: string): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element;
      if (keepFor && target.closest?.(keepFor)) return;
      if (ref.current && !ref.current.contains(target)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref, open, onClose, keepFor]);
}
