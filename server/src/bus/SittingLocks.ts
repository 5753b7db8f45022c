import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { PlenaryError } from '@plenary/shared';

// compare-and-delete / compare-and-extend: a lock whose lease ran out and went to another node is left alone
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

interface Lease {
  key: string;
  token: string;
  held: boolean;
  renew: NodeJS.Timeout;
}

export interface SittingLocksOptions {
  /** how long a lease lasts unless renewed; renewed every third of it while held */
  ttlMs?: number;
  /** how long to wait for a busy lock before giving up */
  waitMs?: number;
  log?: (msg: string) => void;
}

/**
 * One lock per sitting across every node: `SET NX PX` with a random token, renewed while held,
 * released with a compare-and-delete script. Reentrant within one async call chain, so a command
 * that holds its sitting's lock can run the room change that takes it too.
 */
export class SittingLocks {
  private readonly held = new AsyncLocalStorage<Map<string, Lease>>();
  private readonly ttlMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (sid: string) => string,
    private readonly opts: SittingLocksOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.waitMs = opts.waitMs ?? 10_000;
  }

  async run<T>(sid: string, fn: () => Promise<T>): Promise<T> {
    const key = this.keyOf(sid);
    const outer = this.held.getStore();
    if (outer?.get(key)?.held) return fn();
    const lease = await this.acquire(key);
    try {
      return await this.held.run(new Map(outer).set(key, lease), fn);
    } finally {
      await this.release(lease);
    }
  }

  private async acquire(key: string): Promise<Lease> {
    const token = randomBytes(12).toString('base64url');
    const deadline = Date.now() + this.waitMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 40)) {
      if ((await this.redis.set(key, token, 'PX', this.ttlMs, 'NX')) === 'OK') break;
      if (Date.now() > deadline) throw PlenaryError.of('UNAVAILABLE', 'sittingBusy');
      await new Promise((r) => setTimeout(r, wait * (0.5 + Math.random())));
    }
    const renew = () =>
      this.redis.eval(RENEW, 1, key, token, this.ttlMs).then(
        (ok) => {
          if (ok !== 1 && lease.held) this.opts.log?.(`lock ${key} was lost while held`);
        },
        () => {},
      );
    const lease: Lease = { key, token, held: true, renew: setInterval(renew, Math.max(10, Math.floor(this.ttlMs / 3))) };
    lease.renew.unref();
    return lease;
  }

  private async release(lease: Lease): Promise<void> {
    lease.held = false;
    clearInterval(lease.renew);
    // if Redis is unreachable the lease simply runs out
    await this.redis.eval(RELEASE, 1, lease.key, lease.token).catch(() => {});
  }
}
