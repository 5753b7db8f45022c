import { describe, expect, it } from 'vitest';
import {
  closeItem,
  deferItem,
  endSpeech,
  extendTimer,
  floorRemainingMs,
  giveFloor,
  itemUsedMs,
  nextSpeaker,
  openItem,
  pauseTimer,
  pointOfOrder,
  requestFloor,
  resumeTimer,
  setListClosed,
  spokenBySitting,
  spokenOnItemMs,
  withdraw,
  checkRemovable,
  type AgendaItem,
  type ItemPatch,
} from './agenda';
import { PlenaryError } from './errors';

const item = (id: string, fields: Partial<AgendaItem> = {}): AgendaItem => ({ id, title: `Item ${id}`, state: 'pending', ...fields });

/** Applies a patch the way the server does: null deletes a field. */
function apply(it: AgendaItem, patch: ItemPatch): AgendaItem {
  const next: Record<string, unknown> = { ...it };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else if (v !== undefined) next[k] = v;
  }
  return next as AgendaItem;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof PlenaryError) return err.code;
    throw err;
  }
  return 'OK';
}

/** A small sitting driven by a fake clock. */
class Sim {
  now = 1_000_000;
  items: AgendaItem[];
  constructor(...ids: string[]) {
    this.items = ids.map((id) => item(id));
  }
  get(id: string): AgendaItem {
    return this.items.find((i) => i.id === id)!;
  }
  patch(id: string, p: ItemPatch): void {
    this.items = this.items.map((i) => (i.id === id ? apply(i, p) : i));
  }
  open(id: string): void {
    const patches = openItem(this.items, id, this.now);
    this.items = this.items.map((i) => (patches.has(i.id) ? apply(i, patches.get(i.id)!) : i));
  }
  tick(ms: number): void {
    this.now += ms;
  }
}

describe('[A1] one open item', () => {
  it('opening an item closes the one that was open, and accounts its time', () => {
    const s = new Sim('a', 'b');
    s.open('a');
    s.tick(60_000);
    s.open('b');
    expect(s.items.map((i) => i.state)).toEqual(['closed', 'open']);
    expect(s.items.filter((i) => i.state === 'open')).toHaveLength(1);
    expect(s.get('a').usedMs).toBe(60_000);
    s.tick(30_000);
    expect(itemUsedMs(s.get('b'), s.now)).toBe(30_000);
  });

  it('time used adds up over several openings', () => {
    const s = new Sim('a', 'b');
    s.open('a');
    s.tick(10_000);
    s.patch('a', deferItem(s.items, 'a', s.now));
    s.tick(99_000);
    s.open('a');
    s.tick(5_000);
    s.patch('a', closeItem(s.items, 'a', s.now));
    expect(s.get('a')).toMatchObject({ state: 'closed', usedMs: 15_000, closedAt: s.now });
  });

  it('refuses to open the open item, close a pending one, defer a closed one or remove the open one', () => {
    const s = new Sim('a', 'b');
    s.open('a');
    expect(code(() => openItem(s.items, 'a', s.now))).toBe('CONFLICT');
    expect(code(() => closeItem(s.items, 'b', s.now))).toBe('CONFLICT');
    expect(code(() => checkRemovable(s.items, 'a'))).toBe('CONFLICT');
    expect(code(() => checkRemovable(s.items, 'b'))).toBe('OK');
    s.patch('a', closeItem(s.items, 'a', s.now));
    expect(code(() => deferItem(s.items, 'a', s.now))).toBe('CONFLICT');
    expect(code(() => openItem(s.items, 'zz', s.now))).toBe('NOT_FOUND');
  });
});

describe('[A2] the list of speakers', () => {
  it('keeps requests in order, each delegation once', () => {
    const s = new Sim('a');
    s.open('a');
    for (const d of ['pk', 'cn', 'in']) s.patch('a', requestFloor(s.items, 'a', d, s.now));
    expect(s.get('a').queue!.map((e) => e.delegation)).toEqual(['pk', 'cn', 'in']);
    expect(code(() => requestFloor(s.items, 'a', 'cn', s.now))).toBe('CONFLICT');
    s.patch('a', withdraw(s.items, 'a', 'cn'));
    expect(s.get('a').queue!.map((e) => e.delegation)).toEqual(['pk', 'in']);
    expect(code(() => withdraw(s.items, 'a', 'cn'))).toBe('NOT_FOUND');
  });

  it('puts a point of order at the front, behind earlier points of order, marked', () => {
    const s = new Sim('a');
    s.open('a');
    for (const d of ['pk', 'cn']) s.patch('a', requestFloor(s.items, 'a', d, s.now));
    s.patch('a', pointOfOrder(s.items, 'a', 'ir', s.now));
    s.patch('a', pointOfOrder(s.items, 'a', 'in', s.now));
    expect(s.get('a').queue!.map((e) => [e.delegation, e.pointOfOrder])).toEqual([
      ['ir', true],
      ['in', true],
      ['pk', false],
      ['cn', false],
    ]);
  });

  it('a queued delegation raising a point of order moves to the front: still once in the list', () => {
    const s = new Sim('a');
    s.open('a');
    for (const d of ['pk', 'cn']) s.patch('a', requestFloor(s.items, 'a', d, s.now));
    s.patch('a', pointOfOrder(s.items, 'a', 'cn', s.now));
    expect(s.get('a').queue!.map((e) => [e.delegation, e.pointOfOrder])).toEqual([
      ['cn', true],
      ['pk', false],
    ]);
    expect(code(() => pointOfOrder(s.items, 'a', 'cn', s.now))).toBe('CONFLICT');
  });

  it('a closed list refuses requests but accepts a point of order; it can be reopened', () => {
    const s = new Sim('a');
    s.open('a');
    s.patch('a', setListClosed(s.items, 'a', true));
    expect(code(() => requestFloor(s.items, 'a', 'pk', s.now))).toBe('CONFLICT');
    s.patch('a', pointOfOrder(s.items, 'a', 'pk', s.now));
    expect(s.get('a').queue).toHaveLength(1);
    expect(code(() => setListClosed(s.items, 'a', true))).toBe('CONFLICT');
    s.patch('a', setListClosed(s.items, 'a', false));
    s.patch('a', requestFloor(s.items, 'a', 'cn', s.now));
    expect(s.get('a').queue).toHaveLength(2);
  });

  it('a point of order needs the item to be open; a request may come before the item opens', () => {
    const s = new Sim('a');
    expect(code(() => pointOfOrder(s.items, 'a', 'pk', s.now))).toBe('CONFLICT');
    s.patch('a', requestFloor(s.items, 'a', 'pk', s.now));
    expect(code(() => nextSpeaker(s.items, 'a', s.now))).toBe('CONFLICT');
    s.patch('a', deferItem(s.items, 'a', s.now));
    expect(code(() => requestFloor(s.items, 'a', 'cn', s.now))).toBe('CONFLICT');
  });

  it('next gives the floor to the first; giveFloor to anyone queued; the speaker cannot queue again meanwhile', () => {
    const s = new Sim('a');
    s.open('a');
    for (const d of ['pk', 'cn', 'in']) s.patch('a', requestFloor(s.items, 'a', d, s.now));
    s.patch('a', nextSpeaker(s.items, 'a', s.now));
    expect(s.get('a').floor).toMatchObject({ delegation: 'pk', allottedMs: 180_000, runningSince: s.now });
    expect(code(() => requestFloor(s.items, 'a', 'pk', s.now))).toBe('CONFLICT');
    s.tick(20_000);
    s.patch('a', giveFloor(s.items, 'a', 'in', s.now));
    expect(s.get('a').floor!.delegation).toBe('in');
    expect(s.get('a').queue!.map((e) => e.delegation)).toEqual(['cn']);
    expect(s.get('a').spokenMs).toEqual({ pk: 20_000 });
    expect(code(() => giveFloor(s.items, 'a', 'ru', s.now))).toBe('NOT_FOUND');
    s.patch('a', withdraw(s.items, 'a', 'cn'));
    expect(code(() => nextSpeaker(s.items, 'a', s.now))).toBe('CONFLICT');
  });
});

describe('[A3] the speaking timer and time spoken', () => {
  it('counts down in server time, pauses, resumes, extends and goes into overtime', () => {
    const s = new Sim('a');
    s.patch('a', { speakingTimeSec: 60 });
    s.open('a');
    s.patch('a', requestFloor(s.items, 'a', 'pk', s.now));
    s.patch('a', nextSpeaker(s.items, 'a', s.now));
    s.tick(20_000);
    expect(floorRemainingMs(s.get('a').floor!, s.now)).toBe(40_000);
    s.patch('a', { floor: pauseTimer(s.get('a').floor!, s.now) });
    expect(() => pauseTimer(s.get('a').floor!, s.now)).toThrow(/already paused/);
    s.tick(120_000); // paused time does not count
    expect(floorRemainingMs(s.get('a').floor!, s.now)).toBe(40_000);
    s.patch('a', { floor: resumeTimer(s.get('a').floor!, s.now) });
    s.patch('a', { floor: extendTimer(s.get('a').floor!, 30) });
    s.tick(80_000);
    expect(floorRemainingMs(s.get('a').floor!, s.now)).toBe(-10_000);
    s.patch('a', endSpeech(s.items, 'a', s.now));
    expect(s.get('a').floor).toBeUndefined();
    expect(s.get('a').spokenMs).toEqual({ pk: 100_000 });
    expect(code(() => endSpeech(s.items, 'a', s.now))).toBe('CONFLICT');
  });

  it('keeps time spoken per delegation per item and over the sitting, the running speech included', () => {
    const s = new Sim('a', 'b');
    s.open('a');
    s.patch('a', requestFloor(s.items, 'a', 'pk', s.now));
    s.patch('a', nextSpeaker(s.items, 'a', s.now));
    s.tick(30_000);
    s.open('b'); // closing an item ends its speech
    expect(s.get('a').spokenMs).toEqual({ pk: 30_000 });
    expect(s.get('a').floor).toBeUndefined();
    s.patch('b', requestFloor(s.items, 'b', 'pk', s.now));
    s.patch('b', requestFloor(s.items, 'b', 'cn', s.now));
    s.patch('b', nextSpeaker(s.items, 'b', s.now));
    s.tick(45_000);
    expect(spokenOnItemMs(s.get('b'), 'pk', s.now)).toBe(45_000);
    expect(spokenBySitting(s.items, s.now)).toEqual({ pk: 75_000 });
    s.patch('b', nextSpeaker(s.items, 'b', s.now));
    s.tick(10_000);
    expect(spokenBySitting(s.items, s.now)).toEqual({ pk: 75_000, cn: 10_000 });
  });
});
