import { COMMUNIQUE_FRAGMENT } from './communique';

/**
 * What a caret (a y-websocket awareness state) may hold: the person (`user`, which the server
 * rewrites to the authenticated identity, R6) and where their selection is (`cursor`, two Yjs
 * relative positions in the communiqué's text, as y-tiptap writes them). The server relays nothing
 * else, and the editor draws only carets that read as this (K9). Hand-written rather than a zod
 * schema: the editor reads every remote caret with it, and its chunk carries no zod (O3).
 */

/** The largest awareness state relayed, as JSON; an honest caret takes about 300 bytes. */
export const MAX_CARET_STATE_BYTES = 2048;
/** The longest text of a caret's `user` fields (a delegation's name, a colour, a role). */
const MAX_USER_FIELD = 200;

export interface CaretUser {
  name?: string;
  color?: string;
  role?: string;
  delegation?: string;
}

/** A Yjs item id. */
export interface CaretId {
  client: number;
  clock: number;
}

/** `Y.RelativePosition` as JSON: an item (or the end of a type) and which side of it. */
export interface CaretPosition {
  type?: CaretId | null;
  tname?: string | null;
  item?: CaretId | null;
  assoc?: number | null;
}

export interface CaretState {
  user?: CaretUser;
  cursor?: { anchor: CaretPosition; head: CaretPosition } | null;
}

export type CaretParse = { ok: true; state: CaretState } | { ok: false; reason: string };

class Refusal extends Error {}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The object's own keys, refused when one is not among `allowed`. */
function fields(v: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (!isPlainObject(v)) throw new Refusal(`${what} is not an object`);
  for (const key of Object.keys(v)) if (!allowed.includes(key)) throw new Refusal(`${what} has an unknown field "${key.slice(0, 40)}"`);
  return v;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function readId(v: unknown, what: string): CaretId | null {
  if (v === null || v === undefined) return null;
  const { client, clock } = fields(v, ['client', 'clock'], what);
  if (!isCount(client) || !isCount(clock)) throw new Refusal(`${what} is not a Yjs id`);
  return { client, clock };
}

function readPosition(v: unknown, what: string): CaretPosition {
  const f = fields(v, ['type', 'tname', 'item', 'assoc'], what);
  const type = readId(f.type, `${what}.type`);
  const item = readId(f.item, `${what}.item`);
  const tname = f.tname ?? null;
  // a caret lies in the communiqué's text: the root fragment is the only type named
  if (tname !== null && tname !== COMMUNIQUE_FRAGMENT) throw new Refusal(`${what}.tname is not the communiqué`);
  if (type === null && item === null && tname === null) throw new Refusal(`${what} names no place`);
  const assoc = f.assoc ?? null;
  if (assoc !== null && !(typeof assoc === 'number' && Number.isSafeInteger(assoc))) throw new Refusal(`${what}.assoc is not an integer`);
  // the fields given, as given: Yjs reads an absent one as null (assoc: 0)
  const position: CaretPosition = {};
  if ('type' in f) position.type = type;
  if ('tname' in f) position.tname = tname;
  if ('item' in f) position.item = item;
  if ('assoc' in f) position.assoc = assoc;
  return position;
}

function readUser(v: unknown): CaretUser {
  const f = fields(v, ['name', 'color', 'role', 'delegation'], 'user');
  const user: CaretUser = {};
  for (const key of ['name', 'color', 'role', 'delegation'] as const) {
    const value = f[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > MAX_USER_FIELD) throw new Refusal(`user.${key} is not a short text`);
    user[key] = value;
  }
  return user;
}

/**
 * Reads an awareness state as a caret. `null` (a client leaving) is not a state: callers pass
 * removals on without reading them.
 */
export function parseCaretState(value: unknown): CaretParse {
  try {
    const f = fields(value, ['user', 'cursor'], 'the caret');
    const state: CaretState = {};
    if (f.user !== undefined) state.user = readUser(f.user);
    if (f.cursor === null) state.cursor = null;
    else if (f.cursor !== undefined) {
      const c = fields(f.cursor, ['anchor', 'head'], 'cursor');
      state.cursor = { anchor: readPosition(c.anchor, 'cursor.anchor'), head: readPosition(c.head, 'cursor.head') };
    }
    return { ok: true, state };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.message };
    throw err;
  }
}
