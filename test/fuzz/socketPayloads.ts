import { COMMANDS } from '@plenary/shared';
import { ODD_STRINGS, type Rng } from './random';

const TYPES = Object.keys(COMMANDS);
const POLLUTING = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":[],"toString":"x","valueOf":1,"hasOwnProperty":null}',
];

/** A random JSON value: any shape, sometimes deep, huge or with prototype keys. */
export function jsonValue(rng: Rng, depth = 0): unknown {
  const pick = rng.int(depth > 4 ? 6 : 10);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), Number.MAX_VALUE, 1e-300]);
    case 2:
      return rng.chance(0.5);
    case 3:
      return rng.text();
    case 4:
      return rng.chance(0.05) ? 'x'.repeat(100_000 + rng.int(200_000)) : rng.pick(ODD_STRINGS);
    case 5:
      return JSON.parse(rng.pick(POLLUTING)) as unknown;
    case 6:
    case 7:
      return Array.from({ length: rng.int(5) }, () => jsonValue(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = JSON.parse(rng.chance(0.3) ? rng.pick(POLLUTING) : '{}') as Record<string, unknown>;
      for (let i = 0, n = rng.int(5); i < n; i++) o[rng.pick([...ODD_STRINGS.slice(0, 4), 'title', 'paragraphId', 'text', 'id', 'status', rng.text(2)])] = jsonValue(rng, depth + 1);
      return o;
    }
  }
}

function deep(n: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { v };
  return v;
}

/** A plausible payload for a command, with one field perturbed at times. */
function payloadFor(rng: Rng, type: string): unknown {
  const base: Record<string, unknown> = {
    title: rng.text(),
    description: rng.text(),
    paragraphId: rng.pick(['p-none', '__proto__', rng.text(3)]),
    text: rng.text(),
    status: rng.pick(['open', 'agreed', 'bracketed', 'agreed-ad-ref', 'nope']),
    state: rng.pick(['open', 'closed', 'suspended', 'scheduled', 'x']),
    seconds: rng.pick([30, -5, 1e9, 0.5]),
    delegation: rng.pick(['af', 'pk', 'zz', '__proto__']),
    itemId: rng.pick(['i-none', 'constructor']),
    theme: rng.pick(['other', 'border-management', 'x']),
    cbmId: rng.pick(['m-none', 'prototype']),
    deadline: rng.pick(['2030-01-01', 'tomorrow', Date.now() + 60_000]),
  };
  const keys = Object.keys(base).filter(() => rng.chance(0.4));
  const payload: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, base[k]]));
  if (rng.chance(0.3)) payload[rng.pick(Object.keys(base))] = jsonValue(rng);
  void type;
  return rng.chance(0.1) ? JSON.parse(rng.pick(POLLUTING)) : payload;
}

export type SocketAction =
  | { event: 'cmd'; args: unknown[]; ack: boolean }
  | { event: 'clock'; args: unknown[]; ack: boolean }
  | { event: string; args: unknown[]; ack: false };

/** The next thing a fuzzing Socket.IO client emits. */
export function nextSocketAction(rng: Rng): SocketAction {
  const r = rng.int(100);
  if (r < 55) {
    const type = rng.chance(0.8) ? rng.pick(TYPES) : rng.pick(['__proto__', 'constructor', 'toString', rng.text(3), '']);
    const envelope = { id: rng.chance(0.9) ? `fuzz-${rng.int(1e12)}` : jsonValue(rng), type, payload: payloadFor(rng, type) };
    return { event: 'cmd', args: [envelope], ack: true };
  }
  if (r < 75) return { event: 'cmd', args: [jsonValue(rng)], ack: true };
  if (r < 80) return { event: 'cmd', args: [deep(200 + rng.int(2000))], ack: true };
  if (r < 85) return { event: 'cmd', args: [jsonValue(rng), jsonValue(rng)], ack: false };
  // a clock request with arguments is not answered: it is sent without waiting for one
  if (r < 90) return rng.chance(0.5) ? { event: 'clock', args: [jsonValue(rng)], ack: false } : { event: 'clock', args: [], ack: true };
  return { event: rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'welcome', 'presence', 'disconnect', rng.text(2)]), args: [jsonValue(rng)], ack: false };
}
