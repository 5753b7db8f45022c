import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { formatClock } from '../lib/format';
import { bracketSpans, holderIds, type BracketHolder, type BracketSpan } from './brackets';
import { contextChanged, draftingContext, type DelegationInfo } from './draftingContext';
import { i18n } from '../i18n';

type Delegations = Readonly<Record<string, DelegationInfo>>;

const FALLBACK_COLOR = '#6a737d';

function info(delegations: Delegations, by: string): DelegationInfo {
  return delegations[by] ?? { id: by, name: by.toUpperCase(), short: by.toUpperCase(), color: FALLBACK_COLOR };
}

/** "Bracketed by Pakistan at 14:03, India at 14:05" — the hover text of a bracket. */
export function bracketTitle(holders: readonly BracketHolder[], delegations: Delegations): string {
  const who = holders.map((h) => (h.at !== null ? i18n.t('brackets.at', { name: info(delegations, h.by).name, time: formatClock(h.at) }) : info(delegations, h.by).name));
  return i18n.t('brackets.by', { who: who.join(`${i18n.t('list.separator')} `) });
}

/** What one bracketed run looks like on screen, before it becomes DOM: testable without a browser. */
export interface BracketRendering {
  from: number;
  to: number;
  /** `data-holders`, e.g. "pk,in" */
  holders: string;
  codes: { short: string; color: string; name: string }[];
  title: string;
}

export function bracketRenderings(doc: PMNode, delegations: Delegations): BracketRendering[] {
  return bracketSpans(doc).map((s: BracketSpan) => ({
    from: s.from,
    to: s.to,
    holders: holderIds(s).join(','),
    codes: s.holders.map((h) => {
      const d = info(delegations, h.by);
      return { short: d.short, color: d.color, name: d.name };
    }),
    title: bracketTitle(s.holders, delegations),
  }));
}

function openDom(r: BracketRendering): HTMLElement {
  const el = document.createElement('span');
  el.className = 'bracket-edge bracket-edge--open';
  el.textContent = '[';
  el.title = r.title;
  return el;
}

function closeDom(r: BracketRendering): HTMLElement {
  const el = document.createElement('span');
  el.className = 'bracket-edge bracket-edge--close';
  el.title = r.title;
  el.append(']');
  const codes = document.createElement('sub');
  codes.className = 'bracket-holders';
  codes.setAttribute('aria-label', r.title);
  for (const c of r.codes) {
    const code = document.createElement('span');
    code.className = 'bracket-holder';
    // the code is drawn by CSS (attr), so the editor's text reads "[…]" without "PKIN"
    code.dataset.code = c.short;
    code.style.setProperty('--holder', c.color);
    codes.append(code);
  }
  el.append(codes);
  return el;
}

function bracketDecorations(doc: PMNode, delegations: Delegations): DecorationSet {
  const decorations: Decoration[] = [];
  for (const r of bracketRenderings(doc, delegations)) {
    const key = `${r.holders}|${r.title}`;
    decorations.push(
      Decoration.widget(r.from, () => openDom(r), { side: -1, key: `[${key}`, ignoreSelection: true }),
      Decoration.inline(r.from, r.to, {
        class: 'bracket',
        'data-testid': 'bracket',
        'data-holders': r.holders,
        title: r.title,
        style: `--bracket-color: ${r.codes[0]?.color ?? FALLBACK_COLOR}`,
      }),
      Decoration.widget(r.to, () => closeDom(r), { side: 1, key: `]${key}|${r.codes.map((c) => c.short + c.color).join()}`, ignoreSelection: true }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

export const bracketsKey = new PluginKey<DecorationSet>('plenaryBrackets');

/** Shows each bracketed run as `[text]` with its holders' codes in their colours. */
export function bracketsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: bracketsKey,
    state: {
      init: (_c, state) => bracketDecorations(state.doc, draftingContext(state).delegations),
      apply: (tr, old, _oldState, state) =>
        tr.docChanged || contextChanged(tr) ? bracketDecorations(state.doc, draftingContext(state).delegations) : old,
    },
    props: {
      decorations: (state) => bracketsKey.getState(state),
    },
  });
}
