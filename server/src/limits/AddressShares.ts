/**
 * What each remote address holds of a budget shared by everyone: at most `perAddress` each
 * (`0` = no cap), so that one address flooding the budget cannot lock the others out (K13).
 * Only addresses holding something are kept: the map is never larger than the budget.
 */
export class AddressShares {
  private readonly held = new Map<string, number>();

  constructor(readonly perAddress: number) {}

  hasRoom(address: string): boolean {
    return this.perAddress === 0 || (this.held.get(address) ?? 0) < this.perAddress;
  }

  /** Counts one more for `address`, or null when its share is full; call the result once to give it back. */
  take(address: string): (() => void) | null {
    if (!this.hasRoom(address)) return null;
    return this.add(address);
  }

  /** Counts one more for `address` even over its share (a place granted before it was counted). */
  add(address: string): () => void {
    this.held.set(address, (this.held.get(address) ?? 0) + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const n = (this.held.get(address) ?? 1) - 1;
      if (n > 0) this.held.set(address, n);
      else this.held.delete(address);
    };
  }

  /** Addresses holding something. */
  get addresses(): number {
    return this.held.size;
  }
}
