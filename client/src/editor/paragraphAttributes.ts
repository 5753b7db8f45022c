import { Extension } from '@tiptap/core';
import { NODE, PARAGRAPH_KINDS } from '@plenary/shared/plain';

const KINDS: readonly string[] = PARAGRAPH_KINDS;

/**
 * Teaches StarterKit's paragraph the two attributes the communiqué stores on every paragraph:
 * a stable `id` (statuses, comments and brackets refer to it) and its `kind` (pp | op | text).
 * Done as global attributes so the stock Paragraph node stays the one StarterKit ships.
 * On Enter the new paragraph inherits `kind` but not `id` (paragraphIdsPlugin gives it a fresh one).
 */
export const ParagraphAttributes = Extension.create({
  name: 'plenaryParagraphAttributes',
  addGlobalAttributes() {
    return [
      {
        types: [NODE.paragraph],
        attributes: {
          id: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el: HTMLElement) => el.getAttribute('data-id'),
            renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { 'data-id': String(attrs.id) } : {}),
          },
          kind: {
            default: 'text',
            keepOnSplit: true,
            parseHTML: (el: HTMLElement) => {
              const k = el.getAttribute('data-kind');
              return k && KINDS.includes(k) ? k : 'text';
            },
            renderHTML: (attrs: Record<string, unknown>) => ({ 'data-kind': String(attrs.kind ?? 'text') }),
          },
        },
      },
    ];
  },
});
