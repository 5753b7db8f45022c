import type * as Y from 'yjs';

/**
 * Paragraph numbers as negotiators keep them (E2, E4–E6): the chair fixes PP1…, OP1… when the
 * sitting is created and at each revision issued with renumbering; in between, a paragraph inserted
 * after OP2 is "OP2 bis", then "OP2 ter" …, one inserted before OP1 is "OP0", then "OP0 bis" …, and
 * no other number moves. Numbers are derived from the stored assignment and the current order,
 * never an identity: paragraphs are known by their `id`.
 */

export type NumberedKind = 'pp' | 'op';

/** The numbers fixed by the chair: paragraph id → its number in its series, and when they were fixed. */
export interface AssignedNumbers {
  pp: Record<string, number>;
  op: Record<string, number>;
  /** the revision that fixed them; 0 when the sitting was created */
  rev: number;
  at: number;
}

/** A paragraph as numbering sees it: its id and kind (`pp`, `op`; anything else is not numbered). */
export interface NumberedParagraph {
  id: string;
  kind: string | null | undefined;
}

/** The Latin adverbs negotiators use for inserted paragraphs, after the plain number. */
export const INSERT_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
  'sexdecies',
  'septdecies',
  'octodecies',
  'novodecies',
  'vicies',
] as const;

const PREFIX: Record<NumberedKind, string> = { pp: 'PP', op: 'OP' };

function isNumbered(kind: NumberedParagraph['kind']): kind is NumberedKind {
  return kind === 'pp' || kind === 'op';
}

/** `OP2` (nth 0), `OP2 bis` (1), `OP2 ter` (2) …; past the list, `OP2 (21)` so a label stays unique. */
function insertedLabel(kind: NumberedKind, base: number, nth: number): string {
  if (nth === 0) return `${PREFIX[kind]}${base}`;
  const suffix = INSERT_SUFFIXES[nth - 1];
  return `${PREFIX[kind]}${base} ${suffix ?? `(${nth + 1})`}`;
}

/** Sequential numbers per series, in document order: what the chair fixes. */
export function assignNumbers(paragraphs: readonly NumberedParagraph[], rev: number, at: number): AssignedNumbers {
  const out: AssignedNumbers = { pp: {}, op: {}, rev, at };
  const next = { pp: 0, op: 0 };
  for (const p of paragraphs) if (isNumbered(p.kind)) out[p.kind][p.id] = ++next[p.kind];
  return out;
}

/**
 * Each paragraph's label (null: not numbered). A paragraph with a fixed number keeps it wherever it
 * now stands; one without (inserted, or moved into the other series since) takes the last fixed
 * number before it in its series with the next free suffix — 0 before the first, which then needs
 * none. Without an assignment (sittings made before numbers were fixed) both series count on.
 */
export function paragraphLabels(paragraphs: readonly NumberedParagraph[], assigned?: AssignedNumbers | null): (string | null)[] {
  const numbers = assigned ?? assignNumbers(paragraphs, 0, 0);
  const last = { pp: 0, op: 0 };
  // how many inserted paragraphs each base number has given its suffixes to, per series
  const taken = { pp: new Map<number, number>(), op: new Map<number, number>() };
  return paragraphs.map((p) => {
    if (!isNumbered(p.kind)) return null;
    const fixed = Object.hasOwn(numbers[p.kind], p.id) ? numbers[p.kind][p.id] : undefined;
    if (fixed !== undefined) {
      last[p.kind] = fixed;
      return `${PREFIX[p.kind]}${fixed}`;
    }
    const base = last[p.kind];
    const nth = (taken[p.kind].get(base) ?? (base === 0 ? -1 : 0)) + 1;
    taken[p.kind].set(base, nth);
    return insertedLabel(p.kind, base, nth);
  });
}

/** paragraph id → label, for naming paragraphs by id outside the text. */
export function labelsById(paragraphs: readonly NumberedParagraph[], assigned?: AssignedNumbers | null): Map<string, string> {
  const labels = paragraphLabels(paragraphs, assigned);
  const out = new Map<string, string>();
  paragraphs.forEach((p, i) => {
    const label = labels[i];
    if (label) out.set(p.id, label);
  });
  return out;
}

/** Session doc: Y.Map holding the numbers in force under key `current` (absent: fixed never). */
export const NUMBERING_DOC = 'numbering';

export function assignedNumbers(sessionDoc: Y.Doc): AssignedNumbers | null {
  return sessionDoc.getMap<AssignedNumbers>(NUMBERING_DOC).get('current') ?? null;
}

export function setAssignedNumbers(sessionDoc: Y.Doc, numbers: AssignedNumbers): void {
  sessionDoc.getMap<AssignedNumbers>(NUMBERING_DOC).set('current', numbers);
}
