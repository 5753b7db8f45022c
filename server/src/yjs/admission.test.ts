import { describe, expect, it } from 'vitest';
import { Admission } from './admission';

const tick = () => new Promise((r) => setImmediate(r));

describe('upgrade admission', () => {
  it('[R7] runs a few at once, lets the rest wait in order, refuses only past the queue', async () => {
    const admission = new Admission(2, 3);
    const started: number[] = [];
    const release: (() => void)[] = [];
    const work = (i: number) => () =>
      new Promise<number>((resolve) => {
        started.push(i);
        release[i] = () => resolve(i);
      });
    const results = [0, 1, 2, 3, 4].map((i) => admission.admit(work(i)));
    expect(results.every((r) => r !== null)).toBe(true);
    expect(admission.admit(work(5))).toBeNull();
    expect(started).toEqual([0, 1]);
    expect(admission.pending).toBe(5);
    release[1]!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    release[0]!();
    await tick();
    release[2]!();
    await tick();
    release[3]!();
    await tick();
    release[4]!();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(admission.pending).toBe(0);
  });

  it('[R7] a failed admission frees its slot for the next', async () => {
    const admission = new Admission(1, 5);
    const failed = admission.admit(() => Promise.reject(new Error('bad token')));
    const next = admission.admit(async () => 'ok');
    await expect(failed).rejects.toThrow('bad token');
    await expect(next).resolves.toBe('ok');
  });
});
