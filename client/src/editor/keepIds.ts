import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';
import { NODE } from '@plenary/shared/plain';

/** The ids of the paragraphs at the top of an editor doc. */
function editorIds(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.forEach((node) => {
    if (node.type.name === NODE.paragraph && typeof node.attrs.id === 'string' && node.attrs.id) ids.add(node.attrs.id);
  });
  return ids;
}

/**
 * Deletes the stored paragraphs whose id the editor no longer has (joined into the one before,
 * deleted with a selection). Left in place, the binding would reuse such a paragraph for another
 * one and write that one's id onto it, which the server refuses (L11) and the page loses the edit.
 */
export function dropParagraphsGoneFromEditor(body: Y.XmlFragment, doc: PMNode, mapping?: Map<unknown, unknown>): void {
  const ids = editorIds(doc);
  const children = body.toArray();
  for (let i = children.length - 1; i >= 0; i--) {
    const node = children[i];
    if (!(node instanceof Y.XmlElement) || node.nodeName !== NODE.paragraph) continue;
    const id = node.getAttribute('id');
    if (typeof id !== 'string' || !id || ids.has(id)) continue;
    body.delete(i, 1);
    mapping?.delete(node);
  }
}

type Changed = (this: { doc: Y.Doc; type: Y.XmlFragment; mapping?: Map<unknown, unknown> }, doc: PMNode) => void;
let installed = false;

/** Makes the binding write a local change so that no stored paragraph's id changes (y-tiptap 3.0.9, pinned). */
export function keepParagraphIds(): void {
  if (installed) return;
  installed = true;
  const proto = ProsemirrorBinding.prototype as unknown as { _prosemirrorChanged: Changed };
  const original = proto._prosemirrorChanged;
  proto._prosemirrorChanged = function (doc) {
    // one transaction with the binding's own writes: one update, undone as one
    this.doc.transact(() => {
      dropParagraphsGoneFromEditor(this.type, doc, this.mapping);
      original.call(this, doc);
    }, ySyncPluginKey);
  };
}
