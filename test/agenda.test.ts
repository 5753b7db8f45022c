import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, mayCommand, type CommandType, type CreateSessionResponse, type SessionView } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, AGENDA_SITTING, startTestServer, yClient, type TestServer, type TestSocket } from './helpers/plenary';
import { waitFor } from './helpers/wait';

let t: TestServer;
let links: CreateSessionResponse;
const sockets: TestSocket[] = [];
const connect = async (token: string) => {
  const s = await ioClient(t, token);
  sockets.push(s);
  return s;
};
const SITTING = AGENDA_SITTING;

beforeAll(async () => {
  t = await startTestServer();
  links = await createSitting(t, SITTING);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => t.close());

async function view(): Promise<SessionView> {
  const res = await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${links.links.observer.token}` } });
  return (await res.json()) as SessionView;
}

/** A payload of the right shape for each command, on item `itemId`. */
function samplePayload(type: CommandType, itemId: string, delegation?: string): unknown {
  const withDel = delegation ? { delegation } : {};
  switch (type) {
    case 'session.setState':
      return { state: 'open' };
    case 'agenda.add':
      return { title: 'Any other business' };
    case 'agenda.update':
      return { itemId, budgetSec: 300 };
    case 'agenda.move':
      return { itemId, toIndex: 0 };
    case 'speakers.giveFloor':
    case 'speakers.remove':
      return { itemId, delegation: 'pk' };
    case 'speakers.request':
    case 'speakers.withdraw':
    case 'speakers.pointOfOrder':
      return { itemId, ...withDel };
    case 'timer.pause':
    case 'timer.resume':
      return {};
    case 'timer.extend':
      return { seconds: 30 };
    case 'paragraph.setStatus':
      return { paragraphId: 'p-unknown', status: 'agreed' };
    case 'comment.add':
      return { paragraphId: 'p-unknown', text: 'A comment' };
    case 'comment.resolve':
      return { commentId: 'c-unknown' };
    case 'revision.create':
      return {};
    case 'silence.start':
      return { deadline: Date.now() + 3_600_000, paragraphIds: ['p-unknown'] };
    case 'silence.break':
      return { reason: 'not yet' };
    case 'silence.withdraw':
      return {};
    case 'cbm.propose':
      return { title: 'A hotline', description: '', theme: 'counter-terrorism' };
    case 'cbm.edit':
      return { cbmId: 'm-unknown', title: 'Renamed' };
    case 'cbm.cosponsor':
    case 'cbm.uncosponsor':
      return { cbmId: 'm-unknown' };
    case 'cbm.setState':
      return { cbmId: 'm-unknown', state: 'endorsed' };
    case 'cbm.comment':
      return { cbmId: 'm-unknown', text: 'A question' };
    case 'commitment.add':
      return { cbmId: 'm-unknown', action: 'Designate a focal point' };
    case 'commitment.update':
      return { commitmentId: 'k-unknown', progress: 10 };
    default:
      return { itemId };
  }
}

describe('[A4] the rights matrix: every command × every role', () => {
  const types = Object.keys(COMMANDS) as CommandType[];
  const cases: [string, CommandType, boolean][] = [];
  for (const type of types) {
    const right = COMMANDS[type].right;
    cases.push(['observer', type, mayCommand('observer', type)]);
    cases.push(['delegate', type, mayCommand('delegate', type)]);
    const shape = (COMMANDS[type].payload as { shape?: Record<string, unknown> }).shape;
    if (right === 'participate' && shape && 'delegation' in shape) cases.push(['delegate for another delegation', type, false]);
  }

  it.each(cases)('%s × %s → allowed: %s; a refusal is FORBIDDEN and changes nothing', async (who, type, allowed) => {
    const token = who === 'observer' ? links.links.observer.token : delegateToken(links, 'pk');
    const s = await connect(token);
    const itemId = (await view()).agenda[1]!.id;
    const before = await view();
    const ack = await cmd(s, type, samplePayload(type, itemId, who === 'delegate for another delegation' ? 'cn' : undefined));
    if (allowed) {
      expect(ack.ok || ack.error.code !== 'FORBIDDEN', JSON.stringify(ack)).toBe(true);
    } else {
      expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const after = await view();
      expect(after).toEqual(before);
    }
    // undo what an allowed delegate command did, so the next case starts from the same place
    if (ack.ok && type === 'speakers.request') await cmd(s, 'speakers.withdraw', { itemId });
    if (ack.ok && type === 'speakers.pointOfOrder') await cmd(s, 'speakers.withdraw', { itemId });
  });

  it('the chair is refused none but those a delegation sends for itself', async () => {
    const chair = await connect(links.links.chair.token);
    const itemId = (await view()).agenda[2]!.id;
    for (const type of types) {
      if (!mayCommand('chair', type)) {
        expect(await cmd(chair, type, samplePayload(type, itemId, 'cn'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        continue;
      }
      const ack = await cmd(chair, type, samplePayload(type, itemId, 'cn'));
      expect(ack.ok || ack.error.code !== 'FORBIDDEN', `${type}: ${JSON.stringify(ack)}`).toBe(true);
    }
  });
});

describe('[A5] running an item over real sockets', () => {
  it('open, requests, point of order, floor, timer, time spoken — seen live by an observer', async () => {
    const fresh = await createSitting(t, { ...SITTING, sessionId: 'run-an-item' });
    const chair = await ioClient(t, fresh.links.chair.token);
    const pk = await ioClient(t, delegateToken(fresh, 'pk'));
    const cn = await ioClient(t, delegateToken(fresh, 'cn'));
    const af = await ioClient(t, delegateToken(fresh, 'af'));
    sockets.push(chair, pk, cn, af);
    const observer = await yClient(t, 'run-an-item/session', fresh.links.observer.token);
    const items = () => observer.doc.getArray<{ get(k: string): unknown }>('agenda').toArray();
    const item = (i: number) => items()[i]!;
    const itemId = item(1).get('id') as string;

    expect(await cmd(chair, 'agenda.open', { itemId })).toEqual({ ok: true });
    expect(await cmd(pk, 'speakers.request', { itemId })).toEqual({ ok: true });
    expect(await cmd(cn, 'speakers.request', { itemId })).toEqual({ ok: true });
    expect(await cmd(cn, 'speakers.request', { itemId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(chair, 'speakers.close', { itemId })).toEqual({ ok: true });
    // [I7] the refusal names the item by number and title, for each reader's language
    expect(await cmd(af, 'speakers.request', { itemId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/closed/), key: 'listClosed', params: { number: 2, title: item(1).get('title') } },
    });
    expect(await cmd(af, 'speakers.pointOfOrder', { itemId })).toEqual({ ok: true });
    await waitFor(() => (item(1).get('queue') as unknown[] | undefined)?.length === 3);
    expect((item(1).get('queue') as { delegation: string; pointOfOrder: boolean }[]).map((e) => [e.delegation, e.pointOfOrder])).toEqual([
      ['af', true],
      ['pk', false],
      ['cn', false],
    ]);

    expect(await cmd(chair, 'speakers.next', { itemId })).toEqual({ ok: true });
    await waitFor(() => (item(1).get('floor') as { delegation?: string } | undefined)?.delegation === 'af');
    expect(await cmd(chair, 'timer.pause', {})).toEqual({ ok: true });
    expect(await cmd(chair, 'timer.pause', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(chair, 'timer.extend', { seconds: 30 })).toEqual({ ok: true });
    expect(await cmd(chair, 'timer.resume', {})).toEqual({ ok: true });
    await waitFor(() => (item(1).get('floor') as { allottedMs: number; runningSince: number | null }).allottedMs === 210_000);
    expect(await cmd(chair, 'speakers.giveFloor', { itemId, delegation: 'cn' })).toEqual({ ok: true });
    await waitFor(() => (item(1).get('floor') as { delegation: string }).delegation === 'cn');
    expect(item(1).get('spokenMs')).toEqual({ af: expect.any(Number) });
    expect(await cmd(pk, 'speakers.withdraw', { itemId })).toEqual({ ok: true });
    expect(await cmd(chair, 'speakers.endSpeech', { itemId })).toEqual({ ok: true });

    const next = item(2).get('id') as string;
    expect(await cmd(chair, 'agenda.open', { itemId: next })).toEqual({ ok: true });
    await waitFor(() => item(1).get('state') === 'closed' && item(2).get('state') === 'open');
    expect(item(1).get('usedMs')).toBeGreaterThan(0);
    expect(await cmd(chair, 'agenda.remove', { itemId: next })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    observer.destroy();
  });

  it('agenda.add returns the new id; move and update reshape the agenda; numbers follow positions', async () => {
    const chair = await connect(links.links.chair.token);
    const first = (await view()).agenda[0]!;
    const added = await cmd(chair, 'agenda.add', { title: 'Adoption of the agenda', durationMin: 5, after: first.id });
    expect(added).toEqual({ ok: true, result: { id: expect.stringMatching(/^i-/) } });
    const id = (added as { result: { id: string } }).result.id;
    let v = await view();
    expect(v.agenda[1]).toMatchObject({ id, number: 2, title: 'Adoption of the agenda', state: 'pending' });
    expect(await cmd(chair, 'agenda.move', { itemId: id, toIndex: 0 })).toEqual({ ok: true });
    expect(await cmd(chair, 'agenda.update', { itemId: id, title: 'Adoption of the agenda and programme', speakingTimeSec: 120, durationMin: null })).toEqual({ ok: true });
    v = await view();
    expect(v.agenda[0]).toMatchObject({ id, number: 1, title: 'Adoption of the agenda and programme', speakingTimeSec: 120 });
    expect(v.agenda[0]!.durationMin).toBeUndefined();
    expect(await cmd(chair, 'agenda.move', { itemId: id, toIndex: 99 })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await cmd(chair, 'agenda.update', { itemId: id })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await cmd(chair, 'agenda.remove', { itemId: id })).toEqual({ ok: true });
    expect((await view()).agenda.some((i) => i.id === id)).toBe(false);
    expect(await cmd(chair, 'agenda.open', { itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('racing commands keep the invariants: one open item, each delegation once in the list', async () => {
    const fresh = await createSitting(t, { ...SITTING, sessionId: 'race-sitting' });
    const chairs = await Promise.all([ioClient(t, fresh.links.chair.token), ioClient(t, fresh.links.chair.token)]);
    const pks = await Promise.all([ioClient(t, delegateToken(fresh, 'pk')), ioClient(t, delegateToken(fresh, 'pk'))]);
    sockets.push(...chairs, ...pks);
    const ids = (await (await fetch(`${t.url}/api/sessions/race-sitting`, { headers: { authorization: `Bearer ${fresh.links.chair.token}` } })).json() as SessionView).agenda.map((i) => i.id);
    for (let round = 0; round < 10; round++) {
      const target = ids[round % ids.length]!;
      await Promise.all([
        cmd(chairs[0]!, 'agenda.open', { itemId: ids[(round + 1) % ids.length]! }),
        cmd(chairs[1]!, 'agenda.open', { itemId: target }),
        cmd(pks[0]!, 'speakers.request', { itemId: target }),
        cmd(pks[1]!, 'speakers.request', { itemId: target }),
      ]);
      const v = (await (await fetch(`${t.url}/api/sessions/race-sitting`, { headers: { authorization: `Bearer ${fresh.links.chair.token}` } })).json()) as SessionView;
      expect(v.agenda.filter((i) => i.state === 'open')).toHaveLength(1);
      for (const i of v.agenda) expect((i.queue ?? []).filter((e) => e.delegation === 'pk').length).toBeLessThanOrEqual(1);
    }
  });
});
