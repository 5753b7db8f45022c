import { describe, expect, it } from 'vitest';
import { parseRate, TokenBucket } from './TokenBucket';

describe('token bucket', () => {
  it('[K1] allows a burst, then the rate, and refills with time', () => {
    let now = 0;
    const b = new TokenBucket({ perSecond: 10, burst: 3 }, () => now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    now += 100; // one token back
    expect([b.take(), b.take()]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect(Array.from({ length: 4 }, () => b.take())).toEqual([true, true, true, false]);
  });

  it('[K1] a rate of 0 is no limit', () => {
    const b = new TokenBucket({ perSecond: 0, burst: 0 }, () => 0);
    expect(Array.from({ length: 1000 }, () => b.take()).every(Boolean)).toBe(true);
  });

  it('[K11] work paid after the fact: a budget goes into debt of one burst at most and refills', () => {
    let now = 0;
    const b = new TokenBucket({ perSecond: 40, burst: 400 }, () => now);
    expect(b.hasAny()).toBe(true);
    b.spend(330);
    expect(b.hasAny()).toBe(true);
    b.spend(5000); // one costly check: in debt by the burst, not by 4,930
    expect(b.hasAny()).toBe(false);
    now += 10_000; // 400 back: still spent
    expect(b.hasAny()).toBe(false);
    now += 1_000;
    expect(b.hasAny()).toBe(true);
  });

  it('[K1] parses "rate/burst" and names the variable when malformed', () => {
    expect(parseRate('50/500', { perSecond: 1, burst: 1 }, 'X')).toEqual({ perSecond: 50, burst: 500 });
    expect(parseRate('20', { perSecond: 1, burst: 1 }, 'X')).toEqual({ perSecond: 20, burst: 200 });
    expect(parseRate(undefined, { perSecond: 1, burst: 2 }, 'X')).toEqual({ perSecond: 1, burst: 2 });
    expect(() => parseRate('fast', { perSecond: 1, burst: 1 }, 'PLENARY_RATE_UPDATES')).toThrow(/PLENARY_RATE_UPDATES/);
    expect(() => parseRate('5/0', { perSecond: 1, burst: 1 }, 'X')).toThrow(/burst/);
  });
});
