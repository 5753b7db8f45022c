/**
 * The server's clock seen from the browser (NTP's idea, simplified): a `clock` ping sent at
 * `sentAt` and answered at `receivedAt` (both local) carries the server's time, taken somewhere
 * in between. Assuming the halfway point, the error is at most half the round trip, so the
 * sample with the shortest round trip is the one to trust.
 */
export interface ClockSample {
  /** local Date.now() when the ping left */
  sentAt: number;
  /** local Date.now() when the answer came */
  receivedAt: number;
  /** the server's time in the answer */
  serverTime: number;
}

export interface ClockEstimate {
  /** add to Date.now() to get the server's time */
  offset: number;
  /** round trip of the sample used; the offset is good to ±rtt/2 */
  rtt: number;
}

/** How long a sample stays usable: local and server clocks drift apart slowly. */
export const SAMPLE_MAX_AGE_MS = 5 * 60_000;
/** Samples kept at most. */
export const MAX_SAMPLES = 20;

export function sampleEstimate(s: ClockSample): ClockEstimate | null {
  const rtt = s.receivedAt - s.sentAt;
  if (!Number.isFinite(rtt) || !Number.isFinite(s.serverTime) || rtt < 0) return null;
  return { offset: s.serverTime + rtt / 2 - s.receivedAt, rtt };
}

/**
 * The estimate from the recent sample with the shortest round trip; samples older than
 * `maxAgeMs` (by their `receivedAt`) are ignored unless nothing newer is usable. Null without a
 * usable sample.
 */
export function bestEstimate(samples: readonly ClockSample[], now: number, maxAgeMs = SAMPLE_MAX_AGE_MS): ClockEstimate | null {
  const usable = samples
    .map((s) => ({ s, e: sampleEstimate(s) }))
    .filter((x): x is { s: ClockSample; e: ClockEstimate } => x.e !== null);
  if (usable.length === 0) return null;
  const recent = usable.filter((x) => now - x.s.receivedAt <= maxAgeMs);
  const pool = recent.length > 0 ? recent : [usable.reduce((a, b) => (b.s.receivedAt > a.s.receivedAt ? b : a))];
  return pool.reduce((a, b) => (b.e.rtt < a.e.rtt ? b : a)).e;
}

/** Adds a sample, keeping the most recent `max`. */
export function addSample(samples: readonly ClockSample[], sample: ClockSample, max = MAX_SAMPLES): ClockSample[] {
  return [...samples, sample].slice(-max);
}
