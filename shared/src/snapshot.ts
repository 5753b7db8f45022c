import * as Y from 'yjs';
import { COMMUNIQUE_FRAGMENT, communiqueParagraphs, NODE, type ParagraphKind } from './communique';
import { isBracketKey } from './drafting';
import { labelsById, type AssignedNumbers } from './numbering';

/** A stretch of text with the delegations that hold a bracket on it (empty: not bracketed). */
export interface Run {
  text: string;
  brackets: string[];
}

export interface SnapshotParagraph {
  id: string;
  kind: ParagraphKind;
  /** PP1, OP2 …; absent for unnumbered text */
  label?: string;
  runs: Run[];
}

/** The communiqué as plain data: what revisions store, exports print and diffs compare. */
export interface CommuniqueSnapshot {
  title: string;
  paragraphs: SnapshotParagraph[];
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function runsOf(node: Y.XmlElement | Y.XmlText): Run[] {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as DeltaOp[])
      .filter((d): d is DeltaOp & { insert: string } => typeof d.insert === 'string')
      .map((d) => ({
        text: d.insert,
        brackets: Object.entries(d.attributes ?? {})
          .filter(([k, v]) => isBracketKey(k) && v && typeof v === 'object')
          .map(([, v]) => String((v as { by?: unknown }).by ?? '?'))
          .sort(),
      }));
  }
  return node.toArray().flatMap((c) => (c instanceof Y.XmlElement || c instanceof Y.XmlText ? runsOf(c) : []));
}

/** Merges neighbouring runs with the same holders. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && last.brackets.join() === r.brackets.join()) last.text += r.text;
    else if (r.text) out.push({ text: r.text, brackets: [...r.brackets] });
  }
  return out;
}

/** The text with each paragraph's label under `assigned`, the numbers in force (none: counted in order). */
export function communiqueSnapshot(doc: Y.Doc, assigned?: AssignedNumbers | null): CommuniqueSnapshot {
  let title = '';
  const paragraphs: SnapshotParagraph[] = [];
  const labels = labelsById(communiqueParagraphs(doc), assigned);
  for (const node of doc.getXmlFragment(COMMUNIQUE_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const runs = mergeRuns(runsOf(node));
    if (node.nodeName === NODE.heading) {
      if (!title) title = runs.map((r) => r.text).join('');
      continue;
    }
    const kindAttr = node.getAttribute('kind');
    const kind: ParagraphKind = kindAttr === 'pp' || kindAttr === 'op' ? kindAttr : 'text';
    const id = String(node.getAttribute('id') ?? '');
    const label = kind === 'text' ? undefined : labels.get(id);
    paragraphs.push({ id, kind, ...(label ? { label } : {}), runs });
  }
  return { title, paragraphs };
}

/** Whether some words of the paragraph are in brackets. */
export function isBracketed(p: Pick<SnapshotParagraph, 'runs'>): boolean {
  return p.runs.some((r) => r.brackets.length > 0);
}

/** A paragraph's text with its brackets written as `[ … ]`, as negotiators print them. */
export function bracketedText(p: Pick<SnapshotParagraph, 'runs'>): string {
  return p.runs.map((r) => (r.brackets.length > 0 ? `[${r.text}]` : r.text)).join('');
}

// ---- word-level comparison ----

export type DiffOp = { op: 'eq' | 'ins' | 'del'; text: string };

/** Words, the spaces between them, and brackets and `|` on their own: lifting a bracket deletes just them. */
function words(s: string): string[] {
  return s.match(/\s+|[[\]|]|[^\s[\]|]+/g) ?? [];
}

/** Word-level diff (longest common subsequence over words and the spaces between them). */
export function diffWords(a: string, b: string): DiffOp[] {
  return diffSequence(words(a), words(b), true);
}

/** Longest-common-subsequence diff of two sequences; `merge` joins neighbouring ops of a kind. */
function diffSequence(x: string[], y: string[], merge = false): DiffOp[] {
  const n = x.length;
  const m = y.length;
  // a table of common-suffix lengths; paragraphs are short enough for O(n·m)
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    const last = ops.at(-1);
    if (merge && last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push('eq', x[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('del', x[i++]!);
    else push('ins', y[j++]!);
  }
  while (i < n) push('del', x[i++]!);
  while (j < m) push('ins', y[j++]!);
  return ops;
}

export interface ParagraphChange {
  id: string;
  /** label in the newer text (or the older, for a removed paragraph) */
  label?: string;
  change: 'same' | 'changed' | 'added' | 'removed';
  /** its position changed relative to the paragraphs both texts share */
  moved: boolean;
  ops: DiffOp[];
}

/** Compares two texts paragraph by paragraph, matching paragraphs by their stable id. */
export function compareSnapshots(older: CommuniqueSnapshot, newer: CommuniqueSnapshot): ParagraphChange[] {
  const before = new Map(older.paragraphs.map((p, i) => [p.id, { p, i }]));
  const afterIds = new Set(newer.paragraphs.map((p) => p.id));
  const sharedOld = older.paragraphs.filter((p) => afterIds.has(p.id)).map((p) => p.id);
  const sharedNew = newer.paragraphs.filter((p) => before.has(p.id)).map((p) => p.id);
  const kept = new Set(diffSequence(sharedOld, sharedNew).filter((o) => o.op === 'eq').map((o) => o.text));
  const movedIds = new Set(sharedNew.filter((id) => !kept.has(id)));
  const out: ParagraphChange[] = [];
  for (const p of newer.paragraphs) {
    const prev = before.get(p.id);
    const text = bracketedText(p);
    const label = p.label ? { label: p.label } : {};
    if (!prev) {
      out.push({ id: p.id, ...label, change: 'added', moved: false, ops: [{ op: 'ins', text }] });
      continue;
    }
    const ops = diffWords(bracketedText(prev.p), text);
    const same = ops.every((o) => o.op === 'eq');
    out.push({ id: p.id, ...label, change: same ? 'same' : 'changed', moved: movedIds.has(p.id), ops: same ? [{ op: 'eq', text }] : ops });
  }
  // removed paragraphs are shown where they stood
  older.paragraphs.forEach((p, i) => {
    if (afterIds.has(p.id)) return;
    const nextShared = older.paragraphs.slice(i + 1).find((q) => afterIds.has(q.id));
    const at = nextShared ? out.findIndex((c) => c.id === nextShared.id) : out.length;
    out.splice(at < 0 ? out.length : at, 0, { id: p.id, ...(p.label ? { label: p.label } : {}), change: 'removed', moved: false, ops: [{ op: 'del', text: bracketedText(p) }] });
  });
  return out;
}

/** The PP/OP label of a paragraph by id under the numbers in force, without building the whole snapshot. */
export function paragraphLabel(doc: Y.Doc, paragraphId: string, assigned?: AssignedNumbers | null): string | undefined {
  return labelsById(communiqueParagraphs(doc), assigned).get(paragraphId);
}
