import { Extension, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { COMMUNIQUE_FRAGMENT, HEADING_LEVELS } from '@plenary/shared/plain';
import { roleAsName } from '../lib/format';
import { ParagraphAttributes } from './paragraphAttributes';
import type { Plugin } from '@tiptap/pm/state';
import { paragraphIdsPlugin } from './paragraphIds';
import { numberingPlugin } from './numberingPlugin';
import { directionPlugin } from './directionPlugin';
import { Bracket } from './bracketMark';
import { bracketsPlugin } from './bracketsPlugin';
import { lockPlugin } from './lockPlugin';
import { authorshipPlugin } from './authorshipPlugin';
import { draftingContextPlugin, type DraftingContext } from './draftingContext';
import { BindingFixes } from './binding';
import { Carets } from './carets';

export interface CommuniquePluginOptions {
  /** told when a local edit into an agreed paragraph was refused */
  onBlocked?: ((paragraphId: string) => void) | undefined;
  initialContext?: DraftingContext | undefined;
  /** the Yjs doc behind the editor: authorship is read from it */
  ydoc?: Y.Doc | null | undefined;
}

/**
 * The communiqué's own plugins. The drafting context comes first: the others read it from the
 * state being built while they apply a transaction, so they must come after it in one list.
 */
export function communiquePlugins(options: CommuniquePluginOptions = {}): Plugin[] {
  return [
    draftingContextPlugin(options.initialContext),
    paragraphIdsPlugin(),
    numberingPlugin(),
    directionPlugin(),
    lockPlugin(options.onBlocked),
    bracketsPlugin(),
    ...(options.ydoc ? [authorshipPlugin(options.ydoc)] : []),
  ];
}

/** Paragraph ids, PP/OP numbering, statuses and the lock, brackets, authorship. */
export const CommuniquePlugins = Extension.create<CommuniquePluginOptions>({
  name: 'plenaryCommunique',
  addOptions() {
    return { onBlocked: undefined, initialContext: undefined, ydoc: null };
  },
  addProseMirrorPlugins() {
    return communiquePlugins(this.options);
  },
});

/**
 * The node set of the communiqué: a title heading and paragraphs, with light inline marks.
 * Every client must share this schema: y-prosemirror drops content it cannot parse. It must match
 * COMMUNIQUE_SCHEMA in shared, which the server holds every update to (L10; schema.test.ts checks).
 */
export function schemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false, // Yjs has its own undo; ProseMirror's would undo other people's typing
      trailingNode: false, // would race between clients and add empty paragraphs
      heading: { levels: [...HEADING_LEVELS] },
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
    Bracket,
  ];
}

export interface CommuniqueUser {
  name: string;
  color: string;
}

/**
 * Another person's caret and its label: a delegation by its name, the chair and observers by
 * their role in the reader's words (the server names them in English).
 */
export function renderCaret(user: { name?: string; color?: string; role?: string }): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = user.color ?? '';
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = user.color ?? '';
  const role = user.role === 'chair' || user.role === 'observer' ? user.role : null;
  label.textContent = role ? roleAsName(role) : (user.name ?? '');
  caret.append(label);
  return caret;
}

export function communiqueExtensions(
  doc: Y.Doc,
  provider: WebsocketProvider,
  user: CommuniqueUser,
  options: CommuniquePluginOptions = {},
): AnyExtension[] {
  return [
    ...schemaExtensions(),
    // the text says exactly what was typed, where it was typed (E3)
    BindingFixes,
    Collaboration.configure({ document: doc, field: COMMUNIQUE_FRAGMENT }),
    Carets.configure({ provider, user, render: renderCaret }),
    CommuniquePlugins.configure({ ...options, ydoc: doc }),
  ];
}
