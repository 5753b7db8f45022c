import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ErrorBody } from '@plenary/shared';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import { createSitting, ioClient, startTestServer, type TestServer } from './helpers/plenary';
import { waitFor } from './helpers/wait';

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
    expect(await yjs.closed).toEqual({ code: 4401, reason: 'The invite token has expired' });
    expect(await disconnected).toBe('io server disconnect');
    expect(refused).toEqual({ code: 'UNAUTHORIZED', message: 'The invite token has expired', key: 'tokenExpired', params: {} });
    expect(Date.now() - at).toBeLessThan(3500);
    // and it is refused from then on
    await expect(ioClient(t, token)).rejects.toMatchObject({ data: { key: 'tokenExpired' } });
  }, 15_000);
});
