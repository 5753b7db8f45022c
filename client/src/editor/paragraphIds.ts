import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { isFromYjs } from './lockPlugin';
import { NODE, newId } from '@plenary/shared/plain';

export interface ParagraphRef {
  pos: number;
  id: string | null;
  /** no text: the half left behind by Enter at the start of a paragraph */
  empty: boolean;
  /** false: the local change did not reach it, so its id is left as it is (absent: reached) */
  touched?: boolean;
}

/**
 * Which paragraphs need a new id, as position → id. A paragraph without an id gets one; when
 * several share an id (a split, a paste), one the local change did not reach keeps it (a pasted
 * copy never takes the original's id), else the first non-empty one — so Enter at the start of a
 * paragraph leaves its id (and its status, comments…) with its text — and the others get new ones.
 * Paragraphs the change did not reach are left alone: the server refuses changing an id (L11).
 */
export function planParagraphIds(paragraphs: readonly ParagraphRef[], makeId: () => string): Map<number, string> {
  const taken = new Set<string>();
  for (const p of paragraphs) if (p.id) taken.add(p.id);
  const rank = (p: ParagraphRef) => (p.touched === false ? 0 : p.empty ? 2 : 1);
  const keeper = new Map<string, ParagraphRef>();
  for (const p of paragraphs) {
    if (!p.id) continue;
    const current = keeper.get(p.id);
    if (!current || rank(p) < rank(current)) keeper.set(p.id, p);
  }
  const plan = new Map<number, string>();
  for (const p of paragraphs) {
    if (p.touched === false || (p.id && keeper.get(p.id) === p)) continue;
    let id = makeId();
    while (taken.has(id)) id = makeId();
    taken.add(id);
    plan.set(p.pos, id);
  }
  return plan;
}

/** The paragraphs of a doc; with `changed` (ranges of the doc), each says whether a range reaches it. */
export function collectParagraphs(doc: PMNode, changed?: readonly [number, number][]): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== NODE.paragraph) return true;
    const id = typeof node.attrs.id === 'string' && node.attrs.id ? node.attrs.id : null;
    const end = pos + node.nodeSize;
    const ref: ParagraphRef = { pos, id, empty: node.content.size === 0 };
    if (changed) ref.touched = changed.some(([from, to]) => from <= end && to >= pos);
    out.push(ref);
    return false;
  });
  return out;
}

/** The ranges of the final doc that local (not Yjs) transactions changed. */
export function locallyChanged(transactions: readonly Transaction[]): [number, number][] {
  let ranges: [number, number][] = [];
  for (const tr of transactions) {
    if (!tr.docChanged) continue;
    ranges = ranges.map(([a, b]) => [tr.mapping.map(a, -1), tr.mapping.map(b, 1)]);
    if (isFromYjs(tr)) continue;
    tr.mapping.maps.forEach((map, i) => {
      const rest = tr.mapping.slice(i + 1);
      map.forEach((_oldStart, _oldEnd, from, to) => ranges.push([rest.map(from, -1), rest.map(to, 1)]));
    });
  }
  return ranges;
}

export const paragraphIdsKey = new PluginKey('plenaryParagraphIds');

/** Gives every paragraph a unique `id` after local edits (Enter, paste); remote changes are left alone. */
export function paragraphIdsPlugin(makeId: () => string = () => newId('p-')): Plugin {
  return new Plugin({
    key: paragraphIdsKey,
    appendTransaction(transactions, _old, state) {
      // a change that came in from Yjs (another person, or the first render): its author numbered it
      if (!transactions.some((tr) => tr.docChanged && !isFromYjs(tr))) return null;
      const plan = planParagraphIds(collectParagraphs(state.doc, locallyChanged(transactions)), makeId);
      if (plan.size === 0) return null;
      const tr = state.tr;
      for (const [pos, id] of plan) tr.setNodeAttribute(pos, 'id', id);
      return tr;
    },
  });
}
