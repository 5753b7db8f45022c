import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Ack, CreateSessionResponse } from '@plenary/shared';
import { createSitting, startTestServer, typeInto, yClient, type TestServer, type TestSocket } from './helpers/plenary';
import { PendingEdits } from '../client/src/lib/pendingEdits';
import { throttleAwareness } from '../client/src/lib/slowLink';
import { waitFor } from './helpers/wait';
import { caretAt } from './attacks/carets';

let t: TestServer;
let links: CreateSessionResponse;

beforeAll(async () => {
  t = await startTestServer();
  links = await createSitting(t, {
    sessionId: 'offline-cmds',
    title: 'Offline commands',
    delegations: [{ id: 'af', name: 'Afghanistan' }],
    communique: { title: 'Communiqué', preambular: ['Recognizing,'], operative: ['Decides;'] },
  });
});
afterAll(async () => {
  await t?.close();
});

/** A client that reconnects by itself, as the browser's does. */
async function reconnectingClient(): Promise<TestSocket> {
  const socket = io(t.url, { auth: { token: links.links.chair.token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 50 }) as TestSocket;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const send = (socket: TestSocket, id: string, title: string) => socket.timeout(5000).emitWithAck('cmd', { id, type: 'agenda.add', payload: { title } }) as Promise<Ack>;
const applied = async (id: string) => (await t.server.store.readAudit('offline-cmds')).filter((e) => e.kind === 'command' && e.id === id).length;
const titled = async (title: string) => (await t.server.sittings.read('offline-cmds')).agenda.filter((i) => i.title === title).length;

/** Drops the connection under the client (no goodbye), as a lost network does; it reconnects. */
async function killTransport(socket: TestSocket): Promise<void> {
  const reconnected = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
  socket.io.engine.close();
  await reconnected;
}

describe('commands across a lost connection', () => {
  it('[O2][C4] the answer is lost with the transport; the same id sent again after reconnecting is applied once and answered as the first time', async () => {
    const socket = await reconnectingClient();
    const internal = socket as unknown as { onack(packet: unknown): void };
    const deliverAck = internal.onack;
    internal.onack = () => {}; // the ack never arrives
    void socket.emit('cmd', { id: 'lost-ack-1', type: 'agenda.add', payload: { title: 'Lost answer' } }, () => {});
    await waitFor(async () => (await applied('lost-ack-1')) === 1, 5000, 'the first attempt was not applied');
    await killTransport(socket);
    internal.onack = deliverAck;

    const retry = await send(socket, 'lost-ack-1', 'Lost answer');
    expect(retry.ok).toBe(true);
    expect(await applied('lost-ack-1')).toBe(1);
    expect(await titled('Lost answer')).toBe(1);
    socket.disconnect();
  });

  it('[O2][C4] commands cut off mid-send, or buffered while disconnected and sent again after the reconnect, each apply once and in order', async () => {
    const socket = await reconnectingClient();
    const ids = ['cut-0001', 'cut-0002', 'cut-0003'];
    // sent, and the transport dropped at once: each may or may not have reached the server
    for (const id of ids) void socket.emit('cmd', { id, type: 'agenda.add', payload: { title: `Cut ${id}` } }, () => {});
    await killTransport(socket);
    // the queue sends them again, in order, with their ids (socket.io may also flush its own buffer)
    for (const id of ids) expect(await send(socket, id, `Cut ${id}`)).toMatchObject({ ok: true });
    for (const id of ids) {
      expect(await applied(id)).toBe(1);
      expect(await titled(`Cut ${id}`)).toBe(1);
    }
    const agenda = (await t.server.sittings.read('offline-cmds')).agenda.map((i) => i.title).filter((x) => x.startsWith('Cut '));
    expect(agenda).toEqual(ids.map((id) => `Cut ${id}`));
    socket.disconnect();
  });
});

describe('edits not yet on the server', () => {
  it('[O1] are counted from the first offline keystroke until the server has stored them, also across a page (the count survives in storage)', async () => {
    const saved = new Map<string, number>();
    const store = { read: () => saved.get('n') ?? 0, write: (n: number) => void saved.set('n', n) };
    const counts: number[] = [];
    const a = await yClient(t, 'offline-cmds/communique', links.links.chair.token);
    let tracker = new PendingEdits(a.doc, a.provider, [], store, (n) => counts.push(n));
    expect(tracker.pending).toBe(0);

    a.provider.disconnect();
    typeInto(a.doc, ' one');
    typeInto(a.doc, ' two');
    expect(tracker.pending).toBe(2);
    expect(saved.get('n')).toBe(2);

    // the page goes away with its count; the next one starts from the stored count
    tracker.stop();
    tracker = new PendingEdits(a.doc, a.provider, [], store, (n) => counts.push(n));
    expect(tracker.pending).toBe(2);
    typeInto(a.doc, ' three');
    expect(tracker.pending).toBe(3);

    a.provider.connect();
    await waitFor(() => tracker.pending === 0, 5000, 'the edits were never confirmed');
    const b = await yClient(t, 'offline-cmds/communique', links.links.observer.token);
    expect(b.text()).toContain('one two three');
    expect(saved.get('n')).toBe(0);

    // online: counted, then confirmed
    typeInto(a.doc, ' four');
    expect(tracker.pending).toBe(1);
    await waitFor(() => tracker.pending === 0, 5000, 'the online edit was never confirmed');
    await waitFor(() => b.text().includes('four'), 5000, 'the online edit did not reach the other client');
    tracker.stop();
    a.destroy();
    b.destroy();
  });
});

describe('carets on a slow link', () => {
  it('[O3] a burst of caret moves goes out as at most one message per interval, and the others see where it ended', async () => {
    const a = await yClient(t, 'offline-cmds/communique', links.links.chair.token);
    const b = await yClient(t, 'offline-cmds/communique', links.links.observer.token);
    const undo = throttleAwareness(a.provider, 300);
    const ws = a.provider.ws!;
    const send = ws.send.bind(ws);
    let awarenessMessages = 0;
    ws.send = (data: Parameters<typeof ws.send>[0]) => {
      if ((data as Uint8Array)[0] === 1) awarenessMessages++;
      send(data);
    };
    for (let i = 0; i < 20; i++) a.provider.awareness.setLocalStateField('cursor', caretAt(i).cursor);
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: { anchor: { item: { clock: number } } } } | undefined)?.cursor?.anchor.item.clock === 19, 5000, 'the last caret did not arrive');
    expect(awarenessMessages).toBe(1);
    undo();
    a.destroy();
    b.destroy();
  });
});
