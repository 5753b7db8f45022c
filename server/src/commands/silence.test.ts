import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { currentSilence, paragraphStatuses, statusOf, writeCommuniqueSkeleton, type Actor } from '@plenary/shared';
import { breakSilence, passSilenceIfDue, startSilence } from './silence';

const chair: Actor = { sid: 's', role: 'chair', name: 'Chair' };
const pk: Actor = { sid: 's', role: 'delegate', delegation: 'pk', name: 'Pakistan' };

function docs() {
  const communique = new Y.Doc();
  writeCommuniqueSkeleton(communique, { title: 'C', preambular: ['Recalling,'], operative: ['Decides;', 'Calls upon;'] }, null);
  const ids = (communique.getXmlFragment('body').toArray().slice(1) as Y.XmlElement[]).map((p) => String(p.getAttribute('id')));
  return { communique, session: new Y.Doc(), ids };
}

describe('[L6] the silence procedure with a fake clock', () => {
  it('agrees every paragraph at the deadline when nobody breaks silence, except bracketed ones', () => {
    const { communique, session, ids } = docs();
    ((communique.getXmlFragment('body').get(3) as Y.XmlElement).get(0) as Y.XmlText).format(0, 5, { 'bracket--a': { by: 'pk' } });
    expect(() => startSilence({ doc: session, communique, actor: chair, now: 1000 }, { deadline: 61_000 })).toThrow(/still hold brackets/);
    startSilence({ doc: session, communique, actor: chair, now: 1000 }, { deadline: 61_000, overBrackets: true });
    expect(passSilenceIfDue(session, communique, 60_999)).toBe(false);
    expect(currentSilence(session)?.state).toBe('running');
    expect(passSilenceIfDue(session, communique, 61_000)).toBe(true);
    expect(ids.map((id) => statusOf(session, id))).toEqual(['agreed', 'agreed', 'open']);
    expect(currentSilence(session)).toMatchObject({ state: 'passed', agreed: [ids[0], ids[1]], skipped: [ids[2]] });
    expect(passSilenceIfDue(session, communique, 99_000)).toBe(false);
  });

  it('only the named paragraphs when some are named', () => {
    const { communique, session, ids } = docs();
    startSilence({ doc: session, communique, actor: chair, now: 0 }, { deadline: 5000, paragraphIds: [ids[1]!] });
    passSilenceIfDue(session, communique, 5000);
    expect(ids.map((id) => statusOf(session, id))).toEqual(['open', 'agreed', 'open']);
  });

  it('a delegation breaking silence before the deadline ends it: nothing is agreed, who and why are kept', () => {
    const { communique, session } = docs();
    startSilence({ doc: session, communique, actor: chair, now: 0 }, { deadline: 5000 });
    breakSilence({ doc: session, actor: pk, now: 4999 }, { reason: 'OP2 needs more work' });
    expect(currentSilence(session)).toMatchObject({ state: 'broken', brokenBy: 'pk', reason: 'OP2 needs more work', endedAt: 4999 });
    expect(passSilenceIfDue(session, communique, 6000)).toBe(false);
    expect(paragraphStatuses(session).size).toBe(0);
  });

  it('refuses breaking after the deadline, by the chair, twice starting, and deadlines in the past', () => {
    const { communique, session } = docs();
    expect(() => startSilence({ doc: session, communique, actor: chair, now: 10_000 }, { deadline: 10_500 })).toThrow(/at least a second/);
    startSilence({ doc: session, communique, actor: chair, now: 0 }, { deadline: 5000 });
    expect(() => startSilence({ doc: session, communique, actor: chair, now: 1 }, { deadline: 9000 })).toThrow(/already running/);
    expect(() => breakSilence({ doc: session, actor: chair, now: 10 }, { reason: 'x' })).toThrow(/Only a delegation/);
    expect(() => breakSilence({ doc: session, actor: pk, now: 5000 }, { reason: 'late' })).toThrow(/deadline has passed/);
  });
});
