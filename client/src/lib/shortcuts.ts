import { i18n, labelMap } from '../i18n';

/** The chair's keyboard shortcuts, in one place for the handler, the tooltips and the `?` overlay. */
export type ShortcutAction = 'next' | 'pauseResume' | 'endSpeech' | 'extend' | 'help';

const SHORTCUT_LABEL: Record<ShortcutAction, string> = labelMap({
  next: 'shortcut.next',
  pauseResume: 'shortcut.pauseResume',
  endSpeech: 'shortcut.endSpeech',
  extend: 'shortcut.extend',
  help: 'shortcut.help',
});

const shortcut = (action: ShortcutAction, key: string) => ({
  action,
  key,
  get label() {
    return SHORTCUT_LABEL[action];
  },
});

export const SHORTCUTS: { action: ShortcutAction; key: string; readonly label: string }[] = [
  shortcut('next', 'N'),
  shortcut('pauseResume', 'Space'),
  shortcut('endSpeech', 'E'),
  shortcut('extend', '+'),
  shortcut('help', '?'),
];

export function shortcutKey(action: ShortcutAction): string {
  return SHORTCUTS.find((s) => s.action === action)!.key;
}

/** A button's tooltip with its shortcut: `Next speaker (N)`. */
export function withShortcut(title: string, action: ShortcutAction): string {
  return i18n.t('shortcut.withKey', { title, key: shortcutKey(action) });
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
