import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { encodeSyncStep1Vector, encodeSyncStep2, encodeUpdate } from '../../server/src/yjs/frames';

/**
 * Attacks on the server's work per message and on the exports, as raw frames and payloads: each
 * builder returns exactly what a hostile client sends, so the fuzz campaign can replay them.
 */

/** A range of one Yjs client's clocks. */
export interface ClockRange {
  client: number;
  clock: number;
  len: number;
}

/** A Yjs (v1) update that adds nothing and deletes `ranges`: a few bytes that name millions of clocks. */
export function deleteRangesUpdate(ranges: readonly ClockRange[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0); // no structs
  const byClient = new Map<number, ClockRange[]>();
  for (const r of ranges) byClient.set(r.client, [...(byClient.get(r.client) ?? []), r]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, list.length);
    for (const { clock, len } of list) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/**
 * The observer freeze: `count` small frames, alternately sync step 2 and update, each deleting
 * `ranges` again — text a delegate pasted and deleted, so the doc has every clock and all of them
 * are deleted already (nothing changes, nothing is refused loudly), yet a check that walks the
 * ranges one clock at a time costs millions of steps per frame.
 */
export function deletedRangeFlood(ranges: readonly ClockRange[], count: number): Uint8Array[] {
  const update = deleteRangesUpdate(ranges);
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? encodeSyncStep2(update) : encodeUpdate(update)));
}

/**
 * `count` sync steps 1 naming a state vector close to the server's (not empty, so no cached reply
 * fits): each asks for "everything after this", which a server answering from the whole doc
 * (every struct walked to collect the delete set) pays for in the doc's size, not the frame's.
 */
export function syncStep1Flood(stateVector: Uint8Array, count: number): Uint8Array[] {
  return Array.from({ length: count }, () => encodeSyncStep1Vector(stateVector));
}

/** Text a delegate pastes: `chars` characters of ordinary words. */
export function largePaste(chars: number): string {
  const words = 'the parties reaffirm their commitment to regional cooperation and security ';
  return words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
}

/**
 * Characters that break or disguise an export when they reach it as typed: U+FFFE and U+FFFF,
 * a C0 control, a lone surrogate (not allowed in XML), and every bidi embedding, override and
 * isolate (they reorder what a reader sees: "Trojan Source").
 */
export const EXPORT_HOSTILE_CHARS = {
  nonCharacters: '\uFFFE\uFFFF',
  control: '\u0001\u0008\u000B\u001F',
  loneSurrogate: '\uD800',
  bidiEmbeddings: '\u202A\u202B\u202C',
  bidiOverrides: '\u202D\u202E',
  bidiIsolates: '\u2066\u2067\u2068\u2069',
} as const;

/**
 * A paragraph that reads "agree to withdraw" in the file but displays reversed words if the
 * overrides survive, with every hostile character of EXPORT_HOSTILE_CHARS in it.
 */
export const EXPORT_ATTACK_TEXT =
  `Decides to agree\u202E wardhtiw ot \u202C` +
  Object.values(EXPORT_HOSTILE_CHARS).join('x') +
  ' end of attack';
