import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { BRACKET } from './bracketMark';

/** One delegation holding a bracket, with when it first bracketed (server ms; null if unknown). */
export interface BracketHolder {
  by: string;
  at: number | null;
}

/** A bracketed run as the text shows it: one `[ … ]`, held by one or more delegations. */
export interface BracketSpan {
  from: number;
  to: number;
  text: string;
  /** earliest first, so the delegation that opened the bracket comes first */
  holders: BracketHolder[];
  paragraphId: string | null;
}

/** Alternatives inside a bracket are plain text separated by `|`, as in `[Calls upon | Urges]`. */
export const ALTERNATIVE_SEPARATOR = ' | ';

function bracketMarks(marks: readonly PMMark[]): PMMark[] {
  return marks.filter((m) => m.type.name === BRACKET);
}

/** The delegations behind a set of bracket marks: one entry each, earliest time kept. */
export function holdersOf(marks: readonly PMMark[]): BracketHolder[] {
  const byDelegation = new Map<string, number | null>();
  for (const m of bracketMarks(marks)) {
    const by = typeof m.attrs.by === 'string' ? m.attrs.by : '?';
    const at = typeof m.attrs.at === 'number' ? m.attrs.at : null;
    const known = byDelegation.get(by);
    if (!byDelegation.has(by) || (at !== null && (known === null || known === undefined || at < known))) byDelegation.set(by, at);
  }
  return [...byDelegation]
    .map(([by, at]) => ({ by, at }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.by.localeCompare(b.by));
}

/** Every bracketed run of the document: neighbouring bracketed text inside one paragraph is one run. */
export function bracketSpans(doc: PMNode): BracketSpan[] {
  const spans: BracketSpan[] = [];
  doc.descendants((block, pos) => {
    if (!block.isTextblock) return true;
    const paragraphId = typeof block.attrs.id === 'string' ? block.attrs.id : null;
    let current: { from: number; to: number; text: string; marks: PMMark[] } | null = null;
    const flush = () => {
      if (current) spans.push({ from: current.from, to: current.to, text: current.text, holders: holdersOf(current.marks), paragraphId });
      current = null;
    };
    block.forEach((child, offset) => {
      const start = pos + 1 + offset;
      const marks = child.isText ? bracketMarks(child.marks) : [];
      if (marks.length === 0) return flush();
      if (current && current.to === start) {
        current.to += child.nodeSize;
        current.text += child.text ?? '';
        current.marks.push(...marks);
      } else {
        flush();
        current = { from: start, to: start + child.nodeSize, text: child.text ?? '', marks: [...marks] };
      }
    });
    flush();
    return false;
  });
  return spans;
}

/** The bracket the selection sits in (a caret at either edge counts), if any. */
export function spanAt(spans: readonly BracketSpan[], from: number, to: number = from): BracketSpan | undefined {
  return spans.find((s) => from >= s.from && to <= s.to);
}

export function holderIds(span: Pick<BracketSpan, 'holders'>): string[] {
  return span.holders.map((h) => h.by);
}

export interface Alternatives {
  /** whitespace before the first alternative, kept when the bracket is lifted */
  lead: string;
  trail: string;
  alternatives: string[];
}

/** `" Calls upon | Urges"` → lead `" "`, alternatives `["Calls upon", "Urges"]`. */
export function parseAlternatives(text: string): Alternatives {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const trail = lead.length === text.length ? '' : (/\s*$/.exec(text)?.[0] ?? '');
  const alternatives = text
    .split('|')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  return { lead, trail, alternatives };
}

/** What stays in the text when the chair lifts a bracket keeping `choice`. */
export function liftedText(bracketText: string, choice: string): string {
  const { lead, trail } = parseAlternatives(bracketText);
  return choice ? `${lead}${choice}${trail}` : '';
}

function marksInRange(doc: PMNode, from: number, to: number): PMMark[] {
  const out: PMMark[] = [];
  doc.nodesBetween(from, to, (node) => {
    if (node.isText) out.push(...node.marks);
  });
  return out;
}

/**
 * Brackets the selection for delegation `by`. A selection that overlaps an existing bracket
 * joins it (the bracket grows to cover both); a caret inside a bracket joins that bracket.
 * The delegation's own earlier marks there are replaced by one, keeping its first time.
 */
export function bracketSelection(state: EditorState, by: string, at: number): Transaction | null {
  const type = state.schema.marks[BRACKET];
  if (!type) return null;
  const { from, to, empty } = state.selection;
  const spans = bracketSpans(state.doc);
  let range: { from: number; to: number };
  if (empty) {
    const inside = spanAt(spans, from);
    if (!inside) return null;
    range = inside;
  } else {
    range = { from, to };
    for (const s of spans) {
      if (s.from < range.to && s.to > range.from) range = { from: Math.min(range.from, s.from), to: Math.max(range.to, s.to) };
    }
  }
  let hasText = false;
  state.doc.nodesBetween(range.from, range.to, (n) => {
    if (n.isText) hasText = true;
  });
  if (!hasText) return null;
  const mine = bracketMarks(marksInRange(state.doc, range.from, range.to)).filter((m) => m.attrs.by === by);
  const firstAt = mine.reduce<number>((min, m) => (typeof m.attrs.at === 'number' ? Math.min(min, m.attrs.at) : min), at);
  const tr = state.tr;
  for (const m of new Set(mine)) tr.removeMark(range.from, range.to, m);
  tr.addMark(range.from, range.to, type.create({ by, at: firstAt }));
  return tr;
}

/** Takes delegation `by`'s bracket off a run; other delegations' brackets stay. */
export function removeBracket(state: EditorState, span: BracketSpan, by: string): Transaction | null {
  const mine = bracketMarks(marksInRange(state.doc, span.from, span.to)).filter((m) => m.attrs.by === by);
  if (mine.length === 0) return null;
  const tr = state.tr;
  for (const m of new Set(mine)) tr.removeMark(span.from, span.to, m);
  return tr;
}

/** Adds ` | text` at the end of a bracket, inside it (carrying the same holders' marks). */
export function offerAlternative(state: EditorState, span: BracketSpan, text: string): Transaction | null {
  const alternative = text.replace(/\s+/g, ' ').trim();
  if (!alternative) return null;
  const last = state.doc.resolve(span.to).nodeBefore;
  if (!last?.isText) return null;
  const sep = /\s$/.test(span.text) ? '| ' : ALTERNATIVE_SEPARATOR;
  return state.tr.insert(span.to, state.schema.text(sep + alternative, last.marks));
}

/**
 * The chair lifts a bracket: the whole bracketed run is replaced by the chosen alternative, which
 * keeps the run's other formatting but none of its bracket marks.
 */
export function liftBracket(state: EditorState, span: BracketSpan, choice: string): Transaction {
  const text = liftedText(span.text, choice);
  const tr = state.tr;
  if (!text) return tr.delete(span.from, span.to);
  const first = state.doc.resolve(span.from).nodeAfter;
  const marks = (first?.marks ?? []).filter((m) => m.type.name !== BRACKET);
  return tr.replaceWith(span.from, span.to, state.schema.text(text, marks));
}
