import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT } from '@plenary/shared';

/**
 * Carets (y-websocket awareness states) that no honest client sends, as raw JSON so that shapes
 * `JSON.stringify` cannot make (nesting deeper than its stack) can be sent too. Each one, relayed,
 * broke every editor that read it, or closed its sender's connection with 1011 (K9).
 */
export interface CaretAttack {
  name: string;
  /** the awareness state as JSON text */
  json: string;
}

const ID = { client: 1, clock: 0 };
const at = (anchor: unknown, head: unknown = anchor) => JSON.stringify({ cursor: { anchor, head } });

export const MALFORMED_CARETS: CaretAttack[] = [
  { name: 'cursor {anchor: null}', json: at(null) },
  { name: 'cursor a number', json: JSON.stringify({ cursor: 42 }) },
  { name: 'cursor a string', json: JSON.stringify({ cursor: 'hijacked' }) },
  { name: 'cursor positions naming no place', json: at({}, {}) },
  { name: 'cursor ids that are not numbers', json: at({ item: { client: 'x', clock: -1 } }) },
  { name: 'cursor in another root type', json: at({ type: null, tname: 'authors', item: null, assoc: 0 }) },
  { name: 'cursor with an extra field', json: JSON.stringify({ cursor: { anchor: { item: ID }, head: { item: ID }, evil: 1 } }) },
  { name: 'an unknown field', json: JSON.stringify({ cursor: null, script: 'x' }) },
  { name: '__proto__ key', json: '{"__proto__":{"polluted":true},"cursor":null}' },
  { name: 'user a number', json: JSON.stringify({ user: 7, cursor: null, extra: [] }) },
  { name: 'nested 100,000 deep', json: deeplyNested(100_000) },
  { name: 'a 512 KiB caret', json: oversized(512 * 1024) },
];

/** `{"user": [[[…]]]}` nested `depth` times: parses, but `JSON.stringify` overflows its stack on it. */
export function deeplyNested(depth: number): string {
  return `{"user":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A caret of a valid shape padded to about `bytes` with a long name. */
export function oversized(bytes: number): string {
  return JSON.stringify({ user: { name: 'x'.repeat(bytes) }, cursor: null });
}

/** A y-websocket awareness message carrying one state given as JSON text (`'null'`: removed). */
export function caretFrame(clientId: number, clock: number, json: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, json);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // awareness
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** An honest caret: the selection collapsed at `index` in the communiqué's body, as y-tiptap writes it. */
export function honestCaret(doc: Y.Doc, index = 0): { cursor: { anchor: unknown; head: unknown } } {
  const pos = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment(COMMUNIQUE_FRAGMENT), index))) as unknown;
  return { cursor: { anchor: pos, head: pos } };
}

/** A caret of a valid shape before the item `{client: 1, clock}` (which need not exist): a distinct caret per `clock`. */
export function caretAt(clock: number): { cursor: { anchor: { item: { client: number; clock: number } }; head: { item: { client: number; clock: number } } } } {
  const pos = { item: { client: 1, clock } };
  return { cursor: { anchor: pos, head: pos } };
}
