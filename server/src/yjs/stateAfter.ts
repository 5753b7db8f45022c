import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/**
 * What `Y.encodeStateAsUpdate(doc, stateVector)` returns, byte for byte, with the doc's delete set
 * given already encoded (`DeletedClocks.encode`, kept per version of the doc): Yjs collects the delete
 * set by walking every struct of the doc for each reply, so a sync step 1 cost the doc's size
 * however little it asked for. Here a reply costs the structs it carries, a lookup per client, and
 * a copy of the delete set.
 */
export function encodeStateAfter(doc: Y.Doc, stateVector: Map<number, number>, deleteSet: Uint8Array): Uint8Array {
  const from: [number, number][] = [];
  for (const [client, structs] of doc.store.clients) {
    const clock = stateVector.get(client) ?? 0;
    const last = structs[structs.length - 1]!;
    if (last.id.clock + last.length > clock) from.push([client, clock]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, from.length);
  // higher client ids first, as Yjs writes them
  for (const [client, known] of from.sort((a, b) => b[0] - a[0])) {
    const structs = doc.store.clients.get(client)!;
    const clock = Math.max(known, structs[0]!.id.clock);
    const start = Y.findIndexSS(structs, clock);
    encoding.writeVarUint(encoder.restEncoder, structs.length - start);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, clock);
    structs[start]!.write(encoder, clock - structs[start]!.id.clock);
    for (let i = start + 1; i < structs.length; i++) structs[i]!.write(encoder, 0);
  }
  encoding.writeUint8Array(encoder.restEncoder, deleteSet);
  return encoder.toUint8Array();
}
