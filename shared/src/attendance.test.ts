import { describe, expect, it } from 'vitest';
import { isPresent, nextAttendance, presentMs } from './attendance';

describe('[G2] attendance over time', () => {
  it('opens an interval when a delegation becomes present and closes it when it is neither connected nor marked', () => {
    let r = nextAttendance(undefined, { connected: true }, 100);
    expect(r).toEqual({ connected: true, inRoom: false, intervals: [{ from: 100 }] });
    r = nextAttendance(r, { inRoom: true }, 150); // still present: same interval
    r = nextAttendance(r, { connected: false }, 200);
    expect(isPresent(r)).toBe(true);
    r = nextAttendance(r, { inRoom: false }, 300);
    expect(r.intervals).toEqual([{ from: 100, to: 300 }]);
    r = nextAttendance(r, { connected: true }, 500);
    expect(r.intervals).toEqual([{ from: 100, to: 300 }, { from: 500 }]);
    expect(presentMs(r, 0, 600)).toBe(300);
    expect(presentMs(r, 250, 550)).toBe(100);
  });
});
