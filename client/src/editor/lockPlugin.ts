import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { NODE, silenceCovers, type ParagraphStatus, type Silence } from '@plenary/shared/plain';
import { contextChanged, draftingContext } from './draftingContext';

interface LockedRange {
  id: string;
  from: number;
  to: number;
}

/** Whether a paragraph's text is frozen: agreed, or under a running silence (L2, L6). */
function frozen(node: PMNode, statuses: Readonly<Record<string, ParagraphStatus>>, silence: Silence | null | undefined): boolean {
  const id = node.attrs.id;
  return typeof id === 'string' && (statuses[id] === 'agreed' || silenceCovers(silence, id, node.attrs.kind));
}

/** Frozen paragraphs of `doc` as node ranges [pos, pos + nodeSize]. */
export function lockedRanges(doc: PMNode, statuses: Readonly<Record<string, ParagraphStatus>>, silence?: Silence | null): LockedRange[] {
  const out: LockedRange[] = [];
  doc.forEach((node, pos) => {
    const id = node.attrs.id;
    if (node.type.name === NODE.paragraph && typeof id === 'string' && frozen(node, statuses, silence)) {
      out.push({ id, from: pos, to: pos + node.nodeSize });
    }
  });
  return out;
}

/** A change that came in from Yjs: the server has already accepted it, so it is never refused here. */
export function isFromYjs(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return !!meta?.isChangeOrigin;
}

function touches(range: { from: number; to: number }, lock: LockedRange): boolean {
  // an insertion touches a paragraph only strictly inside it; at its edges it lands next to it
  if (range.from === range.to) return range.from > lock.from && range.from < lock.to;
  return range.from < lock.to && range.to > lock.from;
}

/** The frozen paragraph a local transaction would change, or null. Checked step by step. */
export function lockedParagraphTouched(tr: Transaction, statuses: Readonly<Record<string, ParagraphStatus>>, silence?: Silence | null): string | null {
  if (!tr.docChanged || isFromYjs(tr)) return null;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i] as unknown as { from?: number; to?: number; pos?: number };
    const before = tr.docs[i]!;
    const locks = lockedRanges(before, statuses, silence);
    if (locks.length === 0) continue;
    const range =
      typeof step.from === 'number' && typeof step.to === 'number'
        ? { from: step.from, to: step.to }
        : typeof step.pos === 'number'
          ? { from: step.pos, to: step.pos + 1 }
          : null;
    if (!range) return locks[0]!.id; // an unknown kind of step: refuse rather than guess
    const hit = locks.find((l) => touches(range, l));
    if (hit) return hit.id;
  }
  return null;
}

function statusDecorations(doc: PMNode, statuses: Readonly<Record<string, ParagraphStatus>>, silence?: Silence | null): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    const id = node.attrs.id;
    if (node.type.name !== NODE.paragraph || typeof id !== 'string') return;
    const status = statuses[id] ?? 'open';
    const attrs: Record<string, string> = { 'data-status': status };
    if (frozen(node, statuses, silence)) {
      attrs['data-locked'] = 'true';
      attrs['aria-readonly'] = 'true';
    }
    if (silenceCovers(silence, id, node.attrs.kind)) attrs['data-silenced'] = 'true';
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
  });
  return DecorationSet.create(doc, decorations);
}

export const lockKey = new PluginKey<DecorationSet>('plenaryLock');

/**
 * Agreed paragraphs, and those under a running silence, are locked: local edits touching them are filtered out before they reach
 * Yjs (the server would refuse them and drop the connection). Paragraphs carry `data-status`.
 * `onBlocked` is told (after the fact) which paragraph an edit was refused in.
 */
export function lockPlugin(onBlocked?: (paragraphId: string) => void): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: lockKey,
    state: {
      init: (_c, state) => statusDecorations(state.doc, draftingContext(state).statuses, draftingContext(state).silence),
      apply: (tr, old, _oldState, state) =>
        tr.docChanged || contextChanged(tr) ? statusDecorations(state.doc, draftingContext(state).statuses, draftingContext(state).silence) : old,
    },
    filterTransaction(tr, state) {
      const hit = lockedParagraphTouched(tr, draftingContext(state).statuses, draftingContext(state).silence);
      if (hit && onBlocked) queueMicrotask(() => onBlocked(hit));
      return hit === null;
    },
    props: {
      decorations: (state) => lockKey.getState(state),
    },
  });
}
