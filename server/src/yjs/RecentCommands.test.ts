import { describe, expect, it } from 'vitest';
import type { CommandRecord } from '../store/DocStore';
import { RecentCommands } from './RecentCommands';

const record = (i: number, text = 'x'): CommandRecord => ({
  sid: 's',
  id: `cmd-${i}`,
  actor: 'chair',
  type: 'comment.add',
  payload: { paragraphId: 'p1', text },
  at: i,
  ack: { ok: true, result: { id: `c${i}` } },
});

describe('the commands a room keeps whole, to store again if Redis loses them', () => {
  it('[N6][Q4] are the latest 1024 at most', () => {
    const recent = new RecentCommands(1024, 1 << 20);
    for (let i = 0; i < 5000; i++) recent.add([record(i)]);
    expect(recent.size).toBe(1024);
    expect(recent.records()[0]!.id).toBe('cmd-3976');
    expect(recent.records().at(-1)!.id).toBe('cmd-4999');
  });

  it('[N6][Q4] and fewer when their payloads pass the byte budget', () => {
    const recent = new RecentCommands(1024, 1 << 20);
    // 4,000 characters each, the largest comment: about 250 fit in 1 MiB
    for (let i = 0; i < 1000; i++) recent.add([record(i, 'y'.repeat(4000))]);
    expect(recent.size).toBeLessThan(265);
    expect(recent.size).toBeGreaterThan(240);
    expect(recent.records().at(-1)!.id).toBe('cmd-999');
    // a command stored again is counted once
    recent.add([record(999, 'y'.repeat(4000))]);
    expect(recent.records().filter((r) => r.id === 'cmd-999')).toHaveLength(1);
  });
});
