/**
 * The y-websocket wire format, as much as the load generator needs, and the marker every
 * benchmark insert carries so that receivers can tell which insert arrived and when it was sent.
 */
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** sync step 1 with an empty state vector: "send me everything". */
export const EMPTY_STEP1 = Uint8Array.from([MESSAGE_SYNC, SYNC_STEP1, 1, 0]);
/** sync step 2 with an empty update ([0 structs, 0 deletes]): "I have nothing for you". */
export const EMPTY_STEP2 = Uint8Array.from([MESSAGE_SYNC, SYNC_STEP2, 2, 0, 0]);

export function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export const encodeUpdateMessage = (update: Uint8Array): Uint8Array => encodeSync(SYNC_UPDATE, update);

/**
 * Every benchmark insert carries `~b<writer>.<seq>@<sent ms>~` in its paragraph text. Yjs encodes an
 * inserted string as contiguous UTF-8 in an update, so the marker can be found in the raw frame
 * without decoding it (also when a server merges several updates into one frame).
 */
export const MARK_OPEN = '~b';
const MARK_OPEN_BYTES = Buffer.from(MARK_OPEN, 'latin1');
const TILDE = 0x7e;

export interface Marker {
  writer: number;
  seq: number;
  /** performance.now() of the sending process when the insert was made */
  sentAt: number;
}

export function marker(writer: number, seq: number, sentAt: number): string {
  return `${MARK_OPEN}${writer}.${seq}@${sentAt.toFixed(3)}~`;
}

/** Parses one marker's body (`<writer>.<seq>@<ms>`), or null. */
export function parseMarkerBody(body: string): Marker | null {
  const dot = body.indexOf('.');
  const at = body.indexOf('@');
  if (dot <= 0 || at <= dot + 1 || at === body.length - 1) return null;
  const writer = Number(body.slice(0, dot));
  const seq = Number(body.slice(dot + 1, at));
  const sentAt = Number(body.slice(at + 1));
  if (!Number.isInteger(writer) || !Number.isInteger(seq) || !Number.isFinite(sentAt)) return null;
  return { writer, seq, sentAt };
}

/** Calls `fn` with the send time of each marker in a raw frame. Cheap: a native byte search per marker. */
export function scanMarkers(frame: Buffer, fn: (sentAt: number, writer: number, seq: number) => void): number {
  let found = 0;
  let pos = frame.indexOf(MARK_OPEN_BYTES, 0);
  while (pos !== -1) {
    const start = pos + MARK_OPEN_BYTES.length;
    const end = frame.indexOf(TILDE, start);
    if (end === -1 || end - start > 48) break;
    const m = parseMarkerBody(frame.toString('latin1', start, end));
    if (m) {
      found++;
      fn(m.sentAt, m.writer, m.seq);
    }
    pos = frame.indexOf(MARK_OPEN_BYTES, end + 1);
  }
  return found;
}

/** Finds the marker in a paragraph's text (as a probe reads it from its Y.Doc). */
export function markerIn(text: string): Marker | null {
  const start = text.indexOf(MARK_OPEN);
  if (start === -1) return null;
  const end = text.indexOf('~', start + MARK_OPEN.length);
  if (end === -1) return null;
  return parseMarkerBody(text.slice(start + MARK_OPEN.length, end));
}
