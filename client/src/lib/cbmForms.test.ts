import { describe, expect, it } from 'vitest';
import type { Commitment, Measure } from '@plenary/shared';
import { checkComment, checkCommitment, checkCommitmentUpdate, checkEdit, checkProposal, emptyMeasureDraft, measureDraftOf, progressProblem } from './cbmForms';

const m: Measure = {
  id: 'm1',
  title: 'Counter-terrorism hotline',
  description: 'A hotline between security services.',
  theme: 'counter-terrorism',
  proposer: 'af',
  cosponsors: [],
  itemId: 'i3',
  state: 'proposed',
  createdAt: 0,
  history: [],
  comments: [],
};
const c: Commitment = { id: 'k1', cbmId: 'm1', delegation: 'pk', action: 'Staff the line', status: 'planned', progress: 0, createdAt: 0, timeline: [] };

describe('[M5] CBM forms: proposing and editing a measure', () => {
  it('shows the shared validator’s own words before anything is sent', () => {
    const r = checkProposal({ ...emptyMeasureDraft(), title: 'ab' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.title).toBe('a title has at least 3 characters');
      expect(r.messages).toEqual(['a title has at least 3 characters']);
    }
    const long = checkProposal({ ...emptyMeasureDraft(), title: 'x'.repeat(201), description: 'y'.repeat(8001), theme: '' });
    expect(long.ok).toBe(false);
    if (!long.ok) {
      expect(long.errors).toEqual({
        title: 'the title has at most 200 characters',
        description: 'the description has at most 8000 characters',
        theme: 'choose a theme',
      });
    }
  });

  it('trims and sends a proposal, with its agenda item only when one is chosen', () => {
    expect(checkProposal({ title: '  Hotline  ', description: ' x ', theme: 'counter-terrorism', itemId: '' })).toEqual({
      ok: true,
      payload: { title: 'Hotline', description: 'x', theme: 'counter-terrorism' },
    });
    expect(checkProposal({ title: 'Hotline', description: '', theme: 'other', itemId: 'i3' })).toEqual({
      ok: true,
      payload: { title: 'Hotline', description: '', theme: 'other', itemId: 'i3' },
    });
  });

  it('sends only what an edit changed, null to unlink the agenda item, and refuses an empty edit', () => {
    expect(checkEdit(m, measureDraftOf(m))).toMatchObject({ ok: false, messages: ['nothing has changed'] });
    expect(checkEdit(m, { ...measureDraftOf(m), title: 'Hotline', itemId: '' })).toEqual({ ok: true, payload: { title: 'Hotline', itemId: null } });
    expect(checkEdit(m, { ...measureDraftOf(m), theme: 'information-sharing' })).toEqual({ ok: true, payload: { theme: 'information-sharing' } });
    expect(checkEdit(m, { ...measureDraftOf(m), title: 'x' })).toMatchObject({ ok: false, errors: { title: 'a title has at least 3 characters' } });
  });
});

describe('[M5] CBM forms: commitments and comments', () => {
  it('checks a commitment’s action and its optional deadline', () => {
    expect(checkCommitment({ action: 'Staff the line', deadline: '' })).toEqual({ ok: true, payload: { action: 'Staff the line' } });
    expect(checkCommitment({ action: 'Staff the line', deadline: '2017-06-01' })).toEqual({
      ok: true,
      payload: { action: 'Staff the line', deadline: '2017-06-01' },
    });
    expect(checkCommitment({ action: 'ab', deadline: 'soon' })).toMatchObject({
      ok: false,
      errors: { action: 'describe the action in at least 3 characters', deadline: 'a deadline is a date, yyyy-mm-dd' },
    });
  });

  it('sends only the changed status and progress, and a note when written', () => {
    expect(checkCommitmentUpdate(c, { status: 'planned', progress: '0', note: '' })).toMatchObject({
      ok: false,
      messages: ['change the status or the progress, or write a note'],
    });
    expect(checkCommitmentUpdate(c, { status: 'in-progress', progress: '40', note: '  staffed  ' })).toEqual({
      ok: true,
      payload: { status: 'in-progress', progress: 40, note: 'staffed' },
    });
    expect(checkCommitmentUpdate(c, { status: 'planned', progress: '0', note: 'a word' })).toEqual({ ok: true, payload: { note: 'a word' } });
    for (const bad of ['101', '-1', '4.5', '', 'half']) {
      expect(checkCommitmentUpdate(c, { status: 'planned', progress: bad, note: '' })).toMatchObject({ ok: false, errors: { progress: progressProblem() } });
    }
  });

  it('needs words in a comment', () => {
    expect(checkComment('   ')).toMatchObject({ ok: false, messages: ['write a comment first'] });
    expect(checkComment(' Agreed. ')).toEqual({ ok: true, payload: { text: 'Agreed.' } });
  });
});
