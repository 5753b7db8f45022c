import { describe, expect, it } from 'vitest';
import { Presence } from './Presence';

describe('Presence', () => {
  it('[P1] a delegation with two tabs counts once, with its connection count', () => {
    const p = new Presence();
    p.add('a', { sid: 's', role: 'delegate', delegation: 'pk', name: 'Pakistan' });
    p.add('b', { sid: 's', role: 'delegate', delegation: 'pk', name: 'Pakistan' });
    p.add('c', { sid: 's', role: 'chair', name: 'Chair' });
    p.add('d', { sid: 'other', role: 'observer', name: 'Observer' });
    expect(p.list('s')).toEqual([
      { key: 'chair', role: 'chair', name: 'Chair', connections: 1 },
      { key: 'delegate:pk', role: 'delegate', delegation: 'pk', name: 'Pakistan', connections: 2 },
    ]);
  });

  it('[P1] a closed connection leaves the list', () => {
    const p = new Presence();
    p.add('a', { sid: 's', role: 'delegate', delegation: 'pk', name: 'Pakistan' });
    p.remove('s', 'a');
    expect(p.list('s')).toEqual([]);
  });
});
