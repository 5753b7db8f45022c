import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse, SessionView } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, yClient, type TestServer } from './helpers/plenary';
import { waitFor } from './helpers/wait';

let t: TestServer;
let s: CreateSessionResponse;
beforeAll(async () => {
  t = await startTestServer();
  s = await createSitting(t, { ...SMALL_SITTING, sessionId: 'attendance', agenda: [{ title: 'Opening' }, { title: 'Statements' }] });
});
afterAll(() => t.close());

async function view(): Promise<SessionView> {
  const res = await fetch(`${t.url}/api/sessions/attendance`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
  return (await res.json()) as SessionView;
}

describe('attendance', () => {
  it('[G2] follows connections per delegation, takes the chair’s marks, and records who was present for which item', async () => {
    const chair = await ioClient(t, s.links.chair.token);
    const pk1 = await ioClient(t, delegateToken(s, 'pk'));
    const pk2 = await ioClient(t, delegateToken(s, 'pk'));
    await waitFor(async () => (await view()).attendance.pk?.connected === true);
    const items = (await view()).agenda;
    expect(await cmd(chair, 'attendance.mark', { delegation: 'cn', present: true })).toEqual({ ok: true });
    expect(await cmd(chair, 'attendance.mark', { delegation: 'cn', present: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await cmd(chair, 'agenda.open', { itemId: items[0]!.id })).toEqual({ ok: true });
    expect((await view()).agenda[0]!.attendees?.sort()).toEqual(['cn', 'pk']);

    pk1.close();
    await new Promise((r) => setTimeout(r, 200));
    expect((await view()).attendance.pk?.connected).toBe(true); // a second tab is still open
    pk2.close();
    await waitFor(async () => (await view()).attendance.pk?.connected === false);
    const pk = (await view()).attendance.pk!;
    expect(pk.intervals).toHaveLength(1);
    expect(pk.intervals[0]!.to).toBeGreaterThanOrEqual(pk.intervals[0]!.from);

    const af = await ioClient(t, delegateToken(s, 'af'));
    await waitFor(async () => (await view()).agenda[0]!.attendees?.includes('af') === true);
    expect(await cmd(chair, 'agenda.open', { itemId: items[1]!.id })).toEqual({ ok: true });
    expect((await view()).agenda[1]!.attendees?.sort()).toEqual(['af', 'cn']);
    expect((await view()).feed.map((f) => f.text)).toContain('Chair marked China present in the room');
    af.close();
    chair.close();
  });

  it('[G3] the chair sets the focus of the room screen on a paragraph or a measure', async () => {
    const chair = await ioClient(t, s.links.chair.token);
    const doc = await yClient(t, 'attendance/communique', s.links.observer.token);
    const pid = (doc.doc.getXmlFragment('body').get(1) as import('yjs').XmlElement).getAttribute('id') as string;
    expect(await cmd(chair, 'focus.set', { paragraphId: pid })).toEqual({ ok: true });
    expect((await view()).meta.focus).toMatchObject({ paragraphId: pid });
    expect(await cmd(chair, 'focus.set', { paragraphId: 'p-none' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cmd(chair, 'focus.set', {})).toEqual({ ok: true });
    expect((await view()).meta.focus).toBeUndefined();
    const pk = await ioClient(t, delegateToken(s, 'pk'));
    expect(await cmd(pk, 'focus.set', { paragraphId: pid })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    doc.destroy();
    chair.close();
    pk.close();
  });
});
