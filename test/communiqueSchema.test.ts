import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import { COMMUNIQUE_SCHEMA, markOfKey, type SchemaContext } from '@plenary/shared';
import { schemaExtensions } from '../client/src/editor/extensions';
import { updateScope } from '../server/src/yjs/updateScope';
import { schemaRefusal } from '../server/src/sittings/communiqueInvariants';

const schema = getSchema(schemaExtensions());
const context: SchemaContext = { delegations: new Set(['pk', 'cn']) };

describe('[L10] the editor’s schema is the communiqué’s schema in shared', () => {
  it('[L10] the same nodes, where the same nodes may stand, with the same attributes', () => {
    const elements = Object.keys(COMMUNIQUE_SCHEMA.elements).sort();
    expect(Object.keys(schema.nodes).filter((n) => n !== 'doc' && n !== 'text').sort()).toEqual(elements);
    expect(schema.topNodeType.spec.content).toBe('block+');
    const blocks = Object.values(schema.nodes).filter((n) => n.isInGroup('block')).map((n) => n.name);
    expect(blocks.sort()).toEqual([...COMMUNIQUE_SCHEMA.blocks].sort());
    for (const name of elements) {
      const node = schema.nodes[name]!;
      const rule = COMMUNIQUE_SCHEMA.elements[name as keyof typeof COMMUNIQUE_SCHEMA.elements];
      expect(Object.keys(node.spec.attrs ?? {}).sort(), name).toEqual(Object.keys(rule.attributes).sort());
      // a block holds inline content: text (one XmlText per run) and the inline nodes
      const inline = Object.values(schema.nodes).filter((n) => n.isInline && n.name !== 'text').map((n) => n.name);
      expect(rule.children, name).toEqual(node.isLeaf ? [] : ['text', ...inline]);
      if (!node.isLeaf) expect(node.spec.content, name).toBe('inline*');
    }
  });

  it('[L10] the same marks; only the bracket, which several delegations hold at once, is stored under hashed keys', () => {
    expect(Object.keys(schema.marks).sort()).toEqual(Object.keys(COMMUNIQUE_SCHEMA.marks).sort());
    for (const mark of Object.values(schema.marks)) {
      const hashed = !mark.excludes(mark);
      expect(hashed, mark.name).toBe(mark.name === 'bracket');
      expect(markOfKey(hashed ? `${mark.name}--AbCd+/12` : mark.name)).toBe(mark.name);
    }
    expect(Object.keys(schema.marks.bracket!.spec.attrs ?? {}).sort()).toEqual(['at', 'by']);
  });

  it('[L10] everything the editor stores passes the server’s check', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Communiqué' }] },
        {
          type: 'paragraph',
          attrs: { id: 'p-1', kind: 'pp' },
          content: [
            { type: 'text', text: 'Recognizing', marks: [{ type: 'italic' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }, { type: 'underline' }] },
          ],
        },
        {
          type: 'paragraph',
          attrs: { id: 'p-2', kind: 'op' },
          content: [{ type: 'text', text: 'Calls upon', marks: [{ type: 'bracket', attrs: { by: 'pk', at: 5 } }, { type: 'bracket', attrs: { by: 'cn', at: null } }] }],
        },
        { type: 'paragraph', attrs: { id: 'p-3', kind: 'text' } },
      ],
    });
    const ydoc = new Y.Doc();
    const server = new Y.Doc();
    ydoc.transact(() => updateYFragment(ydoc, ydoc.getXmlFragment('body'), doc, { mapping: new Map(), isOMark: new Map() }));
    const update = Y.encodeStateAsUpdate(ydoc);
    const scope = updateScope(server, update);
    expect(scope.writes.length).toBeGreaterThan(10);
    expect(schemaRefusal(scope, context)).toBeNull();
  });
});
