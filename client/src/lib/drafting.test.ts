import { describe, expect, it } from 'vitest';
import type { Comment } from '@plenary/shared';
import { actorName, exportUrl, formatCountdown, listLabels, mayResolve, threadsOf, unresolvedCount } from './drafting';

const c = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  paragraphId: 'p-1',
  text: id,
  author: 'delegate:pk',
  name: 'Pakistan',
  at: 1,
  kind: 'comment',
  ...extra,
});

describe('comments', () => {
  it('threads replies one level under their comment, per paragraph', () => {
    const comments = [c('a'), c('b', { replyTo: 'a' }), c('x', { paragraphId: 'p-2' }), c('d'), c('e', { replyTo: 'd' })];
    const threads = threadsOf(comments, 'p-1');
    expect(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['b']],
      ['d', ['e']],
    ]);
  });

  it('counts unresolved comments of a paragraph', () => {
    expect(unresolvedCount([c('a'), c('b', { resolved: { by: 'chair', at: 2 } }), c('x', { paragraphId: 'p-2' })], 'p-1')).toBe(1);
  });

  it('its author or the chair may resolve; not another delegation, not an observer, not twice', () => {
    expect(mayResolve(c('a'), 'delegate', 'delegate:pk')).toBe(true);
    expect(mayResolve(c('a'), 'delegate', 'delegate:in')).toBe(false);
    expect(mayResolve(c('a'), 'chair', 'chair')).toBe(true);
    expect(mayResolve(c('a'), 'observer', 'observer')).toBe(false);
    expect(mayResolve(c('a', { resolved: { by: 'chair', at: 1 } }), 'chair', 'chair')).toBe(false);
  });
});

describe('drafting words', () => {
  it('names actors', () => {
    const d = { pk: { id: 'pk', name: 'Pakistan', short: 'PK', color: '#000000' } };
    expect(actorName('delegate:pk', d)).toBe('Pakistan');
    expect(actorName('chair', d)).toBe('Chair');
    expect(actorName('delegate:zz', d)).toBe('ZZ');
    expect(actorName(null, d)).toBe('Unverified');
  });

  it('builds export links with status notes off and a revision', () => {
    expect(exportUrl('kabul', 't.k', 'md', { statusNotes: true })).toBe('/api/sessions/kabul/communique.md?token=t.k');
    expect(exportUrl('kabul', 't', 'pdf', { statusNotes: false, rev: 2 })).toBe('/api/sessions/kabul/communique.pdf?token=t&status=0&rev=2');
  });

  it('counts down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(125_000)).toBe('2:05');
    expect(formatCountdown(124_001)).toBe('2:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('lists paragraph labels in words', () => {
    expect(listLabels([])).toBe('');
    expect(listLabels(['PP1'])).toBe('PP1');
    expect(listLabels(['PP1', 'PP2', 'OP3'])).toBe('PP1, PP2 and OP3');
  });
});
