import {
  CBM_TRANSITIONS,
  CHAIR_COLOR,
  CbmState,
  CbmTheme,
  isLive,
  isOnTrack,
  isOverdue,
  measureProgress,
  OBSERVER_COLOR,
  proposerMayEdit,
  type Commitment,
  type CommitmentStatus,
  type Delegation,
  type Measure,
  type Role,
} from '@plenary/shared';
import { currentLanguage, i18n, labelMap, type Language } from '../i18n';
import { formatDay, formatNumber, formatPercent, formatTime, isRtlLanguage } from '../i18n/locale';
import { COMMITMENT_STATUS_LABEL } from './statusWords';

/** The confidence-building measures board: labels, filters, grouping and roll-ups, free of React. */

export const CBM_THEME_LABEL: Record<CbmTheme, string> = labelMap({
  'counter-terrorism': 'cbmTheme.counterTerrorism',
  'border-management': 'cbmTheme.borderManagement',
  'counter-narcotics': 'cbmTheme.counterNarcotics',
  'information-sharing': 'cbmTheme.informationSharing',
  'connectivity-and-trade': 'cbmTheme.connectivityAndTrade',
  other: 'cbmTheme.other',
});

export const CBM_THEMES: readonly CbmTheme[] = CbmTheme.options;
export const CBM_STATES: readonly CbmState[] = CbmState.options;

/** Column headings of the board, in the order the measures move through them. */
export const CBM_COLUMN_LABEL: Record<CbmState, string> = labelMap({
  proposed: 'cbmColumn.proposed',
  'under-discussion': 'cbmColumn.underDiscussion',
  endorsed: 'cbmColumn.endorsed',
  'not-endorsed': 'cbmColumn.notEndorsed',
  withdrawn: 'cbmColumn.withdrawn',
});

/** A shape beside each state's word, so that nothing rests on colour alone. */
export const CBM_STATE_ICON: Record<CbmState, string> = {
  proposed: '○',
  'under-discussion': '◐',
  endorsed: '●',
  'not-endorsed': '⊘',
  withdrawn: '×',
};

export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['planned', 'in-progress', 'done', 'stalled'];

export { COMMITMENT_STATUS_LABEL };

/** What the chair's button says for moving a measure from `from` to `to`. */
export function stateButtonLabel(from: CbmState, to: CbmState): string {
  switch (to) {
    case 'proposed':
      return i18n.t('cbmButton.backToProposed');
    case 'under-discussion':
      return from === 'proposed' ? i18n.t('cbmButton.openDiscussion') : i18n.t('cbmButton.reopenDiscussion');
    case 'endorsed':
      return i18n.t('cbmButton.endorse');
    case 'not-endorsed':
      return i18n.t('cbmButton.notEndorsed');
    case 'withdrawn':
      return i18n.t('cbmButton.withdraw');
  }
}

// ---- who is who ----

export interface PartyInfo {
  /** delegation id, or `chair` */
  id: string;
  name: string;
  short: string;
  color: string;
}

/** A party on a measure (proposer, co-sponsor, committing delegation): a delegation or the chair. */
export function partyInfo(delegations: readonly Delegation[], id: string): PartyInfo {
  if (id === 'chair') return { id, name: i18n.t('actor.chair'), short: i18n.t('actor.chair'), color: CHAIR_COLOR };
  const d = delegations.find((x) => x.id === id);
  return d ? { id, name: d.name, short: d.short, color: d.color } : { id, name: id, short: id.toUpperCase(), color: OBSERVER_COLOR };
}

/** An actor key (`chair`, `observer`, `delegate:<id>`) as a party: who did something in a history. */
export function actorInfo(delegations: readonly Delegation[], actor: string): PartyInfo {
  if (actor.startsWith('delegate:')) return partyInfo(delegations, actor.slice('delegate:'.length));
  if (actor === 'chair') return partyInfo(delegations, 'chair');
  if (actor === 'observer') return { id: actor, name: i18n.t('actor.observer'), short: i18n.t('actor.observer'), color: OBSERVER_COLOR };
  return { id: actor, name: actor, short: actor, color: OBSERVER_COLOR };
}

/** The fields an edit names (`edited title, description`). */
const FIELD_LABEL: Record<string, string> = labelMap({
  title: 'cbmField.title',
  description: 'cbmField.description',
  theme: 'cbmField.theme',
  'agenda item': 'cbmField.agendaItem',
});

/** A line of a measure's history in plain words; the first line is the proposal itself. */
export function historyText(action: string, index: number, delegations: readonly Delegation[], actor?: string): string {
  if (index === 0 && action === 'proposed') return i18n.t('cbmHistory.proposed');
  const commitment = /^commitment by (.+)$/.exec(action);
  if (commitment) {
    return actor === `delegate:${commitment[1]}` ? i18n.t('cbmHistory.madeCommitment') : i18n.t('cbmHistory.recordedCommitment', { name: partyInfo(delegations, commitment[1]!).name });
  }
  if (action === 'withdrawn') return i18n.t('cbmHistory.withdrew');
  if ((CBM_STATES as readonly string[]).includes(action)) return i18n.t('cbmHistory.moved', { state: CBM_COLUMN_LABEL[action as CbmState].toLowerCase() });
  const edited = /^edited (.*)$/.exec(action);
  if (edited) return edited[1] ? i18n.t('cbmHistory.edited', { what: edited[1].split(', ').map((f) => FIELD_LABEL[f] ?? f).join(`${i18n.t('list.separator')} `) }) : i18n.t('cbmHistory.editedMeasure');
  return action;
}

// ---- the viewer ----

export interface Viewer {
  role: Role | undefined;
  /** delegation id; delegates only */
  delegation?: string | undefined;
}

/** The party the viewer speaks for on measures (as the server decides it), or null for observers. */
export function viewerParty(v: Viewer): string | null {
  if (v.role === 'chair') return 'chair';
  if (v.role === 'delegate' && v.delegation) return v.delegation;
  return null;
}

export interface MeasureActions {
  /** the chair's moves, in the order of the buttons */
  setState: CbmState[];
  withdraw: boolean;
  edit: boolean;
  cosponsor: boolean;
  uncosponsor: boolean;
  comment: boolean;
  addCommitment: boolean;
}

export const NO_ACTIONS: MeasureActions = {
  setState: [],
  withdraw: false,
  edit: false,
  cosponsor: false,
  uncosponsor: false,
  comment: false,
  addCommitment: false,
};

/** What the viewer may do on a measure; the server decides, this only hides what would be refused. */
export function measureActions(m: Measure, v: Viewer): MeasureActions {
  const me = viewerParty(v);
  if (!me) return NO_ACTIONS;
  const chair = v.role === 'chair';
  const delegate = v.role === 'delegate';
  const proposer = m.proposer === me;
  return {
    setState: chair ? CBM_TRANSITIONS[m.state].filter((s) => s !== 'withdrawn') : [],
    withdraw: proposer && CBM_TRANSITIONS[m.state].includes('withdrawn'),
    edit: chair || (proposer && proposerMayEdit(m)),
    cosponsor: delegate && !proposer && isLive(m) && !m.cosponsors.includes(me),
    uncosponsor: delegate && m.cosponsors.includes(me),
    comment: true,
    addCommitment: delegate && isLive(m),
  };
}

/** The chair updates any commitment; a delegation its own. */
export function mayUpdateCommitment(c: Commitment, v: Viewer): boolean {
  if (v.role === 'chair') return true;
  return v.role === 'delegate' && !!v.delegation && c.delegation === v.delegation;
}

// ---- filtering and grouping ----

export type CbmGroupBy = 'state' | 'theme';

export interface CbmFilter {
  /** '' for every theme */
  theme: CbmTheme | '';
  /** delegation id (or `chair`) involved as proposer, co-sponsor or committing; '' for anyone */
  delegation: string;
  /** only measures the viewer's own party is involved in */
  mine: boolean;
}

export const NO_CBM_FILTER: CbmFilter = { theme: '', delegation: '', mine: false };

export function commitmentsByMeasure(commitments: readonly Commitment[]): Map<string, Commitment[]> {
  const by = new Map<string, Commitment[]>();
  for (const c of commitments) {
    const list = by.get(c.cbmId);
    if (list) list.push(c);
    else by.set(c.cbmId, [c]);
  }
  return by;
}

/** Everyone with a part in a measure: its proposer, its co-sponsors, the delegations committed under it. */
export function involvedParties(m: Measure, commitments: readonly Commitment[]): Set<string> {
  return new Set([m.proposer, ...m.cosponsors, ...commitments.filter((c) => c.cbmId === m.id).map((c) => c.delegation)]);
}

export function matchesCbmFilter(m: Measure, commitments: readonly Commitment[], f: CbmFilter, me: string | null): boolean {
  if (f.theme && m.theme !== f.theme) return false;
  if (!f.delegation && !f.mine) return true;
  const involved = involvedParties(m, commitments);
  if (f.delegation && !involved.has(f.delegation)) return false;
  if (f.mine && (!me || !involved.has(me))) return false;
  return true;
}

export function filterMeasures(
  measures: readonly Measure[],
  commitments: readonly Commitment[],
  f: CbmFilter,
  me: string | null,
): Measure[] {
  return measures.filter((m) => matchesCbmFilter(m, commitments, f, me));
}

export function isFiltered(f: CbmFilter): boolean {
  return !!f.theme || !!f.delegation || f.mine;
}

export interface CbmColumn {
  group: CbmGroupBy;
  /** the state or theme of the column */
  key: string;
  label: string;
  measures: Measure[];
  /** shown folded until opened (withdrawn measures) */
  collapsed: boolean;
}

/** The board's columns: every state (or theme) in its order, empty ones included, so the board keeps its shape. */
export function boardColumns(measures: readonly Measure[], by: CbmGroupBy): CbmColumn[] {
  if (by === 'theme') {
    return CBM_THEMES.map((theme) => ({
      group: by,
      key: theme,
      label: CBM_THEME_LABEL[theme],
      measures: measures.filter((m) => m.theme === theme),
      collapsed: false,
    }));
  }
  return CBM_STATES.map((state) => ({
    group: by,
    key: state,
    label: CBM_COLUMN_LABEL[state],
    measures: measures.filter((m) => m.state === state),
    collapsed: state === 'withdrawn',
  }));
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The delegation filter: the delegations (and the chair) with a part in any measure first, then everyone else. */
export function delegationFilterOptions(
  measures: readonly Measure[],
  commitments: readonly Commitment[],
  delegations: readonly Delegation[],
): { involved: FilterOption[]; others: FilterOption[] } {
  const involved = new Set<string>();
  for (const m of measures) for (const p of involvedParties(m, commitments)) involved.add(p);
  const option = (id: string): FilterOption => ({ value: id, label: partyInfo(delegations, id).name });
  const ids = [...(involved.has('chair') ? ['chair'] : []), ...delegations.map((d) => d.id)];
  return {
    involved: ids.filter((id) => involved.has(id)).map(option),
    others: ids.filter((id) => !involved.has(id)).map(option),
  };
}

// ---- roll-ups ----

export interface MeasureSummary {
  commitments: number;
  /** mean progress, 0–100, or null without commitments */
  progress: number | null;
  /** `45%`, or `no commitments` */
  progressText: string;
  onTrack: number;
  overdue: number;
  done: number;
  stalled: number;
}

export function measureSummary(commitments: readonly Commitment[], now: number): MeasureSummary {
  const list = [...commitments];
  const progress = measureProgress(list);
  return {
    commitments: list.length,
    progress,
    progressText: progress === null ? i18n.t('cbm.noCommitments') : formatPercent(progress),
    onTrack: list.filter((c) => isOnTrack(c, now)).length,
    overdue: list.filter((c) => isOverdue(c, now)).length,
    done: list.filter((c) => c.status === 'done').length,
    stalled: list.filter((c) => c.status === 'stalled').length,
  };
}

export function commitmentCountText(n: number): string {
  return n === 0 ? i18n.t('cbm.noCommitments') : n === 1 ? i18n.t('cbm.oneCommitment') : i18n.t('cbm.commitments', { n: formatNumber(n) });
}

/** `on track 2 / overdue 1`, or null without commitments. */
export function trackText(s: MeasureSummary): string | null {
  return s.commitments === 0 ? null : i18n.t('cbm.track', { onTrack: formatNumber(s.onTrack), overdue: formatNumber(s.overdue) });
}

/** `6 June 2017`: a commitment's deadline as read in the room (deadlines are days, in UTC). */
export function formatDeadline(deadline: string, lang: Language = currentLanguage()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return deadline;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return deadline;
  if (isRtlLanguage(lang)) return formatDay(d.getTime(), lang);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** `14:07` on the same day as `now`, `5 Jun 14:07` otherwise, in the viewer's time zone unless one is given. */
export function formatWhen(at: number, now: number, timeZone?: string, lang: Language = currentLanguage()): string {
  const day = (t: number) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(t);
  const time = formatTime(at, timeZone, lang);
  if (day(at) === day(now)) return time;
  const date = isRtlLanguage(lang)
    ? formatDay(at, lang, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(at);
  return `${date} ${time}`;
}

/** A line of a commitment's timeline in plain words; the first line is the commitment itself. */
export function timelineText(u: { status?: CommitmentStatus; progress?: number; note?: string }, index: number): string {
  if (index === 0) return i18n.t('cbmTimeline.made');
  const parts: string[] = [];
  if (u.status) parts.push(i18n.t('cbmTimeline.status', { status: COMMITMENT_STATUS_LABEL[u.status] }));
  if (u.progress !== undefined) parts.push(i18n.t('cbmTimeline.progress', { p: formatPercent(u.progress) }));
  if (u.note) parts.push(i18n.t('cbmTimeline.note', { note: u.note }));
  return parts.length ? parts.join(' · ') : i18n.t('cbmTimeline.updated');
}
