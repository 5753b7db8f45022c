import * as Y from 'yjs';
import { ProsemirrorBinding } from '@tiptap/y-tiptap';
import { COMMUNIQUE_SCHEMA } from '@plenary/shared/plain';

const isReadable = (n: unknown): n is Y.XmlElement => n instanceof Y.XmlElement && (COMMUNIQUE_SCHEMA.blocks as readonly string[]).includes(n.nodeName);

/** Top-level nodes of the communiqué the editor cannot show (stored before the server refused them, L10). */
export function unreadableBlocks(body: Y.XmlFragment): (Y.XmlElement | Y.XmlText)[] {
  return body.toArray().filter((n): n is Y.XmlElement | Y.XmlText => !isReadable(n));
}

type Method = (this: { type: Y.XmlFragment }, ...args: unknown[]) => unknown;
const wrapped = new WeakSet<Method>();

/**
 * The Yjs binding builds the editor's doc from the fragment's top-level nodes and throws on raw
 * text there (every page would stay blank): while it renders, it is shown only the nodes it can
 * read. What it writes is unchanged; a writer's page removes such nodes (`removeUnreadable`).
 */
export function renderReadableOnly(): void {
  const proto = ProsemirrorBinding.prototype as unknown as Record<string, Method>;
  for (const name of ['_forceRerender', '_typeChanged']) {
    const original = proto[name];
    if (!original || wrapped.has(original)) continue;
    const render: Method = function (...args) {
      const fragment = this.type;
      fragment.toArray = () => Y.XmlFragment.prototype.toArray.call(fragment).filter(isReadable);
      try {
        return original.apply(this, args);
      } finally {
        delete (fragment as Partial<Y.XmlFragment>).toArray;
      }
    };
    wrapped.add(render);
    proto[name] = render;
  }
}

/** Deletes the top-level nodes the editor cannot show; the server accepts a writer deleting them. */
export function removeUnreadable(doc: Y.Doc, body: Y.XmlFragment): void {
  const all = body.toArray();
  const drop = all.flatMap((n, i) => (isReadable(n) ? [] : [i]));
  if (drop.length > 0) doc.transact(() => drop.reverse().forEach((i) => body.delete(i, 1)), 'plenary:unreadable');
}
