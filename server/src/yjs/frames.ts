import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

// y-protocols message types (y-websocket's wire format)
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** One y-websocket frame, decoded once. */
export type Frame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** A frame the server cannot accept; the connection is closed with this message as the reason. */
export class FrameError extends Error {
  override name = 'FrameError';
}

function readBytes(d: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(d);
  } catch {
    throw new FrameError(`truncated ${what}`);
  }
}

function validUpdate(update: Uint8Array): Uint8Array {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new FrameError('malformed Yjs update');
  }
  return update;
}

/** Decodes a frame and checks its payload parses; throws FrameError otherwise. */
export function decodeFrame(data: Uint8Array): Frame {
  const d = decoding.createDecoder(data);
  let frame: Frame;
  let type: number;
  try {
    type = decoding.readVarUint(d);
  } catch {
    throw new FrameError('empty frame');
  }
  switch (type) {
    case MESSAGE_SYNC: {
      let step: number;
      try {
        step = decoding.readVarUint(d);
      } catch {
        throw new FrameError('truncated sync message');
      }
      const payload = readBytes(d, 'sync message');
      if (step === SYNC_STEP1) {
        try {
          Y.decodeStateVector(payload);
        } catch {
          throw new FrameError('malformed state vector');
        }
        frame = { kind: 'sync-step1', stateVector: payload };
      } else if (step === SYNC_STEP2) frame = { kind: 'sync-step2', update: validUpdate(payload) };
      else if (step === SYNC_UPDATE) frame = { kind: 'update', update: validUpdate(payload) };
      else throw new FrameError(`unknown sync step ${step}`);
      break;
    }
    case MESSAGE_AWARENESS:
      frame = { kind: 'awareness', update: readBytes(d, 'awareness message') };
      break;
    case MESSAGE_QUERY_AWARENESS:
      frame = { kind: 'query-awareness' };
      break;
    default:
      throw new FrameError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(d)) throw new FrameError('trailing bytes after message');
  return frame;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSyncStep1Vector(Y.encodeStateVector(doc));
}

/** Sync step 1 carrying a state vector already encoded (e.g. a stored snapshot's). */
export function encodeSyncStep1Vector(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update);
}

function encodeSync(step: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** y-websocket's "permission denied" auth message; the stock client logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AUTH);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null when the client removed its state */
  state: Record<string, unknown> | null;
}

/** An awareness state that is not taken: its entry is left out, for this reason. */
export class RefusedState {
  constructor(readonly reason: string) {}
}

/** How an awareness state's JSON is read: the state, or why the entry is left out. Throws FrameError. */
export type ReadAwarenessState = (json: string) => AwarenessEntry['state'] | RefusedState;

/** Any JSON object (or null, a removal) is a state. */
export const readAnyState: ReadAwarenessState = (json) => {
  const parsed: unknown = JSON.parse(json);
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new FrameError('awareness state is not an object');
  return parsed as AwarenessEntry['state'];
};

/** Decodes an awareness update (y-protocols/awareness encoding). Throws FrameError. */
export function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  return decodeAwarenessWith(update, readAnyState).entries;
}

/**
 * Decodes an awareness update, reading each state with `read`; entries it refuses are left out and
 * their reasons listed. Throws FrameError when the update itself is malformed.
 */
export function decodeAwarenessWith(update: Uint8Array, read: ReadAwarenessState): { entries: AwarenessEntry[]; refused: string[] } {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    if (n > 10_000) throw new FrameError('too many awareness entries');
    const entries: AwarenessEntry[] = [];
    const refused: string[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state = read(decoding.readVarString(d));
      if (state instanceof RefusedState) refused.push(state.reason);
      else entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(d)) throw new FrameError('trailing bytes after awareness update');
    return { entries, refused };
  } catch (err) {
    throw err instanceof FrameError ? err : new FrameError('malformed awareness update');
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}
