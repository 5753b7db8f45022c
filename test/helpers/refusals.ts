import { expect } from 'vitest';
import type * as Y from 'yjs';
import { typeInto, type YClient } from './plenary';
import type { RawYjs } from './rawYjs';
import { waitFor } from './wait';

/** Sends a raw edit and waits for the server to close the connection; returns the close code. */
export async function refusedEdit(attacker: RawYjs, edit: (doc: Y.Doc) => void): Promise<number> {
  attacker.edit(edit);
  await waitFor(() => attacker.closed !== null, 5000, 'the edit was not refused');
  return attacker.closed!.code;
}

let markers = 0;

/**
 * Nothing of a refused edit reached anyone: an honest marker typed after it (into block
 * `markerIn`) arrives at the reader — the server relays in order — and `view` of the reader, the
 * writer and a newcomer still reads `before` (`view` leaves the marker out).
 */
export async function expectUnchanged(o: {
  writer: YClient;
  reader: YClient;
  newcomer: () => Promise<YClient>;
  view: (doc: Y.Doc) => string;
  before: string;
  markerIn?: number;
}): Promise<void> {
  const marker = ` marker-${++markers}`;
  typeInto(o.writer.doc, marker, o.markerIn ?? 3);
  await waitFor(() => o.reader.text().includes(marker), 5000, 'the honest writer’s marker did not arrive');
  expect(o.view(o.reader.doc)).toBe(o.before);
  expect(o.view(o.writer.doc)).toBe(o.before);
  const fresh = await o.newcomer();
  expect(o.view(fresh.doc)).toBe(o.before);
}
