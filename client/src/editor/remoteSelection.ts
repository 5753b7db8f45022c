import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Selection, type Transaction } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { isFromYjs } from './lockPlugin';

export const remoteSelectionKey = new PluginKey('plenaryRemoteSelection');

interface Binding {
  doc: import('yjs').Doc;
  type: import('yjs').XmlFragment;
  mapping: Map<unknown, unknown>;
  /** the local selection as Yjs relative positions, taken before the remote change was applied */
  beforeTransactionSelection: { type: string; anchor: unknown; head: unknown; absAnchor?: number; absHead?: number } | null;
}

/** Whether a transaction is the binding's rebuild of the document after a change that came from Yjs. */
const isRemoteRebuild = (tr: Transaction) => tr.docChanged && isFromYjs(tr);

/** The paragraph id around a position, or null (the title, or a position outside the doc). */
function blockIdAt(doc: PMNode, pos: number | undefined): string | null | undefined {
  if (pos === undefined || pos < 0 || pos > doc.content.size) return undefined;
  const $pos = doc.resolve(pos);
  return $pos.parent.isTextblock ? (($pos.parent.attrs.id as string | null | undefined) ?? null) : undefined;
}

/**
 * Where the local caret belongs after a remote change: exactly where the Yjs relative positions
 * taken before the change resolve to. The binding adds a content-based "recovery" on top of that
 * which treats any change to the caret's paragraph as a structural move and puts the caret back at
 * its old offset in the paragraph: while someone else types before the caret, each of our keys then
 * lands one place too early and a typed word comes out scrambled ("law" → "wal"). Paragraphs carry
 * a unique `id`, which is what makes the binding's recovery pick the same paragraph by its
 * attributes and keep the stale offset. This keeps the Yjs resolution whenever it lands in the
 * same paragraph (the same id) as the caret was in; otherwise the binding's choice stands.
 */
export function restoredSelection(state: EditorState, oldDoc: PMNode, binding: Binding): Selection | null {
  const before = binding.beforeTransactionSelection;
  if (!before || before.type !== 'text') return null;
  const resolve = (rel: unknown): number | null =>
    rel == null ? null : relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping as never);
  const anchor = resolve(before.anchor);
  const head = resolve(before.head);
  const size = state.doc.content.size;
  if (anchor === null || head === null || anchor < 0 || head < 0 || anchor > size || head > size) return null;
  // the same paragraph as before the change, known by its id
  const oldAnchorBlock = blockIdAt(oldDoc, before.absAnchor);
  const oldHeadBlock = blockIdAt(oldDoc, before.absHead);
  if (oldAnchorBlock === undefined || oldHeadBlock === undefined) return null;
  if (blockIdAt(state.doc, anchor) !== oldAnchorBlock || blockIdAt(state.doc, head) !== oldHeadBlock) return null;
  const selection = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));
  return selection.eq(state.selection) ? null : selection;
}

/**
 * Keeps the local caret where Yjs says it is after every remote change (see `restoredSelection`),
 * in the same dispatch as the change, so no key can be typed in between.
 */
export function remoteSelectionPlugin(): Plugin {
  return new Plugin({
    key: remoteSelectionKey,
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some(isRemoteRebuild)) return null;
      const binding = (ySyncPluginKey.getState(newState) as { binding?: Binding } | undefined)?.binding;
      if (!binding) return null;
      const selection = restoredSelection(newState, oldState.doc, binding);
      if (!selection) return null;
      // still part of the remote change: the other plugins and the binding treat it as such
      return newState.tr.setSelection(selection).setMeta(ySyncPluginKey, { isChangeOrigin: true }).setMeta('addToHistory', false);
    },
  });
}
