import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep, type Step } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

export const exactWritesKey = new PluginKey('plenaryExactWrites');

/** The parts of the binding this plugin uses (y-tiptap 3.0.9, pinned). */
interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mux: (f: () => void) => void;
  _prosemirrorChanged: (doc: PMNode) => void;
}

interface SyncState {
  binding?: Binding;
  snapshot?: unknown;
  prevSnapshot?: unknown;
  addToHistory?: boolean;
}

/** A local step and the document it applies to. */
interface LocalStep {
  step: Step;
  doc: PMNode;
}

/** The visible text of a Y.XmlText, or null when it holds anything but text. */
function plainText(ytext: Y.XmlText): string | null {
  let str = '';
  for (let item = ytext._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (!(item.content instanceof Y.ContentString)) return null;
    str += item.content.str;
  }
  return str;
}

/**
 * Inserts text at a character offset, right after the character before it. Yjs's own insert
 * first steps over deleted characters to the right of that one, so a word typed next to words
 * someone just deleted would hang on the deleted words and a third person typing after them at the
 * same time could end up inside it; where there are such deleted characters the item is made here
 * with the character before as its origin, as Yjs makes it otherwise.
 */
function insertAt(ytr: Y.Transaction, ytext: Y.XmlText, offset: number, text: string): void {
  let left: Y.Item | null = null;
  if (offset > 0) {
    let count = offset;
    for (let item = ytext._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (count <= item.length) {
        left = Y.getItemCleanEnd(ytr, ytr.doc.store, Y.createID(item.id.client, item.id.clock + count - 1));
        break;
      }
      count -= item.length;
    }
  }
  const right = left ? left.right : ytext._start;
  if (!right?.deleted) {
    ytext.insert(offset, text);
    return;
  }
  const client = ytr.doc.clientID;
  const id = Y.createID(client, Y.getState(ytr.doc.store, client));
  new Y.Item(id, left, left?.lastId ?? null, right, right.id, ytext, null, new Y.ContentString(text)).integrate(ytr, 0);
  // positions Yjs cached in this text no longer hold
  if (ytext._searchMarker) ytext._searchMarker.length = 0;
}

/**
 * Writes one typing step (text inserted and/or deleted inside one top-level paragraph) to Yjs at
 * the exact offset where ProseMirror made it. Returns false, writing nothing, for any other step.
 */
function writeStep(ytr: Y.Transaction, binding: Binding, { step, doc }: LocalStep): boolean {
  if (!(step instanceof ReplaceStep) || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return false;
  const $from = doc.resolve(step.from);
  const $to = doc.resolve(step.to);
  const block = $from.parent;
  if ($from.depth !== 1 || $to.depth !== 1 || $to.parent !== block || !block.isTextblock) return false;
  let inserted = '';
  let onlyText = true;
  step.slice.content.forEach((n) => {
    if (n.isText) inserted += n.text;
    else onlyText = false;
  });
  block.forEach((n) => {
    if (!n.isText) onlyText = false;
  });
  if (!onlyText || binding.type.length !== doc.childCount) return false;
  const yblock = binding.type.get($from.index(0));
  if (!(yblock instanceof Y.XmlElement) || yblock.nodeName !== block.type.name || yblock.length !== 1) return false;
  const ytext = yblock.get(0);
  if (!(ytext instanceof Y.XmlText) || plainText(ytext) !== block.textContent) return false;
  const removed = $to.parentOffset - $from.parentOffset;
  if (removed > 0) ytext.delete($from.parentOffset, removed);
  if (inserted) insertAt(ytr, ytext, $from.parentOffset, inserted);
  return true;
}

/**
 * Local typing reaches Yjs exactly where it was typed. The binding writes a local change by
 * diffing the paragraph's old and new text from the left: a character typed in front of the same
 * character ("W" before "Welcomes") is then written after it, so the first letter of the typed
 * word is recorded as the old text's and the typed word ends with someone else's letter. Nothing
 * shows until someone deletes the old word at the same time and the typed word comes out
 * scrambled ("Warmly " → "armly W"); authorship shows it at once. This plugin comes before the
 * binding: it writes each typing step at ProseMirror's own offset and then lets the binding
 * reconcile the rest (formatting, structure) in the same Yjs transaction, so the binding's own
 * diff that follows finds nothing left to write. Any step it does not recognise is left whole to
 * the binding.
 */
export function exactWritesPlugin(): Plugin {
  let pending: LocalStep[] = [];
  const isFromYjs = (tr: Transaction) => tr.getMeta(ySyncPluginKey) !== undefined;
  return new Plugin({
    key: exactWritesKey,
    appendTransaction(transactions) {
      for (const tr of transactions) {
        if (isFromYjs(tr)) pending = [];
        else if (tr.docChanged) tr.steps.forEach((step, i) => pending.push({ step, doc: tr.docs[i]! }));
      }
      return null;
    },
    view: () => ({
      update(view) {
        const steps = pending;
        pending = [];
        if (steps.length === 0) return;
        const sync = ySyncPluginKey.getState(view.state) as SyncState | undefined;
        const binding = sync?.binding;
        if (!binding || sync.snapshot != null || sync.prevSnapshot != null) return;
        binding.mux(() => {
          binding.doc.transact((ytr) => {
            ytr.meta.set('addToHistory', sync.addToHistory !== false);
            for (const s of steps) if (!writeStep(ytr, binding, s)) break;
            // whatever is left (marks, new paragraphs) the binding writes in this same transaction
            binding._prosemirrorChanged(view.state.doc);
          }, ySyncPluginKey);
        });
      },
    }),
  });
}
