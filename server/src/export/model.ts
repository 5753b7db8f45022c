import { bracketedText, type CommuniqueSnapshot, type ParagraphStatus, type SnapshotParagraph } from '@plenary/shared';

/** Everything a communiqué export prints, as plain data: the renderers do no I/O. */
export interface ExportInput {
  meta: { title: string; venue?: string; date?: string };
  communique: CommuniqueSnapshot;
  /** paragraph id → status; a paragraph left out gets no note (its status at a revision is not known) */
  statuses: Record<string, ParagraphStatus>;
  /** the stored revision printed; absent: the live draft */
  revision?: { n: number; label?: string; at: number };
  /** when the export was made: the live draft is stamped with it */
  generatedAt: number;
  showStatus: boolean;
  /** delegation id → name: who holds each bracket is printed by name */
  delegations?: Record<string, string>;
}

/** A status as the note beside a paragraph words it. */
export const STATUS_NOTE: Record<ParagraphStatus, string> = {
  open: 'open',
  bracketed: 'bracketed',
  'agreed-ad-ref': 'agreed ad ref',
  agreed: 'agreed',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2017-06-06` → `6 June 2017`; anything else is printed as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month && Number(m[3]) >= 1 && Number(m[3]) <= 31 ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** `6 June 2017 14:30 UTC`: the server does not know the venue's time zone, so it says which it uses. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/** `Kabul, 6 June 2017`, or whichever of the two is known; empty when neither. */
export function placeAndDate(meta: ExportInput['meta']): string {
  return [meta.venue?.trim(), meta.date ? formatDate(meta.date) : undefined].filter(Boolean).join(', ');
}

/** `Rev.2 — Second reading, 6 June 2017 14:30 UTC` or `Live draft, 6 June 2017 16:05 UTC`. */
export function versionLine(input: Pick<ExportInput, 'revision' | 'generatedAt'>): string {
  const r = input.revision;
  if (!r) return `Live draft, ${formatTimestamp(input.generatedAt)}`;
  const name = `Rev.${r.n}`;
  const label = r.label?.trim();
  // a label that only repeats the number ("Rev.1") is not printed twice
  const repeats = !label || label.replace(/\s+/g, '').toLowerCase() === name.toLowerCase();
  return repeats ? `${name}, ${formatTimestamp(r.at)}` : `${name} — ${label}, ${formatTimestamp(r.at)}`;
}

/** The note printed beside a paragraph, or undefined when notes are off or its status is not known. */
export function statusNote(input: Pick<ExportInput, 'statuses' | 'showStatus'>, p: SnapshotParagraph): string | undefined {
  const status = input.showStatus ? input.statuses[p.id] : undefined;
  return status ? STATUS_NOTE[status] : undefined;
}

/**
 * A paragraph's text with brackets as `[ … ]`, split so that a preambular paragraph's first word
 * can be set in italics (`Recognizing`, `Recalling` …), as communiqués print them.
 */
export function paragraphText(p: SnapshotParagraph): { lead: string; rest: string } {
  const text = bracketedText(p).replace(/\s*[\r\n]+\s*/g, ' ');
  if (p.kind !== 'pp') return { lead: '', rest: text };
  const m = /^([^\s[\]]+)(.*)$/s.exec(text);
  return m ? { lead: m[1]!, rest: m[2]! } : { lead: '', rest: text };
}

/** A paragraph's text in pieces: words outside brackets (no holders) and each bracket with its holders' ids. */
export interface TextPiece {
  text: string;
  holders: string[];
}

/** The same text as `paragraphText`, with each bracket a piece of its own, so that its holders can be noted after it. */
export function paragraphPieces(p: SnapshotParagraph): { lead: string; pieces: TextPiece[] } {
  const pieces = p.runs.map((r) => ({ text: r.text.replace(/\s*[\r\n]+\s*/g, ' '), holders: r.brackets })).filter((r) => r.text.length > 0);
  const first = pieces[0];
  const m = p.kind === 'pp' && first && first.holders.length === 0 ? /^([^\s[\]]+)(.*)$/s.exec(first.text) : null;
  if (!m) return { lead: '', pieces };
  return { lead: m[1]!, pieces: [{ text: m[2]!, holders: [] }, ...pieces.slice(1)] };
}

/** Who holds a bracket, by name: `Pakistan, China`. */
export function holderNames(input: Pick<ExportInput, 'delegations'>, holders: readonly string[]): string {
  return holders.map((id) => input.delegations?.[id] ?? id).join(', ');
}

/** The file name an export is downloaded as: `<sid>-communique[-rev2].<ext>`. */
export function exportFileName(sid: string, ext: 'md' | 'docx' | 'pdf', revision?: number): string {
  return `${sid}-communique${revision !== undefined ? `-rev${revision}` : ''}.${ext}`;
}

/** How many characters an export prints, near enough: what its size limit counts. */
export function exportChars(input: ExportInput): number {
  let n = input.meta.title.length + (input.meta.venue?.length ?? 0) + input.communique.title.length + (input.revision?.label?.length ?? 0);
  for (const p of input.communique.paragraphs) for (const r of p.runs) n += r.text.length + r.brackets.length;
  for (const name of Object.values(input.delegations ?? {})) n += name.length;
  return n;
}
