import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateScope } from './updateScope';

function paragraph(id: string, text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.setAttribute('id', id);
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

function setup() {
  const server = new Y.Doc();
  server.getXmlFragment('body').insert(0, [paragraph('p1', 'Recognizing that'), paragraph('p2', 'Decides to meet')]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edit = (fn: (body: Y.XmlFragment) => void) => {
    const sv = Y.encodeStateVector(server);
    fn(client.getXmlFragment('body'));
    return Y.encodeStateAsUpdate(client, sv);
  };
  const ids = (scope: ReturnType<typeof updateScope>) => [...scope.blocks].map((b) => (b as Y.XmlElement).getAttribute('id'));
  return { server, client, edit, ids };
}

const text = (body: Y.XmlFragment, i: number) => (body.get(i) as Y.XmlElement).get(0) as Y.XmlText;

describe('[L1] updateScope places an update before it is applied', () => {
  it('typing into a paragraph touches that paragraph, with the text typed', () => {
    const { server, client, edit, ids } = setup();
    const scope = updateScope(server, edit((b) => text(b, 1).insert(7, ' again')));
    expect(ids(scope)).toEqual(['p2']);
    expect([...scope.insertedText.values()]).toEqual([' again']);
    expect(scope.clients).toEqual(new Set([client.clientID]));
    expect(scope.unresolved).toBe(false);
  });

  it('deleting, formatting and changing attributes touch the paragraph', () => {
    const { server, edit, ids } = setup();
    const check = (fn: (b: Y.XmlFragment) => void) => {
      const update = edit(fn);
      const touched = ids(updateScope(server, update));
      Y.applyUpdate(server, update);
      return touched;
    };
    expect(check((b) => text(b, 0).delete(0, 3))).toEqual(['p1']);
    expect(check((b) => text(b, 0).format(0, 3, { bold: true }))).toEqual(['p1']);
    expect(check((b) => (b.get(1) as Y.XmlElement).setAttribute('kind', 'op'))).toEqual(['p2']);
  });

  it('removing a whole paragraph touches it', () => {
    const { server, edit, ids } = setup();
    expect(ids(updateScope(server, edit((b) => b.delete(0, 1))))).toEqual(['p1']);
  });

  it('a new paragraph between others touches none; typing into it neither', () => {
    const { server, edit } = setup();
    const scope = updateScope(server, edit((b) => b.insert(1, [paragraph('p3', 'Welcomes')])));
    expect(scope.blocks.size).toBe(0);
    expect(scope.otherRoots.size).toBe(0);
  });

  it('a long run typed offline stays placed in its paragraph', () => {
    const { server, edit, ids } = setup();
    const scope = updateScope(
      server,
      edit((b) => {
        for (let i = 0; i < 300; i++) text(b, 0).insert(text(b, 0).length, `w${i} `);
      }),
    );
    expect(ids(scope)).toEqual(['p1']);
    expect(scope.insertedText.get([...scope.blocks][0]!)).toContain('w299');
  });

  it('writes to another root type are reported', () => {
    const { server, client } = setup();
    const sv = Y.encodeStateVector(server);
    client.getMap('authors').set('1', 'chair');
    expect([...updateScope(server, Y.encodeStateAsUpdate(client, sv)).otherRoots]).toEqual(['authors']);
  });

  it('an update that hangs on content the server lacks is unresolved', () => {
    const { server, client } = setup();
    text(client.getXmlFragment('body'), 0).insert(0, 'A');
    const sv1 = Y.encodeStateVector(client);
    text(client.getXmlFragment('body'), 0).insert(1, 'B');
    const second = Y.encodeStateAsUpdate(client, sv1);
    expect(updateScope(server, second).unresolved).toBe(true);
  });
});
