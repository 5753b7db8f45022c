import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../server/src/yjs/frames';
import { ODD_STRINGS, type Rng } from './random';
import { forgeParagraphWithId, retargetParagraphId, schemaAttacks, updateOf } from '../attacks/invariants';
import { caretAt, MALFORMED_CARETS } from '../attacks/carets';
import { deleteRangesUpdate } from '../attacks/work';

export type FrameKind =
  | 'paragraph'
  | 'typing'
  | 'foreign-root'
  | 'unknown-parent'
  | 'corrupted-structs'
  | 'forged-structs'
  | 'sync-step1'
  | 'sync-step2'
  | 'awareness'
  | 'odd-awareness'
  | 'query-awareness'
  | 'random-bytes'
  | 'truncated-varint'
  | 'huge-length'
  | 'wrong-type'
  | 'mutated'
  | 'invariant-attack'
  | 'long-deletes';

const WEIGHTS: Record<FrameKind, number> = {
  paragraph: 6,
  typing: 10,
  'foreign-root': 2,
  'unknown-parent': 4,
  'corrupted-structs': 10,
  'forged-structs': 10,
  'sync-step1': 4,
  'sync-step2': 4,
  awareness: 10,
  'odd-awareness': 6,
  'query-awareness': 2,
  'random-bytes': 6,
  'truncated-varint': 3,
  'huge-length': 3,
  'wrong-type': 3,
  mutated: 12,
  'invariant-attack': 6,
  'long-deletes': 3,
};

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/**
 * Makes y-websocket frames for one fuzzing connection: honest-looking edits of the communiqué from
 * its own doc, edits of other root types or built on content the server never saw, updates whose
 * structs are corrupted but still decode, awareness with odd JSON, and frames broken at every level
 * (type, varints, lengths, random bytes, mutations of valid frames).
 */
export class FrameFactory {
  /** this connection's own view of the doc: its edits build on each other */
  private doc = new Y.Doc();
  private readonly recent: Uint8Array[] = [];

  constructor(private readonly rng: Rng) {}

  /** A fresh Yjs client id, as a client that reloads. */
  resetDoc(): void {
    this.doc.destroy();
    this.doc = new Y.Doc();
  }

  next(): { kind: FrameKind; data: Uint8Array } {
    const kind = this.rng.weighted(WEIGHTS);
    const data = this.make(kind);
    if (this.recent.length < 64) this.recent.push(data);
    else this.recent[this.rng.int(64)] = data;
    return { kind, data };
  }

  private edit(doc: Y.Doc, fn: () => void): Uint8Array {
    const sv = Y.encodeStateVector(doc);
    doc.transact(fn);
    return Y.encodeStateAsUpdate(doc, sv);
  }

  private paragraphUpdate(doc: Y.Doc): Uint8Array {
    return this.edit(doc, () => {
      const body = doc.getXmlFragment('body');
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('id', `p-fuzz${this.rng.int(1e9)}`);
      p.setAttribute('kind', this.rng.pick(['pp', 'op', 'text', this.rng.text(4)]));
      const t = new Y.XmlText();
      t.insert(0, this.rng.text());
      p.insert(0, [t]);
      body.insert(this.rng.int(body.length + 1), [p]);
    });
  }

  private typingUpdate(): Uint8Array {
    const body = this.doc.getXmlFragment('body');
    if (body.length === 0) return this.paragraphUpdate(this.doc);
    return this.edit(this.doc, () => {
      const p = body.get(this.rng.int(body.length));
      const t = p instanceof Y.XmlElement ? p.get(0) : null;
      if (!(t instanceof Y.XmlText)) return;
      if (this.rng.chance(0.2) && t.length > 0) t.delete(this.rng.int(t.length), 1);
      else if (this.rng.chance(0.2)) t.format(0, Math.max(1, t.length), { [`bracket--${this.rng.int(99)}`]: { by: this.rng.text(3), at: Date.now() } });
      else t.insert(this.rng.int(t.length + 1), this.rng.text(6));
    });
  }

  private validUpdate(): Uint8Array {
    return this.rng.chance(0.5) ? this.typingUpdate() : this.paragraphUpdate(this.doc);
  }

  private make(kind: FrameKind): Uint8Array {
    const rng = this.rng;
    switch (kind) {
      case 'paragraph':
        return encodeUpdate(this.paragraphUpdate(this.doc));
      case 'typing':
        return encodeUpdate(this.typingUpdate());
      case 'foreign-root':
        return encodeUpdate(this.edit(this.doc, () => this.doc.getMap(rng.pick(['authors', 'meta', 'x', '__proto__'])).set(rng.text(4), rng.text(4))));
      case 'unknown-parent': {
        // builds on a paragraph the server never received
        const hidden = new Y.Doc();
        this.paragraphUpdate(hidden);
        const el = hidden.getXmlFragment('body').get(0) as Y.XmlElement;
        return encodeUpdate(this.edit(hidden, () => (el.get(0) as Y.XmlText).insert(0, rng.text(5))));
      }
      case 'corrupted-structs': {
        // corrupted inside, still a well-formed frame; most still pass Y.decodeUpdate
        const u = new Uint8Array(this.validUpdate());
        for (let i = 0, n = 1 + rng.int(3); i < n; i++) u[rng.int(u.length)] = rng.chance(0.3) ? 0xff : rng.int(256);
        return rng.chance(0.5) ? encodeUpdate(u) : encodeSyncStep2(u);
      }
      case 'forged-structs': {
        const u = forgedUpdate(rng);
        return rng.chance(0.5) ? encodeUpdate(u) : encodeSyncStep2(u);
      }
      case 'sync-step1':
        return rng.chance(0.7)
          ? encodeSyncStep1(this.doc)
          : frame((e) => {
              encoding.writeVarUint(e, 0);
              encoding.writeVarUint(e, 0);
              const sv = frame((s) => {
                const n = rng.int(4);
                encoding.writeVarUint(s, n);
                for (let i = 0; i < n; i++) {
                  encoding.writeVarUint(s, rng.int(2 ** 32));
                  encoding.writeVarUint(s, rng.chance(0.5) ? rng.int(10) : rng.int(2 ** 31));
                }
              });
              encoding.writeVarUint8Array(e, sv);
            });
      case 'sync-step2':
        return encodeSyncStep2(rng.chance(0.5) ? Y.encodeStateAsUpdate(this.doc) : this.validUpdate());
      case 'awareness': {
        const entries = Array.from({ length: 1 + rng.int(3) }, () => ({
          clientId: rng.chance(0.7) ? this.doc.clientID : rng.int(2 ** 32),
          clock: rng.int(1000),
          state: rng.chance(0.1) ? 'null' : JSON.stringify({ ...caretAt(rng.int(100)), user: { name: rng.text(3) } }),
        }));
        return encodeAwareness(this.awarenessBytes(entries));
      }
      case 'odd-awareness': {
        const json = rng.pick([
          '{"__proto__":{"polluted":true},"user":{"name":"x"}}',
          '{"constructor":{"prototype":{"polluted":true}}}',
          '{"prototype":1}',
          '[1,2,3]',
          '"text"',
          '42',
          '{"user":' + '['.repeat(2000) + ']'.repeat(2000) + '}',
          '{',
          rng.pick(ODD_STRINGS),
          JSON.stringify({ big: 'x'.repeat(rng.int(50_000)) }),
          rng.pick(MALFORMED_CARETS).json,
        ]);
        const count = rng.chance(0.2) ? rng.int(20_000) : 1;
        return encodeAwareness(this.awarenessBytes([{ clientId: rng.int(2 ** 53), clock: rng.chance(0.5) ? 2 ** 53 : rng.int(5), state: json }], count));
      }
      case 'query-awareness':
        return new Uint8Array([3]);
      case 'random-bytes':
        return rng.bytes(rng.int(rng.chance(0.9) ? 64 : 4096));
      case 'truncated-varint':
        return new Uint8Array([rng.int(4), ...Array.from({ length: 1 + rng.int(8) }, () => 0x80 | rng.int(128))]);
      case 'huge-length':
        return frame((e) => {
          encoding.writeVarUint(e, rng.pick([0, 1]));
          if (rng.chance(0.7)) encoding.writeVarUint(e, rng.int(3));
          encoding.writeVarUint(e, rng.pick([2 ** 31, 2 ** 32 - 1, 2 ** 53 - 1, 1e6]));
          encoding.writeUint8Array(e, rng.bytes(rng.int(16)));
        });
      case 'wrong-type':
        return frame((e) => {
          encoding.writeVarUint(e, rng.pick([2, 4, 5, 127, 128, 2 ** 32]));
          if (rng.chance(0.5)) encoding.writeVarUint(e, rng.int(5));
          encoding.writeVarUint8Array(e, this.validUpdate());
        });
      case 'invariant-attack': {
        // content outside the communiqué's schema, or a paragraph id taken or changed (L10, L11), on this connection's copy
        const body = this.doc.getXmlFragment('body');
        if (body.length < 3) return encodeUpdate(this.paragraphUpdate(this.doc));
        const taken = String((body.get(2) as Y.XmlElement).getAttribute?.('id') ?? 'p-x');
        const attacks = [...schemaAttacks(rng.text(2)).map(([, a]) => a), forgeParagraphWithId(taken), retargetParagraphId(1, taken)];
        const attack = rng.pick(attacks);
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
        try {
          return encodeUpdate(updateOf(copy, attack));
        } catch {
          return encodeUpdate(this.paragraphUpdate(this.doc));
        } finally {
          copy.destroy();
        }
      }
      case 'long-deletes': {
        // a few bytes naming millions of clocks, of this connection's client or any (test/attacks/work.ts)
        const ranges = Array.from({ length: 1 + rng.int(3) }, () => ({
          client: rng.chance(0.5) ? this.doc.clientID : rng.int(2 ** 32),
          clock: rng.int(1000),
          len: rng.pick([1, 1000, 1_000_000, 2 ** 31]),
        }));
        const u = deleteRangesUpdate(ranges);
        return rng.chance(0.5) ? encodeUpdate(u) : encodeSyncStep2(u);
      }
      case 'mutated': {
        const base = this.recent.length > 0 ? rng.pick(this.recent) : encodeUpdate(this.validUpdate());
        return mutate(rng, base);
      }
    }
  }

  /** An awareness update with raw JSON strings (valid or not); `repeat` claims that many entries. */
  private awarenessBytes(entries: { clientId: number; clock: number; state: string }[], repeat = 1): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, entries.length * repeat);
      for (let r = 0; r < Math.min(repeat, 3); r++)
        for (const { clientId, clock, state } of entries) {
          encoding.writeVarUint(e, clientId);
          encoding.writeVarUint(e, clock);
          encoding.writeVarString(e, state);
        }
    });
  }
}

/**
 * A hand-written update (v1 encoding) whose items hang on ids picked at random among its own (itself
 * included: cycles), ids the server may or may not have, and root types; with a random delete set.
 */
export function forgedUpdate(rng: Rng): Uint8Array {
  const clients = Array.from({ length: 1 + rng.int(2) }, () => (rng.chance(0.5) ? rng.int(8) : rng.int(2 ** 32)));
  const plan = clients.map((client) => ({ client, start: rng.chance(0.7) ? 0 : rng.int(50), items: 1 + rng.int(5) }));
  const ids: [number, number][] = [];
  for (const p of plan) for (let i = 0; i < p.items; i++) ids.push([p.client, p.start + i]);
  const someId = (): [number, number] => (rng.chance(0.7) ? rng.pick(ids) : [rng.int(2 ** 32), rng.int(100)]);
  return frame((e) => {
    encoding.writeVarUint(e, plan.length);
    for (const p of plan) {
      encoding.writeVarUint(e, p.items);
      encoding.writeVarUint(e, p.client);
      encoding.writeVarUint(e, p.start);
      for (let i = 0; i < p.items; i++) {
        const origin = rng.chance(0.6);
        const right = rng.chance(0.4);
        const sub = !origin && !right && rng.chance(0.2);
        const format = rng.chance(0.2);
        encoding.writeUint8(e, (origin ? 0x80 : 0) | (right ? 0x40 : 0) | (sub ? 0x20 : 0) | (format ? 6 : 4));
        if (origin) someId().forEach((n) => encoding.writeVarUint(e, n));
        if (right) someId().forEach((n) => encoding.writeVarUint(e, n));
        if (!origin && !right) {
          if (rng.chance(0.5)) {
            encoding.writeVarUint(e, 1);
            encoding.writeVarString(e, rng.pick(['body', 'authors', 'meta', '__proto__', '']));
          } else {
            encoding.writeVarUint(e, 0);
            someId().forEach((n) => encoding.writeVarUint(e, n));
          }
          if (sub) encoding.writeVarString(e, rng.pick(['id', 'kind', '__proto__']));
        }
        if (format) {
          encoding.writeVarString(e, rng.pick(['bold', `bracket--${rng.int(9)}`, '__proto__']));
          encoding.writeVarString(e, rng.pick(['true', 'null', '{"by":"pk","at":1}', '{"__proto__":{"x":1}}']));
        } else encoding.writeVarString(e, 'a'); // one character: one clock
      }
    }
    const ranges = rng.int(3);
    encoding.writeVarUint(e, ranges);
    for (let i = 0; i < ranges; i++) {
      const [client] = someId();
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, rng.int(20));
      encoding.writeVarUint(e, 1 + rng.int(rng.chance(0.1) ? 2 ** 30 : 10));
    }
  });
}

/** Flips, truncates, extends, splices or duplicates bytes of a frame. */
export function mutate(rng: Rng, base: Uint8Array): Uint8Array {
  const b = Array.from(base);
  switch (rng.int(6)) {
    case 0:
      for (let i = 0, n = 1 + rng.int(4); i < n && b.length > 0; i++) {
        const at = rng.int(b.length);
        b[at] = b[at]! ^ (1 << rng.int(8));
      }
      return Uint8Array.from(b);
    case 1:
      return base.subarray(0, rng.int(base.length));
    case 2:
      return Uint8Array.from([...b, ...rng.bytes(1 + rng.int(16))]);
    case 3: {
      const at = rng.int(b.length + 1);
      b.splice(at, rng.int(4), ...rng.bytes(rng.int(6)));
      return Uint8Array.from(b);
    }
    case 4:
      return Uint8Array.from([...b, ...b]);
    default:
      if (b.length > 1) b[1] = rng.int(256);
      return Uint8Array.from(b);
  }
}
