import { Extension, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { COMMUNIQUE_FRAGMENT } from '@plenary/shared';
import { ParagraphAttributes } from './paragraphAttributes';
import { paragraphIdsPlugin } from './paragraphIds';
import { numberingPlugin } from './numberingPlugin';

/** Paragraph ids and PP/OP numbering; exported for headless tests. */
export const CommuniquePlugins = Extension.create({
  name: 'plenaryCommunique',
  addProseMirrorPlugins() {
    return [paragraphIdsPlugin(), numberingPlugin()];
  },
});

/**
 * The node set of the communiqué: a title heading and paragraphs, with light inline marks.
 * Every client must share this schema: y-prosemirror drops content it cannot parse.
 */
export function schemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false, // Yjs has its own undo; ProseMirror's would undo other people's typing
      trailingNode: false, // would race between clients and add empty paragraphs
      heading: { levels: [1] },
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      strike: false,
      link: false,
    }),
    ParagraphAttributes,
  ];
}

export interface CommuniqueUser {
  name: string;
  color: string;
}

export function communiqueExtensions(doc: Y.Doc, provider: WebsocketProvider, user: CommuniqueUser): AnyExtension[] {
  return [
    ...schemaExtensions(),
    Collaboration.configure({ document: doc, field: COMMUNIQUE_FRAGMENT }),
    CollaborationCaret.configure({ provider, user }),
    CommuniquePlugins,
  ];
}
