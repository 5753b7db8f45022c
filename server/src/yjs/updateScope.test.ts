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

  it('[K7] an item that hangs on itself (a forged update) is unresolved, without recursing away the stack', () => {
    const { server } = setup();
    // one struct, client 5 clock 0, whose origin is 5:0 itself, content "a"
    const forged = Uint8Array.from([1, 1, 5, 0, 0x84, 5, 0, 1, 97, 0]);
    expect(updateScope(server, forged).unresolved).toBe(true);
  });

  it('[K7] structs after a gap in their client\'s clocks, or deletions of clocks the doc lacks, are unresolved', () => {
    const { server } = setup();
    // client 77 starts at clock 44 (0–43 missing), inserting "a" into `body`
    const gap = Uint8Array.from([1, 1, 77, 44, 4, 1, 4, 98, 111, 100, 121, 1, 97, 0]);
    expect(updateScope(server, gap).unresolved).toBe(true);
    // no structs; deletes clocks 5–7 of client 77, which the doc has never seen
    const deletion = Uint8Array.from([0, 1, 77, 1, 5, 3]);
    expect(updateScope(server, deletion).unresolved).toBe(true);
    // an offline client that typed and then deleted some of it sends both: resolved
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(server);
    const t = (client.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(0, 'typed offline ');
    t.delete(0, 6);
    expect(updateScope(server, Y.encodeStateAsUpdate(client, sv)).unresolved).toBe(false);
  });

  it('[K7] an item the doc already has, resent next to unknown content, is unresolved (Yjs would keep it aside)', () => {
    const { server } = setup();
    const other = new Y.Doc();
    other.clientID = 4;
    other.getXmlFragment('body').insert(0, [new Y.XmlText('a')]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    // 4:0 again, now between 4:0 and 99:50, which nobody has
    const resent = Uint8Array.from([1, 1, 4, 0, 196, 4, 0, 99, 50, 1, 97, 0]);
    expect(updateScope(server, resent).unresolved).toBe(true);
  });
});


describe('[L1][L10][L11] updateScope says what each new item is written into', () => {
  const describeWrites = (scope: ReturnType<typeof updateScope>) =>
    scope.writes.map(({ into, key, item }) => [into.kind === 'element' ? `${into.name}${into.existing ? '' : '(new)'}` : into.kind, key, item.content.constructor.name]).sort((a, b) => a.join().localeCompare(b.join()));

  it('a new paragraph: an element at the top, its attributes and its text inside it', () => {
    const { server, edit } = setup();
    const scope = updateScope(server, edit((b) => b.insert(2, [paragraph('p3', 'Urges')])));
    expect(describeWrites(scope)).toEqual([
      ['fragment', null, 'ContentType'],
      ['paragraph(new)', null, 'ContentType'],
      ['paragraph(new)', 'id', 'ContentAny'],
      ['text', null, 'ContentString'],
    ]);
    expect(scope.blocks.size).toBe(0);
  });

  it('an attribute overwritten on an existing paragraph is written under that key (found through the entry it replaces)', () => {
    const { server, edit } = setup();
    const scope = updateScope(server, edit((b) => (b.get(1) as Y.XmlElement).setAttribute('id', 'p1')));
    expect(describeWrites(scope)).toEqual([['paragraph', 'id', 'ContentAny']]);
    const write = scope.writes[0]!;
    expect(write.into.kind === 'element' && write.into.existing?.getAttribute('id')).toBe('p2');
    expect(scope.deletedAttributes.map((a) => [a.element.getAttribute('id'), a.key])).toEqual([['p2', 'id']]);
  });

  it('raw text at the top, deleted blocks and removed attributes are reported', () => {
    const { server, edit } = setup();
    const scope = updateScope(
      server,
      edit((b) => {
        b.insert(0, [new Y.XmlText('raw')]);
        b.delete(2, 1);
        (b.get(1) as Y.XmlElement).removeAttribute('id');
      }),
    );
    expect(describeWrites(scope)).toEqual([
      ['fragment', null, 'ContentType'],
      ['text', null, 'ContentString'],
    ]);
    expect([...scope.deletedBlocks].map((b) => (b as Y.XmlElement).getAttribute('id'))).toEqual(['p2']);
    // a deleted paragraph's attributes go with it
    expect(scope.deletedAttributes.map((a) => [a.element.getAttribute('id'), a.key]).sort()).toEqual([
      ['p1', 'id'],
      ['p2', 'id'],
    ]);
  });
});
