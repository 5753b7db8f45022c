import { useEffect, useRef } from 'react';
import { isTypingTarget, shortcutFor, type ShortcutAction } from '../lib/shortcuts';

/**
 * The chair's keys, on the whole window, except while typing (inputs, the communiqué editor).
 * Space pauses/resumes even when a button has the focus, so a button just clicked is not clicked
 * again by it.
 */
export function useChairShortcuts(enabled: boolean, onAction: (a: ShortcutAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;

  useEffect(() => {
    if (!enabled) return;
    let swallowSpaceUp = false;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (isTypingTarget(target)) return;
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      if (e.repeat) return;
      if (action === 'pauseResume') swallowSpaceUp = true;
      handler.current(action);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && swallowSpaceUp) {
        swallowSpaceUp = false;
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [enabled]);
}
