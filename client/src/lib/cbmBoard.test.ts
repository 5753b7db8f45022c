import { describe, expect, it } from 'vitest';
import type { Commitment, Delegation, Measure } from '@plenary/shared';
import {
  actorInfo,
  boardColumns,
  commitmentCountText,
  commitmentsByMeasure,
  delegationFilterOptions,
  filterMeasures,
  formatDeadline,
  historyText,
  isFiltered,
  mayUpdateCommitment,
  measureActions,
  measureSummary,
  NO_CBM_FILTER,
  partyInfo,
  timelineText,
  trackText,
  viewerParty,
} from './cbmBoard';

const T = Date.parse('2017-06-06T10:00:00Z');
const delegations: Delegation[] = [
  { id: 'af', name: 'Afghanistan', short: 'AF', color: '#1f77b4', group: 'host' },
  { id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' },
  { id: 'cn', name: 'China', short: 'CN', color: '#2ca02c', group: 'region' },
  { id: 'in', name: 'India', short: 'IN', color: '#9467bd', group: 'region' },
];

function measure(id: string, over: Partial<Measure> = {}): Measure {
  return {
    id,
    title: `Measure ${id}`,
    description: '',
    theme: 'counter-terrorism',
    proposer: 'af',
    cosponsors: [],
    state: 'proposed',
    createdAt: T,
    history: [{ at: T, actor: 'delegate:af', action: 'proposed' }],
    comments: [],
    ...over,
  };
}

function commitment(id: string, cbmId: string, delegation: string, over: Partial<Commitment> = {}): Commitment {
  return { id, cbmId, delegation, action: 'Do it', status: 'planned', progress: 0, createdAt: T, timeline: [], ...over };
}

const hotline = measure('m1', { cosponsors: ['pk'], state: 'endorsed' });
const border = measure('m2', { theme: 'border-management', proposer: 'pk', state: 'under-discussion' });
const trade = measure('m3', { theme: 'connectivity-and-trade', proposer: 'chair' });
const gone = measure('m4', { state: 'withdrawn' });
const measures = [hotline, border, trade, gone];
const commitments = [
  commitment('k1', 'm1', 'af', { deadline: '2017-06-01', progress: 20 }),
  commitment('k2', 'm1', 'pk', { progress: 50, status: 'in-progress' }),
  commitment('k3', 'm3', 'cn', { progress: 100, status: 'done', deadline: '2017-01-01' }),
];

describe('[M5] the CBM board: filters and columns', () => {
  it('filters by theme, by a delegation involved in any way, and by the viewer’s own part', () => {
    expect(filterMeasures(measures, commitments, NO_CBM_FILTER, 'af')).toHaveLength(4);
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, theme: 'border-management' }, null).map((m) => m.id)).toEqual(['m2']);
    // proposer, co-sponsor and committing delegation all count
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, delegation: 'pk' }, null).map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, delegation: 'cn' }, null).map((m) => m.id)).toEqual(['m3']);
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, delegation: 'in' }, null)).toEqual([]);
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, mine: true }, 'chair').map((m) => m.id)).toEqual(['m3']);
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, mine: true }, 'af').map((m) => m.id)).toEqual(['m1', 'm4']);
    // an observer has no part in anything
    expect(filterMeasures(measures, commitments, { ...NO_CBM_FILTER, mine: true }, null)).toEqual([]);
    // filters combine
    expect(filterMeasures(measures, commitments, { theme: 'counter-terrorism', delegation: 'pk', mine: true }, 'af').map((m) => m.id)).toEqual(['m1']);
    expect(isFiltered(NO_CBM_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_CBM_FILTER, mine: true })).toBe(true);
  });

  it('groups by state in the order measures move, every column kept, withdrawn folded', () => {
    const cols = boardColumns(measures, 'state');
    expect(cols.map((c) => [c.key, c.label, c.measures.map((m) => m.id), c.collapsed])).toEqual([
      ['proposed', 'Proposed', ['m3'], false],
      ['under-discussion', 'Under discussion', ['m2'], false],
      ['endorsed', 'Endorsed', ['m1'], false],
      ['not-endorsed', 'Not endorsed', [], false],
      ['withdrawn', 'Withdrawn', ['m4'], true],
    ]);
  });

  it('groups by theme with words for each theme', () => {
    const cols = boardColumns(measures, 'theme');
    expect(cols).toHaveLength(6);
    expect(cols[0]).toMatchObject({ key: 'counter-terrorism', label: 'Counter-terrorism', collapsed: false });
    expect(cols[0]!.measures.map((m) => m.id)).toEqual(['m1', 'm4']);
    expect(cols.find((c) => c.key === 'connectivity-and-trade')!.measures.map((m) => m.id)).toEqual(['m3']);
  });

  it('offers the delegations with a part in a measure first, then the others', () => {
    const { involved, others } = delegationFilterOptions(measures, commitments, delegations);
    expect(involved.map((o) => o.value)).toEqual(['chair', 'af', 'pk', 'cn']);
    expect(involved[0]!.label).toBe('Chair');
    expect(others.map((o) => o.label)).toEqual(['India']);
  });
});

describe('[M5] the CBM board: roll-ups', () => {
  const now = Date.parse('2017-06-06T12:00:00Z');

  it('rolls commitments up into a mean progress, on track and overdue counts, with words', () => {
    const by = commitmentsByMeasure(commitments);
    const s = measureSummary(by.get('m1')!, now);
    expect(s).toMatchObject({ commitments: 2, progress: 35, progressText: '35%', onTrack: 1, overdue: 1, done: 0 });
    expect(trackText(s)).toBe('on track 1 / overdue 1');
    // done is neither on track nor overdue, even past its deadline
    const done = measureSummary(by.get('m3')!, now);
    expect(done).toMatchObject({ progress: 100, onTrack: 0, overdue: 0, done: 1 });
    const none = measureSummary(by.get('m2') ?? [], now);
    expect(none).toMatchObject({ commitments: 0, progress: null, progressText: 'no commitments' });
    expect(trackText(none)).toBeNull();
  });

  it('counts overdue on the server’s clock: the deadline day ends at midnight UTC', () => {
    const c = [commitment('k', 'm', 'af', { deadline: '2017-06-06' })];
    expect(measureSummary(c, Date.parse('2017-06-06T23:59:00Z')).overdue).toBe(0);
    expect(measureSummary(c, Date.parse('2017-06-07T00:00:01Z')).overdue).toBe(1);
  });

  it('writes counts, deadlines and history lines in plain words', () => {
    expect(commitmentCountText(0)).toBe('no commitments');
    expect(commitmentCountText(1)).toBe('1 commitment');
    expect(commitmentCountText(3)).toBe('3 commitments');
    expect(formatDeadline('2017-06-01')).toBe('1 Jun 2017');
    expect(formatDeadline('soon')).toBe('soon');
    expect(historyText('proposed', 0, delegations)).toBe('proposed the measure');
    expect(historyText('proposed', 3, delegations)).toBe('moved it to “proposed”');
    expect(historyText('under-discussion', 1, delegations)).toBe('moved it to “under discussion”');
    expect(historyText('withdrawn', 2, delegations)).toBe('withdrew the measure');
    expect(historyText('commitment by pk', 2, delegations)).toBe('recorded a commitment for Pakistan');
    expect(historyText('commitment by pk', 2, delegations, 'delegate:pk')).toBe('made a commitment');
    expect(historyText('edited title, theme', 2, delegations)).toBe('edited the title, theme');
    expect(historyText('co-sponsored', 2, delegations)).toBe('co-sponsored');
    expect(timelineText({ status: 'planned', progress: 0, note: 'Staff the line' }, 0)).toBe('made the commitment');
    expect(timelineText({ status: 'in-progress', progress: 50, note: 'staffed' }, 1)).toBe('status in progress · progress 50% · note: “staffed”');
    expect(timelineText({ progress: 80 }, 2)).toBe('progress 80%');
  });

  it('names parties and actors, the chair and unknown ones included', () => {
    expect(partyInfo(delegations, 'pk')).toMatchObject({ name: 'Pakistan', short: 'PK', color: '#d62728' });
    expect(partyInfo(delegations, 'chair')).toMatchObject({ name: 'Chair' });
    expect(partyInfo(delegations, 'zz')).toMatchObject({ name: 'zz', short: 'ZZ' });
    expect(actorInfo(delegations, 'delegate:af').name).toBe('Afghanistan');
    expect(actorInfo(delegations, 'chair').name).toBe('Chair');
    expect(actorInfo(delegations, 'observer').name).toBe('Observer');
  });
});

describe('[M5] the CBM board: what each viewer may do', () => {
  const chair = { role: 'chair' as const };
  const af = { role: 'delegate' as const, delegation: 'af' };
  const pk = { role: 'delegate' as const, delegation: 'pk' };
  const cn = { role: 'delegate' as const, delegation: 'cn' };
  const observer = { role: 'observer' as const };

  it('gives the chair the state moves of CBM_TRANSITIONS, never withdrawal of another’s measure', () => {
    expect(viewerParty(chair)).toBe('chair');
    expect(measureActions(measure('m', { state: 'proposed' }), chair).setState).toEqual(['under-discussion', 'endorsed', 'not-endorsed']);
    expect(measureActions(measure('m', { state: 'under-discussion' }), chair).setState).toEqual(['proposed', 'endorsed', 'not-endorsed']);
    expect(measureActions(measure('m', { state: 'endorsed' }), chair).setState).toEqual(['under-discussion']);
    expect(measureActions(measure('m', { state: 'withdrawn' }), chair).setState).toEqual([]);
    const a = measureActions(measure('m'), chair);
    expect(a).toMatchObject({ withdraw: false, edit: true, cosponsor: false, addCommitment: false, comment: true });
    expect(measureActions(measure('m', { proposer: 'chair' }), chair).withdraw).toBe(true);
  });

  it('lets the proposer edit and withdraw while the measure is open, and others co-sponsor it', () => {
    expect(measureActions(measure('m'), af)).toMatchObject({ setState: [], withdraw: true, edit: true, cosponsor: false, uncosponsor: false, addCommitment: true });
    expect(measureActions(measure('m', { state: 'endorsed' }), af)).toMatchObject({ withdraw: false, edit: false, addCommitment: true });
    expect(measureActions(measure('m'), pk)).toMatchObject({ withdraw: false, edit: false, cosponsor: true, uncosponsor: false });
    expect(measureActions(measure('m', { cosponsors: ['pk'] }), pk)).toMatchObject({ cosponsor: false, uncosponsor: true });
    expect(measureActions(measure('m', { state: 'not-endorsed' }), cn)).toMatchObject({ cosponsor: false, addCommitment: false });
  });

  it('leaves observers nothing to press', () => {
    expect(viewerParty(observer)).toBeNull();
    expect(measureActions(measure('m'), observer)).toEqual({
      setState: [],
      withdraw: false,
      edit: false,
      cosponsor: false,
      uncosponsor: false,
      comment: false,
      addCommitment: false,
    });
  });

  it('lets a delegation update its own commitments and the chair all of them', () => {
    const c = commitment('k', 'm', 'pk');
    expect(mayUpdateCommitment(c, pk)).toBe(true);
    expect(mayUpdateCommitment(c, af)).toBe(false);
    expect(mayUpdateCommitment(c, chair)).toBe(true);
    expect(mayUpdateCommitment(c, observer)).toBe(false);
  });
});
