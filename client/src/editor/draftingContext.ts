import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { AssignedNumbers, ParagraphStatus, Silence } from '@plenary/shared';

export interface DelegationInfo {
  id: string;
  name: string;
  short: string;
  color: string;
}

/** What the editor's plugins need from the sitting (session doc), pushed in by React. */
export interface DraftingContext {
  delegations: Readonly<Record<string, DelegationInfo>>;
  /** paragraph id → status; absent means open */
  statuses: Readonly<Record<string, ParagraphStatus>>;
  /** the paragraph numbers the chair fixed; null: counted in order (E2) */
  numbers: AssignedNumbers | null;
  /** colour the text by who wrote it */
  authorship: boolean;
  /** actor key → colour, for the authorship tint */
  actorColors: Readonly<Record<string, string>>;
  /** the sitting's silence procedure: while it runs, the paragraphs it covers are frozen */
  silence?: Silence | null;
}

export const EMPTY_CONTEXT: DraftingContext = { delegations: {}, statuses: {}, numbers: null, authorship: false, actorColors: {} };

export const draftingContextKey = new PluginKey<DraftingContext>('plenaryDraftingContext');

export function draftingContextPlugin(initial: DraftingContext = EMPTY_CONTEXT): Plugin<DraftingContext> {
  return new Plugin<DraftingContext>({
    key: draftingContextKey,
    state: {
      init: () => initial,
      apply: (tr, value) => {
        const patch = tr.getMeta(draftingContextKey) as Partial<DraftingContext> | undefined;
        return patch ? { ...value, ...patch } : value;
      },
    },
  });
}

export function draftingContext(state: EditorState): DraftingContext {
  return draftingContextKey.getState(state) ?? EMPTY_CONTEXT;
}

/** Whether this transaction changed the drafting context (plugins then recompute their decorations). */
export function contextChanged(tr: Transaction): boolean {
  return tr.getMeta(draftingContextKey) !== undefined;
}

export function withContext(tr: Transaction, patch: Partial<DraftingContext>): Transaction {
  return tr.setMeta(draftingContextKey, patch).setMeta('addToHistory', false);
}
