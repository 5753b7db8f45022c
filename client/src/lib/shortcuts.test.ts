import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, withShortcut } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('chair keyboard shortcuts', () => {
  it('maps keys to actions', () => {
    expect(shortcutFor(key('n'))).toBe('next');
    expect(shortcutFor(key('N'))).toBe('next');
    expect(shortcutFor(key(' '))).toBe('pauseResume');
    expect(shortcutFor(key('e'))).toBe('endSpeech');
    expect(shortcutFor(key('+'))).toBe('extend');
    expect(shortcutFor(key('?'))).toBe('help');
    expect(shortcutFor(key('x'))).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('e', { metaKey: true }))).toBeNull();
  });

  it('leaves keys alone while the chair is typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('names the shortcut in tooltips', () => {
    expect(withShortcut('Next speaker', 'next')).toBe('Next speaker (N)');
    expect(withShortcut('Pause', 'pauseResume')).toBe('Pause (Space)');
  });
});
