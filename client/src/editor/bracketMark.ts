import { Mark } from '@tiptap/core';
import { BRACKET_MARK } from '@plenary/shared/plain';

/** The mark's name, from the communiqué's schema in shared (L10). */
export const BRACKET = BRACKET_MARK;

/**
 * A delegation's bracket on disputed text: `{by: <delegation id>, at: <server ms>}`.
 * `excludes: ''` lets several delegations hold the same words (y-prosemirror then stores each as
 * `bracket--<hash>`); not inclusive, so typing just after a bracket stays outside it.
 * The visible `[ ]` and holder codes come from bracketsPlugin, not from this mark's own DOM.
 */
export const Bracket = Mark.create({
  name: BRACKET,
  excludes: '',
  inclusive: false,
  addAttributes() {
    return {
      by: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-bracket-by'),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.by ? { 'data-bracket-by': String(attrs.by) } : {}),
      },
      at: {
        default: null,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-bracket-at')) || null,
        renderHTML: (attrs: Record<string, unknown>) => (typeof attrs.at === 'number' ? { 'data-bracket-at': String(attrs.at) } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-bracket-by]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', HTMLAttributes, 0];
  },
});
