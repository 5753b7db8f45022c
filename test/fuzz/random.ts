import { EXPORT_ATTACK_TEXT } from '../attacks/work';

/** A small seeded generator (mulberry32): the same seed gives the same campaign. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** in [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** an integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** picks a key by weight */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1]![0];
  }

  bytes(n: number): Uint8Array {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }

  /** a short string, sometimes hostile or odd */
  text(max = 24): string {
    switch (this.int(6)) {
      case 0:
        return this.pick(ODD_STRINGS);
      case 1:
        return String.fromCharCode(...Array.from({ length: this.int(max) }, () => this.int(0x3000)));
      default:
        return Array.from({ length: 1 + this.int(max) }, () => this.pick(WORDS)).join(' ');
    }
  }
}

const WORDS = ['peace', 'border', 'trade', 'refugees', 'security', 'calls', 'upon', 'all', 'parties', 'noting', '[', ']', 'ß', '中文', 'نص', '🙂'];

export const ODD_STRINGS = [
  '',
  '__proto__',
  'constructor',
  'prototype',
  '<img src=x onerror=alert(1)>',
  '\u0000\u0001\uffff',
  '\ud800',
  'x'.repeat(5000),
  '{"a":',
  'NaN',
  '-1',
  '1e309',
  // what exports must neutralise (test/attacks/work.ts)
  EXPORT_ATTACK_TEXT,
];

/** A seed from the clock, for a campaign run without --seed. */
export function freshSeed(): number {
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
