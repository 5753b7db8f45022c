import { describe, expect, it } from 'vitest';
import { CBM_TRANSITIONS, checkTransition, isOnTrack, isOverdue, measureProgress, type Commitment, type Measure } from './cbm';
import { CbmState } from './schemas';

const measure = (state: Measure['state']): Measure => ({
  id: 'm', title: 'Hotline', description: '', theme: 'counter-terrorism', proposer: 'af', cosponsors: [], state, createdAt: 0, history: [], comments: [],
});
const commitment = (fields: Partial<Commitment>): Commitment => ({
  id: 'k', cbmId: 'm', delegation: 'pk', action: 'Set up a hotline', status: 'planned', progress: 0, createdAt: 0, timeline: [], ...fields,
});

describe('[M1] the state of a measure', () => {
  it('moves proposed → under discussion → endorsed or not; withdrawn ends it', () => {
    expect(() => checkTransition(measure('proposed'), 'under-discussion')).not.toThrow();
    expect(() => checkTransition(measure('under-discussion'), 'endorsed')).not.toThrow();
    expect(() => checkTransition(measure('endorsed'), 'withdrawn')).toThrow(/can become under-discussion, not withdrawn/);
    expect(() => checkTransition(measure('withdrawn'), 'proposed')).toThrow(/cannot change any more/);
    expect(() => checkTransition(measure('endorsed'), 'endorsed')).toThrow(/already endorsed/);
  });

  it('has a rule for every state', () => {
    for (const s of CbmState.options) expect(CBM_TRANSITIONS[s]).toBeDefined();
  });
});

describe('[M2] progress and deadlines', () => {
  it('a measure rolls up the mean progress of its commitments', () => {
    expect(measureProgress([])).toBeNull();
    expect(measureProgress([commitment({ progress: 20 }), commitment({ progress: 50 }), commitment({ progress: 100 })])).toBe(57);
  });

  it('a commitment is overdue after its deadline day unless done; stalled is not on track', () => {
    const day = Date.parse('2017-09-01T12:00:00Z');
    expect(isOverdue(commitment({ deadline: '2017-09-01' }), day)).toBe(false);
    expect(isOverdue(commitment({ deadline: '2017-08-31' }), day)).toBe(true);
    expect(isOverdue(commitment({ deadline: '2017-08-31', status: 'done' }), day)).toBe(false);
    expect(isOverdue(commitment({}), day)).toBe(false);
    expect(isOnTrack(commitment({ status: 'in-progress', deadline: '2017-12-01' }), day)).toBe(true);
    expect(isOnTrack(commitment({ status: 'stalled' }), day)).toBe(false);
    expect(isOnTrack(commitment({ deadline: '2017-08-01' }), day)).toBe(false);
  });
});
