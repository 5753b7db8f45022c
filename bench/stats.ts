/** Pure statistics helpers for the benchmark: no I/O, unit-tested in stats.test.ts. */

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  min: number;
}

export const EMPTY_SUMMARY: Summary = { count: 0, mean: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN, min: NaN };

/**
 * The p-th percentile (0–100) of an ascending array, nearest-rank: the smallest value such that at
 * least p % of the samples are ≤ it. NaN for an empty array.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (p === 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * n);
  return sorted[Math.min(n, Math.max(1, rank)) - 1]!;
}

/** The p-th percentile of unsorted samples (copies and sorts). */
export function percentile(samples: ArrayLike<number>, p: number): number {
  return percentileOfSorted(Float64Array.from(samples).sort(), p);
}

/** The median: the middle value, or the mean of the two middle ones. NaN for no samples. */
export function median(samples: ArrayLike<number>): number {
  const n = samples.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(samples).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Count, mean, p50/p90/p99, min and max of samples. */
export function summarize(samples: ArrayLike<number>): Summary {
  if (samples.length === 0) return { ...EMPTY_SUMMARY };
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sum / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * A histogram of non-negative values with fixed-width buckets (`resolution` wide) up to `limit`,
 * and one overflow bucket; exact count, sum, min and max. Used where millions of latency samples
 * would not fit in arrays: percentiles are the upper edge of the bucket holding the rank, so they
 * are at most one `resolution` above the exact value (and never above the max).
 */
export class Histogram {
  private readonly buckets: Uint32Array;
  private overflow = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  constructor(
    readonly resolution = 0.05,
    readonly limit = 60_000,
  ) {
    if (!(resolution > 0) || !(limit > resolution)) throw new RangeError('resolution must be > 0 and limit > resolution');
    this.buckets = new Uint32Array(Math.ceil(limit / resolution));
  }

  record(value: number): void {
    const v = value < 0 ? 0 : value;
    const i = Math.floor(v / this.resolution);
    if (i < this.buckets.length) this.buckets[i]!++;
    else this.overflow++;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** Adds another histogram of the same shape. */
  merge(other: Histogram): void {
    if (other.resolution !== this.resolution || other.limit !== this.limit) throw new Error('histograms of different shapes');
    for (let i = 0; i < this.buckets.length; i++) this.buckets[i]! += other.buckets[i]!;
    this.overflow += other.overflow;
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  percentile(p: number): number {
    if (this.count === 0) return NaN;
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
    if (p === 0) return this.min;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, (i + 1) * this.resolution));
    }
    return this.max; // in the overflow bucket
  }

  summary(): Summary {
    if (this.count === 0) return { ...EMPTY_SUMMARY };
    return {
      count: this.count,
      mean: this.sum / this.count,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      min: this.min,
      max: this.max,
    };
  }
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** A number for a table: a few significant digits, '—' for missing. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return value.toFixed(Math.min(decimals, 6));
}

/** Bytes as KiB/MiB with a few significant digits. */
export function fmtBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MiB`;
  if (abs >= 1024) return `${fmt(bytes / 1024)} KiB`;
  return `${Math.round(bytes)} B`;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same sequence in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
