import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { io } from 'socket.io-client';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import { createSitting, SMALL_SITTING, startTestServer, type TestServer } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import type { CreateSessionResponse } from '@plenary/shared';

let t: TestServer;
let links: CreateSessionResponse;
let other: CreateSessionResponse;
let secret: string;

beforeAll(async () => {
  t = await startTestServer({ secret: 'test-secret-for-auth-tests', unloadAfterMs: 50 });
  secret = 'test-secret-for-auth-tests';
  links = await createSitting(t);
  other = await createSitting(t, { ...SMALL_SITTING, sessionId: 'other-sitting' });
});
afterAll(() => t.close());

async function docsLoaded(): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return Number(/^plenary_docs_loaded (\d+)$/m.exec(text)?.[1]);
}

function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => {});
  });
}

const forged = () => new InviteTokens('some-other-secret').sign({ sid: 'test-sitting', role: 'chair' }, 1);
const expired = () =>
  new SignJWT({ sid: 'test-sitting', role: 'chair' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(new TextEncoder().encode(secret));
const noneAlg = () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sid: 'test-sitting', role: 'chair', exp: 9999999999 })}.`;
};
const removedDelegation = () => new InviteTokens(secret).sign({ sid: 'test-sitting', role: 'delegate', del: 'xx' }, 1);

const BAD_TOKENS: [string, () => Promise<string> | string][] = [
  ['missing', () => ''],
  ['garbage', () => 'not-a-jwt'],
  ['forged (another secret)', forged],
  ['unsigned (alg none)', noneAlg],
  ['expired', expired],
  ['of another sitting', () => other.links.chair.token],
  ['of a delegation not invited', removedDelegation],
];

describe('authentication before anything is loaded', () => {
  it.each(BAD_TOKENS)('[R1] a %s token is refused with 401 at the Yjs upgrade, and no doc is loaded', async (_name, make) => {
    await waitFor(async () => (await docsLoaded()) === 0, 5000, 'docs did not unload');
    const token = await make();
    expect(await upgradeStatus(`${t.wsUrl}/yjs/test-sitting/communique?token=${token}`)).toBe(401);
    expect(await docsLoaded()).toBe(0);
  });

  it.each(BAD_TOKENS)('[R1] a %s token is refused by Socket.IO with connect_error', async (_name, make) => {
    const token = await make();
    const socket = io(t.url, { auth: { token, sid: 'test-sitting' }, transports: ['websocket'], reconnection: false, forceNew: true });
    const err = await new Promise<Error & { data?: { code: string } }>((resolve, reject) => {
      socket.once('connect_error', resolve);
      socket.once('connect', () => reject(new Error('connected')));
    });
    socket.close();
    expect(err.data?.code).toBe('UNAUTHORIZED');
    expect(err.message).toMatch(/token/);
  });

  it.each(BAD_TOKENS)('[R1] a %s token is refused by GET /api/sessions/:sid with 401', async (_name, make) => {
    const res = await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${await make()}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('[R1] an unknown path or doc is refused at the upgrade', async () => {
    expect(await upgradeStatus(`${t.wsUrl}/yjs/test-sitting/secrets?token=${links.links.chair.token}`)).toBe(404);
    expect(await upgradeStatus(`${t.wsUrl}/elsewhere`)).toBe(404);
  });
});

describe('REST', () => {
  it('[H1] POST /api/sessions needs the admin key', async () => {
    const res = await fetch(`${t.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' },
      body: JSON.stringify({ ...SMALL_SITTING, sessionId: 'nope' }),
    });
    expect(res.status).toBe(401);
  });

  it('[H1] POST /api/sessions returns chair, observer and per-delegation links', async () => {
    const res = await createSitting(t, { ...SMALL_SITTING, sessionId: 'created-here' });
    expect(res.sessionId).toBe('created-here');
    expect(res.links.chair.url).toBe(`${t.url}/s/created-here?token=${res.links.chair.token}`);
    expect(res.links.observer.token).toMatch(/^ey/);
    expect(res.links.delegates.map((d) => d.delegation)).toEqual(['af', 'pk', 'cn']);
    const claims = JSON.parse(Buffer.from(res.links.delegates[1]!.token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sid: 'created-here', role: 'delegate', del: 'pk', exp: expect.any(Number) });
  });

  it.each([
    ['no delegations', { title: 'x', delegations: [] }, /delegations/],
    ['duplicate delegation ids', { title: 'x', delegations: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }, /unique/],
    ['a bad id', { title: 'x', sessionId: 'Bad/Id', delegations: [{ id: 'a', name: 'A' }] }, /sessionId/],
    ['an unknown field', { title: 'x', delegations: [{ id: 'a', name: 'A' }], colour: 'red' }, /colour|Unrecognized/],
  ])('[H1] POST /api/sessions with %s is refused with a readable 400', async (_name, body, message) => {
    const res = await fetch(`${t.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('INVALID');
    expect(json.error.message).toMatch(message);
  });

  it('[H1] a taken sitting id is a 409', async () => {
    const res = await fetch(`${t.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: JSON.stringify(SMALL_SITTING),
    });
    expect(res.status).toBe(409);
  });

  it('[H1] a body that is not JSON is a 400', async () => {
    const res = await fetch(`${t.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
      body: '{"title":',
    });
    expect(res.status).toBe(400);
  });

  it('[H2] GET /api/sessions/:sid returns the session doc to any valid token of the sitting', async () => {
    for (const token of [links.links.chair.token, links.links.observer.token, links.links.delegates[0]!.token]) {
      const res = await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { meta: Record<string, unknown>; delegations: { id: string; color: string }[]; agenda: { title: string; state: string }[] };
      expect(view.meta).toMatchObject({ title: 'Test sitting', venue: 'Kabul', date: '2017-06-06', host: 'af', state: 'scheduled' });
      expect(view.delegations.map((d) => d.id)).toEqual(['af', 'pk', 'cn']);
      expect(view.delegations[0]!.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(view.agenda).toEqual([expect.objectContaining({ title: 'Opening', state: 'pending', durationMin: 10 })]);
    }
  });

  it('[H4] /healthz names the node and /metrics speaks Prometheus', async () => {
    const health = (await (await fetch(`${t.url}/healthz`)).json()) as { ok: boolean; node: string; store: string };
    expect(health).toMatchObject({ ok: true, store: 'sqlite', node: expect.any(String) });
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(/^# TYPE plenary_docs_loaded gauge$/m);
  });
});
