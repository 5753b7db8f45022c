import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionView } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, type TestServer } from './helpers/plenary';

let t: TestServer;
let s: CreateSessionResponse;
beforeAll(async () => {
  t = await startTestServer();
  s = await createSitting(t, {
    ...SMALL_SITTING,
    sessionId: 'feed-sitting',
    agenda: [{ title: 'Opening' }, { title: 'An Afghan vision for peace' }, { title: 'Security cooperation' }],
  });
});
afterAll(() => t.close());

async function view(): Promise<SessionView> {
  const res = await fetch(`${t.url}/api/sessions/feed-sitting`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  return (await res.json()) as SessionView;
}

describe('the activity feed', () => {
  it('[F1] [F2] says every applied command in plain words, with who and when, and as a key with its values; refused ones say nothing', async () => {
    const chair = await ioClient(t, s.links.chair.token);
    const pk = await ioClient(t, delegateToken(s, 'pk'));
    const obs = await ioClient(t, s.links.observer.token);
    const items = (await view()).agenda;
    await cmd(chair, 'session.setState', { state: 'open' });
    await cmd(chair, 'agenda.open', { itemId: items[2]!.id });
    await cmd(pk, 'speakers.request', { itemId: items[2]!.id });
    await cmd(obs, 'speakers.request', { itemId: items[2]!.id });
    await cmd(chair, 'speakers.request', { itemId: items[2]!.id, delegation: 'cn' });
    await cmd(chair, 'speakers.next', { itemId: items[2]!.id });
    await cmd(chair, 'timer.extend', { seconds: 30 });
    const m = await cmd(pk, 'cbm.propose', { title: 'Border liaison offices', description: '', theme: 'border-management' });
    await cmd(chair, 'cbm.setState', { cbmId: (m as { result: { id: string } }).result.id, state: 'endorsed' });
    await cmd(chair, 'agenda.remove', { itemId: items[0]!.id });
    for (const so of [chair, pk, obs]) so.close();
    const feed = (await view()).feed;
    expect(feed.map((f) => f.text)).toEqual([
      'Chair opened the sitting',
      'Chair opened item 3 — Security cooperation',
      'Pakistan requested the floor',
      'Chair put China on the list of speakers',
      'Chair gave the floor to Pakistan',
      'Chair extended the speaking time by 30 s',
      'Pakistan proposed the measure “Border liaison offices”',
      'Chair marked “Border liaison offices” endorsed',
      'Chair removed item 1 — Opening from the agenda',
    ]);
    expect(feed[2]).toMatchObject({ actor: 'delegate:pk', delegation: 'pk', kind: 'speakers', at: expect.any(Number) });
    expect(feed[3]).toMatchObject({ actor: 'chair', delegation: 'cn' });
    expect(feed.map((f) => f.key)).toEqual([
      'session.opened',
      'agenda.open',
      'speakers.request',
      'speakers.requestFor',
      'speakers.giveFloor',
      'timer.extend',
      'cbm.propose',
      'cbm.setState',
      'agenda.remove',
    ]);
    expect(feed[0]!.params).toEqual({ who: 'Chair', whoRole: 'chair', sessionState: 'open' });
    expect(feed[1]!.params).toEqual({ who: 'Chair', whoRole: 'chair', itemNumber: 3, itemTitle: 'Security cooperation' });
    expect(feed[3]!.params).toEqual({ who: 'Chair', whoRole: 'chair', delegation: 'China' });
    expect(feed[5]!.params).toEqual({ who: 'Chair', whoRole: 'chair', seconds: 30 });
    expect(feed[7]!.params).toEqual({ who: 'Chair', whoRole: 'chair', measure: 'Border liaison offices', cbmState: 'endorsed' });
  });
});
