import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeCommuniqueSkeleton } from '@plenary/shared';
import { updateScope } from '../yjs/updateScope';
import { paragraphIdRefusal, paragraphIndex, schemaRefusal } from './communiqueInvariants';
import { paragraphElement } from '../../../test/attacks/invariants';

const context = { delegations: new Set(['pk', 'cn']) };

const paragraph = (id: string, text: string) => paragraphElement({ id, kind: 'op' }, text);

/** A communiqué with `live` paragraphs and a history of `gone` paragraphs made and deleted, and text typed and deleted. */
function communique(live: number, gone: number): Y.Doc {
  const doc = new Y.Doc();
  writeCommuniqueSkeleton(doc, { title: 'Communiqué', preambular: [], operative: Array.from({ length: live }, (_, i) => `Operative paragraph ${i};`) }, null);
  const body = doc.getXmlFragment('body');
  for (let i = 0; i < gone; i += 100) {
    doc.transact(() => body.insert(1, Array.from({ length: 100 }, (_, k) => paragraph(`p-gone-${i + k}`, 'pasted and deleted'))));
    doc.transact(() => body.delete(1, 100));
  }
  const text = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  for (let i = 0; i < gone; i += 1000) {
    text.insert(0, 'x'.repeat(1000));
    text.delete(0, 1000);
  }
  return doc;
}

/** The update an edit of a copy of `doc` sends, as a stock client does: the transaction's own changes. */
function edit(doc: Y.Doc, fn: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => (update = u));
  copy.transact(() => fn(copy));
  return update!;
}

const check = (doc: Y.Doc, update: Uint8Array) => {
  const scope = updateScope(doc, update);
  return schemaRefusal(scope, context) ?? paragraphIdRefusal(scope, paragraphIndex(doc));
};

describe('[L10][L11] checking an update costs the update, not the text', () => {
  it('[L11] the index of ids follows paragraphs added, deleted and (as stored before L11) renamed', () => {
    const doc = communique(2, 0);
    const index = paragraphIndex(doc);
    const body = doc.getXmlFragment('body');
    const first = body.get(1) as Y.XmlElement;
    const id = String(first.getAttribute('id'));
    expect([...index.holders(id)]).toEqual([first]);
    body.insert(3, [paragraph('p-new', 'new')]);
    expect(index.holders('p-new').size).toBe(1);
    first.setAttribute('id', 'p-renamed');
    expect(index.holders(id).size).toBe(0);
    expect(index.holders('p-renamed').size).toBe(1);
    body.delete(1, 1);
    expect(index.holders('p-renamed').size).toBe(0);
  });

  it('[L10][L11] a new paragraph, an id forged and a word typed are checked as fast on a long text with a long history as on a short one', () => {
    const small = communique(3, 0);
    const large = communique(2000, 20_000);
    const attacks = (doc: Y.Doc) => [
      edit(doc, (c) => c.getXmlFragment('body').insert(2, [paragraph('p-fresh', 'A new paragraph;')])),
      edit(doc, (c) => c.getXmlFragment('body').insert(2, [paragraph(String((c.getXmlFragment('body').get(1) as Y.XmlElement).getAttribute('id')), 'Forged;')])),
      edit(doc, (c) => ((c.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(3, 'word')),
    ];
    const timed = (doc: Y.Doc) => {
      const updates = attacks(doc);
      expect(updates.map((u) => check(doc, u))).toEqual([null, expect.stringMatching(/taken/), null]);
      const start = performance.now();
      for (let i = 0; i < 200; i++) for (const u of updates) check(doc, u);
      return (performance.now() - start) / 600;
    };
    const perSmall = timed(small);
    const perLarge = timed(large);
    console.log(`[L10][L11] check per update: ${perSmall.toFixed(3)} ms on 3 paragraphs, ${perLarge.toFixed(3)} ms on 2,000 paragraphs with 20,000 deleted`);
    // the large text is ~1,000 times the small one; the check is not (the state vector is the only part that grows with writers)
    expect(perLarge).toBeLessThan(Math.max(1, perSmall * 20));
  });
});
