import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, type TestServer } from './helpers/plenary';
import type { CbmExport } from '../server/src/http/cbmExports';

let t: TestServer;
let s: CreateSessionResponse;

beforeAll(async () => {
  t = await startTestServer();
  s = await createSitting(t, { ...SMALL_SITTING, sessionId: 'cbm-export' });
  const af = await ioClient(t, delegateToken(s, 'af'));
  const pk = await ioClient(t, delegateToken(s, 'pk'));
  const chair = await ioClient(t, s.links.chair.token);
  const m = await cmd(af, 'cbm.propose', { title: 'Hotline, 24/7', description: 'Between "services"', theme: 'counter-terrorism' });
  const id = (m as { result: { id: string } }).result.id;
  await cmd(pk, 'cbm.cosponsor', { cbmId: id });
  await cmd(chair, 'cbm.setState', { cbmId: id, state: 'endorsed' });
  const k = await cmd(pk, 'commitment.add', { cbmId: id, action: 'Name a focal point', deadline: '2017-09-01' });
  await cmd(pk, 'commitment.update', { commitmentId: (k as { result: { id: string } }).result.id, progress: 40, status: 'in-progress' });
  await cmd(af, 'commitment.add', { cbmId: id, action: 'Host the secretariat' });
  await cmd(af, 'cbm.propose', { title: 'Border liaison offices', description: '', theme: 'border-management' });
  for (const so of [af, pk, chair]) so.close();
});
afterAll(() => t.close());

describe('CBM exports', () => {
  it('[M7] cbms.json holds the measures, their commitments, the rolled-up progress and overdue flags', async () => {
    const res = await fetch(`${t.url}/api/sessions/cbm-export/cbms.json`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
    expect(res.status).toBe(200);
    const data = (await res.json()) as CbmExport;
    expect(data.measures.map((m) => [m.title, m.state, m.progress, m.commitments.length])).toEqual([
      ['Hotline, 24/7', 'endorsed', 20, 2],
      ['Border liaison offices', 'proposed', null, 0],
    ]);
    expect(data.measures[0]!.commitments.map((c) => [c.delegation, c.progress, c.overdue])).toEqual([
      ['pk', 40, true],
      ['af', 0, false],
    ]);
  });

  it('[M7] cbms.csv has a row per commitment and one per measure without any, with ?token= too', async () => {
    const res = await fetch(`${t.url}/api/sessions/cbm-export/cbms.csv?token=${delegateToken(s, 'cn')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('measure_id,title,theme,state,proposer,cosponsors,agenda_item,measure_progress,commitment_id,delegation,action,deadline,status,progress,overdue,note');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^m-\w+,"Hotline, 24\/7",counter-terrorism,endorsed,af,pk,,20,k-\w+,pk,Name a focal point,2017-09-01,in-progress,40,true,$/);
    expect(lines[3]).toMatch(/,Border liaison offices,border-management,proposed,af,,,,,,,,,,,$/);
  });

  it('[M7] needs a valid token of the sitting', async () => {
    expect((await fetch(`${t.url}/api/sessions/cbm-export/cbms.json`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/sessions/cbm-export/cbms.csv?token=nope`)).status).toBe(401);
  });
});
