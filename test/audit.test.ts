import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@plenary/shared';
import type { AuditEntry } from '../server/src/store/DocStore';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, typeInto, yClient, type TestServer } from './helpers/plenary';
import { waitFor } from './helpers/wait';

let t: TestServer;
let s: CreateSessionResponse;
const applied: string[] = [];

beforeAll(async () => {
  t = await startTestServer();
  s = await createSitting(t, { ...SMALL_SITTING, sessionId: 'audit-sitting' });
  const chair = await ioClient(t, s.links.chair.token);
  const pk = await ioClient(t, delegateToken(s, 'pk'));
  const writer = await yClient(t, 'audit-sitting/communique', delegateToken(s, 'pk'));
  const reader = await yClient(t, 'audit-sitting/communique', s.links.observer.token);
  const item = ((await (await fetch(`${t.url}/api/sessions/audit-sitting`, { headers: { authorization: `Bearer ${s.links.chair.token}` } })).json()) as { agenda: { id: string }[] }).agenda[0]!.id;
  const run = async (socket: typeof chair, type: string, payload: unknown, id: string) => {
    const ack = await cmd(socket, type, payload, id);
    if (ack.ok) applied.push(id);
  };
  await run(chair, 'session.setState', { state: 'open' }, 'audit-cmd-01');
  await run(chair, 'agenda.open', { itemId: item }, 'audit-cmd-02');
  await run(pk, 'speakers.request', { itemId: item }, 'audit-cmd-03');
  await run(pk, 'speakers.request', { itemId: item }, 'audit-cmd-03'); // a retry: applied once
  await run(pk, 'session.setState', { state: 'closed' }, 'audit-cmd-04'); // refused
  for (let i = 0; i < 12; i++) {
    typeInto(writer.doc, ` w${i}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await waitFor(() => reader.text().includes('w11'));
  await run(chair, 'speakers.next', { itemId: item }, 'audit-cmd-05');
  for (const c of [chair, pk]) c.close();
  writer.destroy();
  reader.destroy();
});
afterAll(() => t.close());

async function audit(token: string): Promise<Response> {
  return fetch(`${t.url}/api/sessions/audit-sitting/audit`, { headers: { authorization: `Bearer ${token}` } });
}

describe('the audit log', () => {
  it('[G1] lists every applied command exactly once and every stored update, as JSON Lines', async () => {
    const res = await audit(s.links.chair.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const entries = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    const commands = entries.filter((e): e is Extract<AuditEntry, { kind: 'command' }> => e.kind === 'command');
    expect(commands.map((c) => c.id)).toEqual(['audit-cmd-01', 'audit-cmd-02', 'audit-cmd-03', 'audit-cmd-05']);
    expect(commands.map((c) => c.actor)).toEqual(['chair', 'chair', 'delegate:pk', 'chair']);
    for (const c of commands) expect(c.at).toEqual(expect.any(Number));
    const stored = await t.server.store.loadDoc('audit-sitting/communique');
    const edits = entries.filter((e) => e.kind === 'update' && e.doc === 'audit-sitting/communique');
    expect(edits).toHaveLength(stored.updates.length);
    expect(edits.filter((e) => e.actor === 'delegate:pk').length).toBeGreaterThan(0);
    for (const e of edits) expect(e).toMatchObject({ size: expect.any(Number), at: expect.any(Number) });
  });

  it('[G1] is the chair’s: delegates and observers get 403, strangers 401', async () => {
    expect((await audit(delegateToken(s, 'pk'))).status).toBe(403);
    expect((await audit(s.links.observer.token)).status).toBe(403);
    expect((await audit('forged')).status).toBe(401);
  });
});
