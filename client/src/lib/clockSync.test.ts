import { describe, expect, it } from 'vitest';
import { addSample, bestEstimate, sampleEstimate, type ClockSample } from './clockSync';

/** A ping to a server whose clock is `offset` ahead, answered `up` ms after sending and received `down` ms later. */
function ping(sentAt: number, offset: number, up: number, down: number): ClockSample {
  return { sentAt, serverTime: sentAt + up + offset, receivedAt: sentAt + up + down };
}

describe('[T2] clock offset estimation', () => {
  it('assumes the server answered halfway through the round trip', () => {
    expect(sampleEstimate(ping(1000, 5000, 20, 20))).toEqual({ offset: 5000, rtt: 40 });
    // an asymmetric trip errs by at most half the round trip
    const e = sampleEstimate(ping(1000, 5000, 90, 10))!;
    expect(e.rtt).toBe(100);
    expect(Math.abs(e.offset - 5000)).toBeLessThanOrEqual(50);
  });

  it('keeps the sample with the smallest round trip', () => {
    const samples = [ping(0, -3000, 400, 20), ping(1000, -3000, 5, 5), ping(2000, -3000, 20, 300)];
    expect(bestEstimate(samples, 3000)).toEqual({ offset: -3000, rtt: 10 });
  });

  it('ignores broken samples and says so when nothing is usable', () => {
    expect(bestEstimate([], 0)).toBeNull();
    expect(bestEstimate([{ sentAt: 10, receivedAt: 5, serverTime: 100 }], 20)).toBeNull();
    expect(bestEstimate([{ sentAt: 0, receivedAt: 5, serverTime: Number.NaN }], 20)).toBeNull();
  });

  it('prefers recent samples, so a re-measure a minute later can follow drift', () => {
    const old = ping(0, 1000, 1, 1); // very fast but ten minutes old
    const fresh = [ping(600_000, 1200, 30, 30), ping(601_000, 1200, 10, 10)];
    expect(bestEstimate([old, ...fresh], 602_000)).toEqual({ offset: 1200, rtt: 20 });
    // with only stale samples the newest one still counts
    expect(bestEstimate([old, ping(1000, 1100, 50, 50)], 10_000_000)).toEqual({ offset: 1100, rtt: 100 });
  });

  it('keeps a bounded number of samples', () => {
    let s: ClockSample[] = [];
    for (let i = 0; i < 30; i++) s = addSample(s, ping(i * 100, 0, 1, 1), 20);
    expect(s).toHaveLength(20);
    expect(s[0]!.sentAt).toBe(1000);
  });
});
