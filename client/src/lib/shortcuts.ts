/** The chair's keyboard shortcuts, in one place for the handler, the tooltips and the `?` overlay. */
export type ShortcutAction = 'next' | 'pauseResume' | 'endSpeech' | 'extend' | 'help';

export const SHORTCUTS: { action: ShortcutAction; key: string; label: string }[] = [
  { action: 'next', key: 'N', label: 'Next speaker' },
  { action: 'pauseResume', key: 'Space', label: 'Pause / resume the timer' },
  { action: 'endSpeech', key: 'E', label: 'End the speech' },
  { action: 'extend', key: '+', label: 'Give 30 seconds more' },
  { action: 'help', key: '?', label: 'Show or hide this list' },
];

export function shortcutKey(action: ShortcutAction): string {
  return SHORTCUTS.find((s) => s.action === action)!.key;
}

/** A button's tooltip with its shortcut: `Next speaker (N)`. */
export function withShortcut(title: string, action: ShortcutAction): string {
  return `${title} (${shortcutKey(action)})`;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'n':
    case 'N':
      return 'next';
    case ' ':
    case 'Spacebar':
      return 'pauseResume';
    case 'e':
    case 'E':
      return 'endSpeech';
    case '+':
      return 'extend';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/** Keys typed here are text, not commands: inputs, text areas, selects and editable content. */
export function isTypingTarget(t: TargetLike | null): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !TEXT_INPUT_TYPES.has((t.type ?? 'text').toLowerCase());
  return false;
}
