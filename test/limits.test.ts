import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { encodeAwarenessEntries, encodeAwareness, encodeUpdate } from '../server/src/yjs/frames';
import { cmd, createSitting, delegateToken, ioClient, startTestServer, typeInto, yClient, type TestServer, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import type { Config } from '../server/src/config';
import { caretAt } from './attacks/carets';

let t: TestServer | null = null;
const clients: YClient[] = [];
const sockets: { close(): void }[] = [];

async function start(overrides: Partial<Config>): Promise<{ t: TestServer; links: CreateSessionResponse }> {
  t = await startTestServer(overrides);
  return { t, links: await createSitting(t) };
}
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.close();
  await t?.close();
  t = null;
});

function rawYjs(server: TestServer, doc: string, token: string, opts: { autoPong?: boolean } = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/yjs/${doc}?token=${token}`, opts);
    sockets.push(ws);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
const closed = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

async function honestPair(server: TestServer, links: CreateSessionResponse): Promise<[YClient, YClient]> {
  const a = await yClient(server, 'test-sitting/communique', delegateToken(links, 'pk'));
  const b = await yClient(server, 'test-sitting/communique', delegateToken(links, 'cn'));
  clients.push(a, b);
  return [a, b];
}
async function stillConverges(a: YClient, b: YClient, marker: string): Promise<void> {
  typeInto(a.doc, ` ${marker}`);
  await waitFor(() => b.text().includes(marker), 5000, `${marker} did not reach the other client`);
}

const rates = (over: Partial<Config['rates']>): Config['rates'] => ({ updates: { perSecond: 0, burst: 0 }, awareness: { perSecond: 0, burst: 0 }, commands: { perSecond: 0, burst: 0 }, ...over });

describe('rate limits', () => {
  it('[K1] a Yjs connection over its update rate is closed with 4529 and a reason; others carry on', async () => {
    const { t, links } = await start({ rates: rates({ updates: { perSecond: 2, burst: 10 } }) });
    const [a, b] = await honestPair(t, links);
    const ws = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'af'));
    const end = closed(ws);
    const empty = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    for (let i = 0; i < 50; i++) ws.send(empty);
    expect(await end).toEqual({ code: 4529, reason: expect.stringMatching(/^rate limit: more than 2 a second \(bursts of 10\) sync messages/) });
    await stillConverges(a, b, 'after-the-flood');
  });

  it('[K1] a Yjs connection over its awareness rate is closed with 4529', async () => {
    const { t, links } = await start({ rates: rates({ awareness: { perSecond: 2, burst: 5 } }) });
    const ws = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'af'));
    const end = closed(ws);
    for (let i = 0; i < 20; i++) ws.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 7, clock: i + 1, state: caretAt(i) }])));
    expect(await end).toMatchObject({ code: 4529, reason: expect.stringMatching(/awareness/) });
  });

  it('[K1] commands over the rate are refused RATE_LIMITED with a readable message, and allowed again later', async () => {
    const { t, links } = await start({ rates: rates({ commands: { perSecond: 2, burst: 3 } }) });
    const chair = await ioClient(t, links.links.chair.token);
    sockets.push(chair);
    const acks = await Promise.all(Array.from({ length: 6 }, (_, i) => cmd(chair, 'agenda.add', { title: `Item ${i}` })));
    const refused = acks.filter((a) => !a.ok);
    expect(acks.filter((a) => a.ok).length).toBe(3);
    expect(refused[0]).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many commands: at most 2 a second .*try again/) } });
    await new Promise((r) => setTimeout(r, 700));
    expect((await cmd(chair, 'agenda.add', { title: 'Later' })).ok).toBe(true);
  });
});

/** An engine.io WebSocket with no Socket.IO handshake yet: what a client sends before it is authenticated. */
async function rawEngine(server: TestServer): Promise<{ ws: WebSocket; received: string[] }> {
  const ws = new WebSocket(`${server.wsUrl}/socket.io/?EIO=4&transport=websocket`);
  sockets.push(ws);
  const received: string[] = [];
  ws.on('message', (d) => received.push(d.toString()));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await waitFor(() => received.length > 0);
  return { ws, received };
}

/** A client WebSocket frame (binary, masked) by hand. */
function maskedFrame(payload: Uint8Array): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const head = payload.length < 126 ? Buffer.from([0x82, 0x80 | payload.length]) : Buffer.from([0x82, 0x80 | 126, payload.length >> 8, payload.length & 255]);
  return Buffer.concat([head, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

describe('before authentication', () => {
  it('[K2] frames sent along with an upgrade whose token fails are never read', async () => {
    const { t, links } = await start({});
    const doc = new Y.Doc();
    doc.getXmlFragment('body').insert(0, [new Y.XmlText('SENT BEFORE AUTH')]);
    const frame = maskedFrame(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    const { port } = new URL(t.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const sock = connect(Number(port), '127.0.0.1', () => {
        const req = `GET /yjs/test-sitting/communique?token=forged HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
        // the request and its frames in one write, before any answer
        sock.write(Buffer.concat([Buffer.from(req), frame, frame, frame]));
      });
      let data = '';
      sock.on('data', (d) => (data += d.toString()));
      sock.on('close', () => resolve(data));
      sock.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    const [reader] = await honestPair(t, links);
    expect(reader.text()).not.toContain('SENT BEFORE AUTH');
  });

  it('[K2] a Socket.IO connection that keeps failing the handshake is closed after the message cap', async () => {
    const { t } = await start({ preAuth: { messages: 3, bytes: 64 * 1024, timeoutMs: 10_000 } });
    const { ws, received } = await rawEngine(t);
    const end = closed(ws);
    for (let i = 0; i < 10; i++) ws.send(`40{"token":"forged-${i}"}`);
    await end;
    expect(received.filter((m) => m.startsWith('44')).length).toBeLessThanOrEqual(3);
  });

  it('[K2] a Socket.IO connection that sends more bytes than the cap before authenticating is closed', async () => {
    const { t } = await start({ preAuth: { messages: 4, bytes: 1024, timeoutMs: 10_000 } });
    const { ws } = await rawEngine(t);
    const end = closed(ws);
    ws.send(`40{"token":"${'x'.repeat(2000)}"}`);
    await end;
  });

  it('[K2][K4] a Socket.IO connection that does not authenticate in time is closed; pings follow PLENARY_PING_MS', async () => {
    const { t } = await start({ preAuth: { messages: 4, bytes: 1024, timeoutMs: 300 }, pingMs: 1234 });
    const { ws, received } = await rawEngine(t);
    expect(JSON.parse(received[0]!.slice(1))).toMatchObject({ pingInterval: 1234, pingTimeout: 1234 });
    const started = Date.now();
    await closed(ws);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('awareness', () => {
  it('[K1] a connection owns at most 8 awareness ids; more are ignored', async () => {
    const { t, links } = await start({});
    const [a] = await honestPair(t, links);
    const ws = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'af'));
    const entries = Array.from({ length: 50 }, (_, i) => ({ clientId: 1000 + i, clock: 1, state: caretAt(i) }));
    ws.send(encodeAwareness(encodeAwarenessEntries(entries)));
    await waitFor(() => [...a.provider.awareness.getStates().keys()].some((id) => id >= 1000 && id < 1050));
    await new Promise((r) => setTimeout(r, 200));
    expect([...a.provider.awareness.getStates().keys()].filter((id) => id >= 1000 && id < 1050)).toHaveLength(8);
  });
});

describe('half-open connections', () => {
  it('[K4] a Yjs connection that stops answering pings is dropped', async () => {
    const { t, links } = await start({ yjsPingMs: 150 });
    const mute = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'af'), { autoPong: false });
    const live = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'pk'));
    const end = closed(mute);
    expect((await end).code).toBe(1006); // terminated, no close handshake
    await new Promise((r) => setTimeout(r, 400));
    expect(live.readyState).toBe(WebSocket.OPEN);
  });
});

describe('document size', () => {
  it('[K3] an edit that would pass PLENARY_MAX_DOC_BYTES is refused (4413): not stored, not relayed', async () => {
    const { t, links } = await start({ maxDocBytes: 8 * 1024 });
    const [a, b] = await honestPair(t, links);
    const big = await yClient(t, 'test-sitting/communique', delegateToken(links, 'af'));
    clients.push(big);
    const end = new Promise<{ code: number; reason: string }>((resolve) =>
      big.provider.on('connection-close', (e) => e && resolve({ code: e.code, reason: e.reason })),
    );
    typeInto(big.doc, ' HUGE' + 'x'.repeat(10_000));
    expect(await end).toEqual({ code: 4413, reason: 'the document would exceed 8192 bytes; the edit was not saved' });
    await stillConverges(a, b, 'small-edit');
    expect(b.text()).not.toContain('HUGE');
    const stored = await t.server.store.loadDoc('test-sitting/communique');
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(doc.getXmlFragment('body').toString()).not.toContain('HUGE');
    expect(doc.getXmlFragment('body').toString()).toContain('small-edit');
  });
});
