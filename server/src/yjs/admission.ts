/**
 * Admission of WebSocket upgrades: at most `concurrency` are authenticated at once, the others wait
 * their turn in order, and only past `maxWaiting` is an upgrade refused (503). A sitting whose
 * members all join at once is let in at the rate the server can take, without a storm of refusals
 * and retries.
 */
export class Admission {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Upgrades being worked on or waiting. */
  get pending(): number {
    return this.active + this.waiting.length;
  }

  /**
   * Runs `work` when a slot is free; null (nothing runs) when too many wait already. The slot is
   * released when the returned promise settles.
   */
  admit<T>(work: () => Promise<T>): Promise<T> | null {
    if (this.active >= this.concurrency && this.waiting.length >= this.maxWaiting) return null;
    const start = (): Promise<T> => {
      this.active++;
      let result: Promise<T>;
      try {
        result = work();
      } catch (err) {
        result = Promise.reject(err);
      }
      return result.finally(() => {
        this.active--;
        this.waiting.shift()?.();
      });
    };
    if (this.active < this.concurrency) return start();
    return new Promise<T>((resolve, reject) => this.waiting.push(() => start().then(resolve, reject)));
  }
}
