import { describe, expect, it } from 'vitest';
import { marker, markerIn, parseMarkerBody, scanMarkers } from './protocol';
import { fmt, fmtBytes, Histogram, median, percentile, percentileOfSorted, prng, ratio, summarize } from './stats';

describe('percentiles (nearest rank)', () => {
  it('picks the smallest value with at least p % of the samples at or below it', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOfSorted(xs, 50)).toBe(5);
    expect(percentileOfSorted(xs, 90)).toBe(9);
    expect(percentileOfSorted(xs, 99)).toBe(10);
    expect(percentileOfSorted(xs, 100)).toBe(10);
    expect(percentileOfSorted(xs, 0)).toBe(1);
    expect(percentileOfSorted(xs, 10)).toBe(1);
    expect(percentileOfSorted(xs, 11)).toBe(2);
  });

  it('sorts unsorted samples numerically, not as strings', () => {
    expect(percentile([10, 9, 100, 1], 50)).toBe(9);
    expect(percentile([10, 9, 100, 1], 100)).toBe(100);
  });

  it('is NaN for no samples and refuses p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it('one sample is every percentile', () => {
    for (const p of [0, 1, 50, 99, 100]) expect(percentile([42], p)).toBe(42);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

describe('summarize', () => {
  it('gives count, mean, p50/p90/p99, min and max', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(summarize(xs)).toEqual({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, min: 1, max: 100 });
  });

  it('is all NaN with a zero count for no samples', () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect(s.p99).toBeNaN();
    expect(s.max).toBeNaN();
  });
});

describe('Histogram', () => {
  it('agrees with exact percentiles to within one bucket, and keeps exact count, mean, min, max', () => {
    const rand = prng(7);
    const xs = Array.from({ length: 20_000 }, () => rand() * rand() * 300);
    const h = new Histogram(0.05, 1000);
    for (const x of xs) h.record(x);
    const exact = summarize(xs);
    const approx = h.summary();
    expect(approx.count).toBe(exact.count);
    expect(approx.mean).toBeCloseTo(exact.mean, 6);
    expect(approx.min).toBe(exact.min);
    expect(approx.max).toBe(exact.max);
    for (const k of ['p50', 'p90', 'p99'] as const) {
      expect(approx[k]).toBeGreaterThanOrEqual(exact[k]);
      expect(approx[k] - exact[k]).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('never reports a percentile above the max, and puts values past the limit in overflow', () => {
    const h = new Histogram(1, 10);
    h.record(3.2);
    expect(h.percentile(50)).toBe(3.2);
    h.record(500);
    expect(h.percentile(100)).toBe(500);
    expect(h.percentile(50)).toBe(4); // the upper edge of 3.2's bucket, once the max is above it
    expect(h.count).toBe(2);
  });

  it('records negative values (clock skew) as 0 and merges histograms of the same shape', () => {
    const a = new Histogram(1, 100);
    const b = new Histogram(1, 100);
    a.record(-5);
    b.record(10);
    b.record(20);
    a.merge(b);
    expect(a.summary()).toMatchObject({ count: 3, min: 0, max: 20, p50: 11 });
    expect(() => a.merge(new Histogram(2, 100))).toThrow();
  });

  it('is NaN when empty', () => {
    expect(new Histogram().percentile(99)).toBeNaN();
    expect(new Histogram().summary().count).toBe(0);
  });
});

describe('ratio and formatting', () => {
  it('divides, or gives null for missing or zero denominators', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(NaN, 2)).toBeNull();
  });

  it('formats to a few significant digits', () => {
    expect(fmt(0.012345)).toBe('0.0123');
    expect(fmt(12.345)).toBe('12.3');
    expect(fmt(1234.5)).toBe('1,235');
    expect(fmt(0)).toBe('0');
    expect(fmt(null)).toBe('—');
    expect(fmtBytes(2048)).toBe('2.00 KiB');
    expect(fmtBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
  });

  it('prng is deterministic per seed and within [0, 1)', () => {
    const a = prng(1);
    const b = prng(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('insert markers', () => {
  it('round-trips writer, sequence and send time', () => {
    const m = marker(3, 17, 12345.6789);
    expect(markerIn(`${m} Calls upon all States`)).toEqual({ writer: 3, seq: 17, sentAt: 12345.679 });
    expect(parseMarkerBody('x.1@2')).toBeNull();
  });

  it('finds every marker in a raw frame, also several merged into one', () => {
    const frame = Buffer.concat([Buffer.from([0, 2, 99]), Buffer.from(`${marker(1, 1, 10)}abc${marker(2, 5, 20.5)}`, 'latin1'), Buffer.from([0, 0])]);
    const seen: [number, number, number][] = [];
    expect(scanMarkers(frame, (t, w, s) => seen.push([t, w, s]))).toBe(2);
    expect(seen).toEqual([
      [10, 1, 1],
      [20.5, 2, 5],
    ]);
  });
});
