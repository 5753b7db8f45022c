import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { decodeAwareness, decodeFrame, encodeAwarenessEntries, FrameError } from './frames';
import { updateChangesDoc } from './updates';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('decodeFrame', () => {
  it('[R4] decodes what the stock y-protocols encoders write', () => {
    const doc = docWithText('hello');
    const e1 = encoding.createEncoder();
    encoding.writeVarUint(e1, 0);
    syncProtocol.writeSyncStep1(e1, doc);
    expect(decodeFrame(encoding.toUint8Array(e1)).kind).toBe('sync-step1');

    const e2 = encoding.createEncoder();
    encoding.writeVarUint(e2, 0);
    syncProtocol.writeUpdate(e2, Y.encodeStateAsUpdate(doc));
    const frame = decodeFrame(encoding.toUint8Array(e2));
    expect(frame.kind).toBe('update');

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'x' } });
    const e3 = encoding.createEncoder();
    encoding.writeVarUint(e3, 1);
    encoding.writeVarUint8Array(e3, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(decodeFrame(encoding.toUint8Array(e3)).kind).toBe('awareness');
    expect(decodeFrame(new Uint8Array([3])).kind).toBe('query-awareness');
  });

  it.each([
    ['empty', []],
    ['unknown type', [9]],
    ['unknown sync step', [0, 7, 0]],
    ['truncated length', [0, 1, 0x80]],
    ['length beyond the frame', [0, 1, 50, 1, 2]],
    ['trailing bytes', [3, 0]],
    ['corrupted update', [0, 2, 3, 0xff, 0xff, 0xff]],
  ])('[R4] refuses a frame with %s', (_name, bytes) => {
    expect(() => decodeFrame(new Uint8Array(bytes))).toThrow(FrameError);
  });
});

describe('awareness entries', () => {
  it('[R6] round-trip, and refuse states that are not objects', () => {
    const entries = [{ clientId: 7, clock: 2, state: { user: { name: 'Pakistan' } } }, { clientId: 8, clock: 1, state: null }];
    expect(decodeAwareness(encodeAwarenessEntries(entries))).toEqual(entries);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, '"a string"');
    expect(() => decodeAwareness(encoding.toUint8Array(e))).toThrow(FrameError);
    expect(() => decodeAwareness(new Uint8Array([5, 1]))).toThrow(FrameError);
  });
});

describe('updateChangesDoc', () => {
  it('[R2] tells a no-op sync reply from a real edit', () => {
    const server = docWithText('agreed text');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    // what a client sends back in sync step 2 when it has nothing new
    expect(updateChangesDoc(() => server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(false);
    client.getText('t').insert(0, 'new ');
    expect(updateChangesDoc(() => server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(true);
  });

  it('[R2] counts a delete of text the server still has as a change', () => {
    const server = docWithText('agreed text');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').delete(0, 7);
    expect(updateChangesDoc(() => server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(true);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(updateChangesDoc(() => server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))).toBe(false);
  });
});
