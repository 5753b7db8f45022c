import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { isFromYjs } from './lockPlugin';
import { NODE, newId } from '@plenary/shared/plain';

export interface ParagraphRef {
  pos: number;
  id: string | null;
  /** no text: the half left behind by Enter at the start of a paragraph */
  empty: boolean;
}

/**
 * Which paragraphs need a new id, as position → id. A paragraph without an id gets one; when
 * several share an id (a split, a paste), the first non-empty one keeps it — so Enter at the start
 * of a paragraph leaves its id (and its status, comments…) with its text — and the others get new ones.
 */
export function planParagraphIds(paragraphs: readonly ParagraphRef[], makeId: () => string): Map<number, string> {
  const taken = new Set<string>();
  for (const p of paragraphs) if (p.id) taken.add(p.id);
  const keeper = new Map<string, ParagraphRef>();
  for (const p of paragraphs) {
    if (!p.id) continue;
    const current = keeper.get(p.id);
    if (!current || (current.empty && !p.empty)) keeper.set(p.id, p);
  }
  const plan = new Map<number, string>();
  for (const p of paragraphs) {
    if (p.id && keeper.get(p.id) === p) continue;
    let id = makeId();
    while (taken.has(id)) id = makeId();
    taken.add(id);
    plan.set(p.pos, id);
  }
  return plan;
}

export function collectParagraphs(doc: PMNode): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== NODE.paragraph) return true;
    const id = typeof node.attrs.id === 'string' && node.attrs.id ? node.attrs.id : null;
    out.push({ pos, id, empty: node.content.size === 0 });
    return false;
  });
  return out;
}

export const paragraphIdsKey = new PluginKey('plenaryParagraphIds');

/** Gives every paragraph a unique `id` after local edits (Enter, paste); remote changes are left alone. */
export function paragraphIdsPlugin(makeId: () => string = () => newId('p-')): Plugin {
  return new Plugin({
    key: paragraphIdsKey,
    appendTransaction(transactions, _old, state) {
      // a change that came in from Yjs (another person, or the first render): its author numbered it
      if (!transactions.some((tr) => tr.docChanged && !isFromYjs(tr))) return null;
      const plan = planParagraphIds(collectParagraphs(state.doc), makeId);
      if (plan.size === 0) return null;
      const tr = state.tr;
      for (const [pos, id] of plan) tr.setNodeAttribute(pos, 'id', id);
      return tr;
    },
  });
}
