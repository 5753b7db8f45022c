import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionView } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, yClient, type TestServer, type TestSocket } from './helpers/plenary';
import { waitFor } from './helpers/wait';

let t: TestServer;
let s: CreateSessionResponse;
let chair: TestSocket, af: TestSocket, pk: TestSocket, cn: TestSocket, obs: TestSocket;

beforeAll(async () => {
  t = await startTestServer();
  s = await createSitting(t, { ...SMALL_SITTING, sessionId: 'cbm-sitting' });
  [chair, af, pk, cn, obs] = await Promise.all([
    ioClient(t, s.links.chair.token),
    ioClient(t, delegateToken(s, 'af')),
    ioClient(t, delegateToken(s, 'pk')),
    ioClient(t, delegateToken(s, 'cn')),
    ioClient(t, s.links.observer.token),
  ]);
});
afterEach(() => {});
afterAll(async () => {
  for (const so of [chair, af, pk, cn, obs]) so?.close();
  await t.close();
});

async function view(): Promise<SessionView> {
  const res = await fetch(`${t.url}/api/sessions/cbm-sitting`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  return (await res.json()) as SessionView;
}
const idOf = (ack: unknown) => (ack as { result: { id: string } }).result.id;

describe('confidence-building measures', () => {
  it('[M3] a delegate proposes, another co-sponsors, the chair endorses, delegations commit and report; observers see it all', async () => {
    const observer = await yClient(t, 'cbm-sitting/session', s.links.observer.token);
    const proposed = await cmd(af, 'cbm.propose', {
      title: 'Counter-terrorism hotline',
      description: 'A 24/7 hotline between the security services of the region.',
      theme: 'counter-terrorism',
    });
    expect(proposed).toEqual({ ok: true, result: { id: expect.stringMatching(/^m-/) } });
    const id = idOf(proposed);
    expect(await cmd(pk, 'cbm.cosponsor', { cbmId: id })).toEqual({ ok: true });
    expect(await cmd(pk, 'cbm.cosponsor', { cbmId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(af, 'cbm.cosponsor', { cbmId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(chair, 'cbm.cosponsor', { cbmId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(cn, 'cbm.comment', { cbmId: id, text: 'Who staffs it?' })).toMatchObject({ ok: true });
    expect(await cmd(pk, 'cbm.setState', { cbmId: id, state: 'endorsed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the chair can change the state of a measure' } });
    expect(await cmd(chair, 'cbm.setState', { cbmId: id, state: 'under-discussion' })).toEqual({ ok: true });
    expect(await cmd(chair, 'cbm.setState', { cbmId: id, state: 'endorsed' })).toEqual({ ok: true });
    expect(await cmd(af, 'cbm.setState', { cbmId: id, state: 'withdrawn' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(af, 'cbm.edit', { cbmId: id, title: 'Renamed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const k1 = idOf(await cmd(pk, 'commitment.add', { cbmId: id, action: 'Designate a 24/7 focal point', deadline: '2017-09-01' }));
    const k2 = idOf(await cmd(af, 'commitment.add', { cbmId: id, action: 'Host the hotline secretariat' }));
    expect(await cmd(pk, 'commitment.update', { commitmentId: k1, status: 'in-progress', progress: 40, note: 'Focal point named' })).toEqual({ ok: true });
    expect(await cmd(chair, 'commitment.update', { commitmentId: k2, progress: 60 })).toEqual({ ok: true });
    // a delegation never changes another's commitment
    expect(await cmd(cn, 'commitment.update', { commitmentId: k1, progress: 100 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(pk, 'commitment.update', { commitmentId: k1, progress: 140 })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await cmd(pk, 'commitment.add', { cbmId: id, action: 'Bad date', deadline: '2017-13-45' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await cmd(obs, 'commitment.add', { cbmId: id, action: 'Observers cannot' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(chair, 'commitment.add', { cbmId: id, action: 'The chair is not a delegation' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await waitFor(() => observer.doc.getMap('commitments').size === 2);
    const v = await view();
    const m = v.cbms.find((x) => x.id === id)!;
    expect(m).toMatchObject({ proposer: 'af', cosponsors: ['pk'], state: 'endorsed', theme: 'counter-terrorism' });
    expect(m.history.map((h) => [h.actor, h.action])).toEqual([
      ['delegate:af', 'proposed'],
      ['delegate:pk', 'co-sponsored'],
      ['delegate:cn', 'commented'],
      ['chair', 'under-discussion'],
      ['chair', 'endorsed'],
      ['delegate:pk', 'commitment by pk'],
      ['delegate:af', 'commitment by af'],
    ]);
    const k = v.commitments.find((c) => c.id === k1)!;
    expect(k).toMatchObject({ delegation: 'pk', status: 'in-progress', progress: 40, note: 'Focal point named', deadline: '2017-09-01' });
    expect(k.timeline.map((e) => e.actor)).toEqual(['delegate:pk', 'delegate:pk']);
    observer.destroy();
  });

  it('[M4] the proposer edits and withdraws its own measure; others cannot', async () => {
    const id = idOf(await cmd(cn, 'cbm.propose', { title: 'Joint border patrols', description: '', theme: 'border-management' }));
    expect(await cmd(pk, 'cbm.edit', { cbmId: id, title: 'Hijacked' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await cmd(cn, 'cbm.edit', { cbmId: id, description: 'Along agreed crossings.' })).toEqual({ ok: true });
    expect(await cmd(chair, 'cbm.edit', { cbmId: id, theme: 'counter-narcotics' })).toEqual({ ok: true });
    expect(await cmd(pk, 'cbm.setState', { cbmId: id, state: 'withdrawn' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the proposing delegation can withdraw a measure' } });
    expect(await cmd(cn, 'cbm.setState', { cbmId: id, state: 'withdrawn' })).toEqual({ ok: true });
    expect(await cmd(pk, 'commitment.add', { cbmId: id, action: 'Too late for this one' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(cn, 'cbm.propose', { title: 'x', description: '', theme: 'other' })).toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringMatching(/title/) } });
    expect(await cmd(cn, 'cbm.propose', { title: 'Linked', description: '', theme: 'other', itemId: 'i-none' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const m = (await view()).cbms.find((x) => x.id === id)!;
    expect(m).toMatchObject({ state: 'withdrawn', description: 'Along agreed crossings.', theme: 'counter-narcotics' });
  });
});
