import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocSizeGuard } from './DocSize';

function edit(doc: Y.Doc, fn: (t: Y.Text) => void): Uint8Array {
  const sv = Y.encodeStateVector(doc);
  fn(doc.getText('t'));
  return Y.encodeStateAsUpdate(doc, sv);
}

describe('document size cap', () => {
  it('[K3] refuses an update that would pass the cap; deletions and content the doc already holds pass', () => {
    const server = new Y.Doc();
    const guard = new DocSizeGuard(server, 4000);
    const client = new Y.Doc();
    const first = edit(client, (t) => t.insert(0, 'a'.repeat(3000)));
    expect(guard.refusal(first)).toBeNull();
    Y.applyUpdate(server, first);
    const tooMuch = edit(client, (t) => t.insert(0, 'b'.repeat(2000)));
    expect(guard.refusal(tooMuch)).toMatch(/would exceed 4000 bytes/);
    // what the server already has costs nothing, even resent whole
    expect(guard.refusal(Y.encodeStateAsUpdate(server))).toBeNull();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const deletion = edit(other, (t) => t.delete(0, 2500));
    expect(guard.refusal(deletion)).toBeNull();
    Y.applyUpdate(server, deletion);
    // the deleted text is collected: there is room again
    expect(guard.refusal(edit(other, (t) => t.insert(0, 'c'.repeat(1500))))).toBeNull();
  });
});
