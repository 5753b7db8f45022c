/** A rate: `perSecond` on average, up to `burst` at once. `perSecond` 0 means no limit. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** One connection's allowance for one kind of message. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = rate.burst;
    this.last = now();
  }

  /** Takes one token; false when the allowance is spent (the message must be refused). */
  take(): boolean {
    if (!this.hasAny()) return false;
    if (this.rate.perSecond > 0) this.tokens -= 1;
    return true;
  }

  /** Whether at least one token is left (refilled up to now). */
  hasAny(): boolean {
    if (this.rate.perSecond === 0) return true;
    const t = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.last) / 1000) * this.rate.perSecond);
    this.last = t;
    return this.tokens >= 1;
  }

  /**
   * Spends `amount` tokens after the fact (e.g. milliseconds of work done): the allowance may go into
   * debt, of one burst at most, so that it is back within two bursts' time.
   */
  spend(amount: number): void {
    if (this.rate.perSecond > 0) this.tokens = Math.max(-this.rate.burst, this.tokens - amount);
  }
}

/** "50/500": 50 a second, bursts of 500; "50": bursts of 10 × the rate; "0": no limit. */
export function parseRate(value: string | undefined, fallback: Rate, name: string): Rate {
  if (value === undefined || value === '') return fallback;
  const m = /^(\d+)(?:\/(\d+))?$/.exec(value.trim());
  if (!m) throw new Error(`${name} must be "<per second>/<burst>", e.g. "50/500", got "${value}"`);
  const perSecond = Number(m[1]);
  const burst = m[2] === undefined ? perSecond * 10 : Number(m[2]);
  if (perSecond > 0 && burst < 1) throw new Error(`${name}: the burst must be at least 1, got "${value}"`);
  return { perSecond, burst };
}

export function describeRate(rate: Rate): string {
  return `${rate.perSecond} a second (bursts of ${rate.burst})`;
}
