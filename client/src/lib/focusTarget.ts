import {
  bracketedText,
  type CbmState,
  type CommuniqueSnapshot,
  type Delegation,
  type Measure,
  type ParagraphStatus,
  type ParagraphStatusEntry,
  type SessionMeta,
  type SnapshotParagraph,
} from '@plenary/shared/plain';
import { CBM_STATE_LABEL } from './statusWords';
import { i18n } from '../i18n';

/** What the room screen shows, from the chair's `meta.focus`: a paragraph or a measure. */

export type FocusTarget =
  | { kind: 'paragraph'; id: string; label: string; paragraph: SnapshotParagraph; text: string; status: ParagraphStatus }
  | { kind: 'cbm'; id: string; title: string; state: CbmState; sponsors: string[] }
  /** focused, but not (yet) in our copy: the communiqué still syncing, or the paragraph removed */
  | { kind: 'missing'; id: string; what: 'paragraph' | 'cbm' };

function delegationName(delegations: readonly Delegation[], id: string): string {
  if (id === 'chair') return i18n.t('you.chair');
  return delegations.find((d) => d.id === id)?.name ?? id.toUpperCase();
}

/** The proposer first, then the co-sponsors, by name. */
export function measureSponsors(m: Pick<Measure, 'proposer' | 'cosponsors'>, delegations: readonly Delegation[]): string[] {
  return [...new Set([m.proposer, ...m.cosponsors])].map((id) => delegationName(delegations, id));
}

export function paragraphLabelText(p: Pick<SnapshotParagraph, 'label'>): string {
  return p.label ?? '¶';
}

export function focusTarget(
  focus: SessionMeta['focus'] | undefined,
  communique: CommuniqueSnapshot | null,
  statuses: Readonly<Record<string, ParagraphStatusEntry>>,
  cbms: readonly Measure[],
  delegations: readonly Delegation[],
): FocusTarget | null {
  if (!focus) return null;
  if (focus.paragraphId) {
    const id = focus.paragraphId;
    const p = communique?.paragraphs.find((x) => x.id === id);
    if (!p) return { kind: 'missing', id, what: 'paragraph' };
    return { kind: 'paragraph', id, label: paragraphLabelText(p), paragraph: p, text: bracketedText(p), status: statuses[id]?.status ?? 'open' };
  }
  if (focus.cbmId) {
    const id = focus.cbmId;
    const m = cbms.find((x) => x.id === id);
    if (!m) return { kind: 'missing', id, what: 'cbm' };
    return { kind: 'cbm', id, title: m.title, state: m.state, sponsors: measureSponsors(m, delegations) };
  }
  return null;
}

/** The first `n` words, with an ellipsis when there is more. */
export function firstWords(text: string, n = 8): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length <= n) return words.join(' ');
  return `${words.slice(0, n).join(' ')}…`;
}

export interface FocusOption {
  /** `p:<id>` or `c:<id>` */
  value: string;
  label: string;
}

/** The chair's picker: the communiqué's paragraphs (label and first words), then the measures. */
export function focusOptions(communique: CommuniqueSnapshot | null, cbms: readonly Measure[]): { paragraphs: FocusOption[]; measures: FocusOption[] } {
  return {
    paragraphs: (communique?.paragraphs ?? [])
      .filter((p) => p.id)
      .map((p) => ({ value: `p:${p.id}`, label: `${paragraphLabelText(p)} — ${firstWords(bracketedText(p)) || '(empty)'}` })),
    measures: cbms
      .filter((m) => m.state !== 'withdrawn')
      .map((m) => ({ value: `c:${m.id}`, label: `${m.title} (${CBM_STATE_LABEL[m.state]})` })),
  };
}

export function focusValue(focus: SessionMeta['focus'] | undefined): string {
  if (focus?.paragraphId) return `p:${focus.paragraphId}`;
  if (focus?.cbmId) return `c:${focus.cbmId}`;
  return '';
}

/** The `focus.set` payload for a picker value; `{}` clears the screen. */
export function focusPayload(value: string): { paragraphId?: string; cbmId?: string } {
  if (value.startsWith('p:') && value.length > 2) return { paragraphId: value.slice(2) };
  if (value.startsWith('c:') && value.length > 2) return { cbmId: value.slice(2) };
  return {};
}
