import { MAX_CARET_STATE_BYTES, parseCaretState } from '@plenary/shared';
import { readAnyState, RefusedState, type ReadAwarenessState } from './frames';

/**
 * Reads a caret sent by a connection (K9): at most MAX_CARET_STATE_BYTES of JSON, and then only
 * what `parseCaretState` accepts. The `user` it claims is not read: the room replaces it with the
 * connection's identity (R6).
 */
export const readClientCaret: ReadAwarenessState = (json) => readCaret(json, false);

/** Reads a caret another node relayed: its `user` was written by that node and is read too. */
export const readRelayedCaret: ReadAwarenessState = (json) => readCaret(json, true);

function readCaret(json: string, withUser: boolean): ReturnType<ReadAwarenessState> {
  // measured before it is parsed, so a caret costs its size and no more
  if (json.length > MAX_CARET_STATE_BYTES || Buffer.byteLength(json) > MAX_CARET_STATE_BYTES) {
    return new RefusedState(`the caret is larger than ${MAX_CARET_STATE_BYTES} bytes`);
  }
  const state = readAnyState(json) as Record<string, unknown> | null;
  if (state === null) return null;
  const { user, ...rest } = state;
  const parsed = parseCaretState(withUser && user !== undefined ? { ...rest, user } : rest);
  if (!parsed.ok) return new RefusedState(parsed.reason);
  return { ...parsed.state };
}
