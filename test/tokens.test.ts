import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ErrorBody } from '@plenary/shared';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import { revokeByAdmin } from './attacks/access';
import { cmd, createSitting, delegateToken, ioClient, startTestServer, type TestServer, type TestSocket } from './helpers/plenary';
import { startRedis, type TestRedis } from './helpers/redisServer';

const SECRET = 'test-secret-for-token-tests-0123456789';
let t: TestServer | null = null;
const open: { close(): void }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await t?.close();
  t = null;
});

/** A raw Yjs connection and the close it will get. */
function rawYjs(server: TestServer, doc: string, token: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/yjs/${doc}?token=${token}`);
    open.push(ws);
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('error', reject);
  });
}

describe('tokens on open connections', () => {
  it('[R8] a token that expires closes its open Yjs and Socket.IO connections: 4401 and the `refused` event, each saying the link expired', async () => {
    t = await startTestServer({ secret: SECRET });
    await createSitting(t);
    // a delegate's link that expires in 2 s (JWT expiry is in whole seconds)
    const token = await new InviteTokens(SECRET).sign({ sid: 'test-sitting', role: 'delegate', del: 'pk' }, 2 / 86_400);
    const yjs = await rawYjs(t, 'test-sitting/communique', token);
    const socket = await ioClient(t, token);
    open.push(socket);
    let refused: ErrorBody | null = null;
    socket.on('refused', (e) => (refused = e));
    const disconnected = new Promise<string>((r) => socket.once('disconnect', r));
    const at = Date.now();
    const exp = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    expect(await yjs.closed).toEqual({ code: 4401, reason: 'The invite token has expired' });
    expect(await disconnected).toBe('io server disconnect');
    console.log(`[R8] both connections closed ${Date.now() - exp.exp * 1000} ms after the token's exp`);
    expect(Date.now()).toBeGreaterThanOrEqual(exp.exp * 1000);
    expect(Date.now() - exp.exp * 1000).toBeLessThan(500);
    expect(refused).toEqual({ code: 'UNAUTHORIZED', message: 'The invite token has expired', key: 'tokenExpired', params: {} });
    expect(Date.now() - at).toBeLessThan(3500);
    // and it is refused from then on
    await expect(ioClient(t, token)).rejects.toMatchObject({ data: { key: 'tokenExpired' } });
  }, 15_000);
});

/** The `refused` event a socket gets and the disconnect after it. */
function ended(socket: TestSocket): Promise<{ refused: ErrorBody | null; reason: string }> {
  let refused: ErrorBody | null = null;
  socket.on('refused', (e) => (refused = e));
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve({ refused, reason })));
}

const REVOKED = 'This invite link was revoked; ask the chair for the new one';

async function upgradeStatus(server: TestServer, doc: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/yjs/${doc}?token=${token}`);
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => {});
  });
}

describe('revoking an invite', () => {
  it('[R9] the chair revokes a delegation\'s invite: its open connections close at once, its old link is refused everywhere, the new one works, others are untouched', async () => {
    t = await startTestServer({ secret: SECRET });
    const links = await createSitting(t);
    const old = delegateToken(links, 'pk');
    const yjs = await rawYjs(t, 'test-sitting/communique', old);
    const pk = await ioClient(t, old);
    const cn = await ioClient(t, delegateToken(links, 'cn'));
    const cnYjs = await rawYjs(t, 'test-sitting/session', delegateToken(links, 'cn'));
    const chair = await ioClient(t, links.links.chair.token);
    open.push(pk, cn, chair);
    const pkEnded = ended(pk);

    const sent = performance.now();
    const ack = await cmd(chair, 'invite.revoke', { role: 'delegate', delegation: 'pk' });
    expect(ack).toEqual({ ok: true, result: { invite: 'delegate:pk', token: expect.any(String), url: expect.stringContaining('/s/test-sitting?token=') } });
    const fresh = (ack as { result: { token: string } }).result.token;
    expect(await yjs.closed).toEqual({ code: 4401, reason: REVOKED });
    expect(await pkEnded).toEqual({ refused: { code: 'UNAUTHORIZED', message: REVOKED, key: 'inviteRevoked', params: {} }, reason: 'io server disconnect' });
    console.log(`[R9] one node: Pakistan's old connections closed ${Math.round(performance.now() - sent)} ms after the command was sent`);
    // at once: not by the fallback a second later
    expect(performance.now() - sent).toBeLessThan(500);

    // the old link, on every channel
    await expect(ioClient(t, old)).rejects.toMatchObject({ data: { key: 'inviteRevoked' } });
    expect(await upgradeStatus(t, 'test-sitting/communique', old)).toBe(401);
    expect((await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${old}` } })).status).toBe(401);
    // the new one
    const again = await ioClient(t, fresh);
    open.push(again);
    expect(await cmd(again, 'speakers.request', { itemId: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // China's connections carry on, and the feed says what happened
    expect(cnYjs.ws.readyState).toBe(WebSocket.OPEN);
    expect(cn.connected).toBe(true);
    const view = (await (await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${fresh}` } })).json()) as { feed: { key: string; text: string }[] };
    expect(view.feed.at(-1)).toMatchObject({ key: 'invite.revoke', text: 'Chair revoked the invite link of Pakistan and made a new one' });
  });

  it('[R9] a delegation cannot revoke an invite; the chair cannot revoke its own; the admin key can revoke any, the chair\'s included', async () => {
    t = await startTestServer({ secret: SECRET });
    const links = await createSitting(t);
    const pk = await ioClient(t, delegateToken(links, 'pk'));
    const chair = await ioClient(t, links.links.chair.token);
    open.push(pk, chair);
    expect(await cmd(pk, 'invite.revoke', { role: 'delegate', delegation: 'cn' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the chair can revoke an invite link' } });
    expect(await cmd(chair, 'invite.revoke', { role: 'chair' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await cmd(chair, 'invite.revoke', { role: 'delegate', delegation: 'zz' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'delegationNotInvited' } });
    expect((await revokeByAdmin(t.url, 'test-sitting', { role: 'chair' }, 'not-the-key')).status).toBe(401);

    const chairEnded = ended(chair);
    const res = await revokeByAdmin(t.url, 'test-sitting', { role: 'chair' }, t.adminKey);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { invite: string; token: string };
    expect(body.invite).toBe('chair');
    expect((await chairEnded).refused).toMatchObject({ key: 'inviteRevoked' });
    const newChair = await ioClient(t, body.token);
    open.push(newChair);
    expect(await cmd(newChair, 'agenda.add', { title: 'With the new link' })).toMatchObject({ ok: true });
    expect((await revokeByAdmin(t.url, 'no-such-sitting', { role: 'observer' }, t.adminKey)).status).toBe(404);
  });

  describe('on several nodes', () => {
    let redis: TestRedis;
    const nodes: TestServer[] = [];
    afterEach(async () => {
      for (const n of nodes.splice(0)) await n.close();
      await redis?.stop();
    });

    it('[R9] revoked on node A, the old invite\'s connections on node B close at once and B refuses it too', async () => {
      redis = await startRedis();
      const a = await startTestServer({ secret: SECRET, redisUrl: redis.url, nodeId: 'a' });
      nodes.push(a);
      const links = await createSitting(a);
      const b = await startTestServer({ secret: SECRET, redisUrl: redis.url, nodeId: 'b', adminKey: a.adminKey });
      nodes.push(b);
      const old = links.links.observer.token;
      const onB = await rawYjs(b, 'test-sitting/session', old);
      const socketOnB = await ioClient(b, old);
      open.push(socketOnB);
      const socketEnded = ended(socketOnB);
      const chair = await ioClient(a, links.links.chair.token);
      open.push(chair);
      const at = performance.now();
      expect(await cmd(chair, 'invite.revoke', { role: 'observer' })).toMatchObject({ ok: true, result: { invite: 'observer' } });
      expect(await onB.closed).toEqual({ code: 4401, reason: REVOKED });
      expect(await socketEnded).toMatchObject({ refused: { key: 'inviteRevoked' }, reason: 'io server disconnect' });
      console.log(`[R9] revoked on node A: the old invite's Yjs and Socket.IO connections on node B closed ${Math.round(performance.now() - at)} ms after the command was sent`);
      expect(performance.now() - at).toBeLessThan(500);
      await expect(ioClient(b, old)).rejects.toMatchObject({ data: { key: 'inviteRevoked' } });
    }, 30_000);
  });
});
