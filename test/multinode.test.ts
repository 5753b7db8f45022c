import { mkdtempSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Socket as TcpSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, AgendaItemView, ClientToServerEvents, PresenceEntry, ServerToClientEvents, SessionView } from '@plenary/shared';
import type { Socket } from 'socket.io-client';
import { KABUL_PROCESS } from '../server/src/demo/kabul';
import { spawnPlenary, type PlenaryChild } from './helpers/child';
import { cmd, ioClient, typeInto, yClient, type TestSocket, type YClient } from './helpers/plenary';
import { startRedis, type TestRedis } from './helpers/redisServer';
import { waitFor } from './helpers/wait';
import { caretAt } from './attacks/carets';

const SID = 'kabul-process-2017';
const COMMUNIQUE = `${SID}/communique`;
const SESSION = `${SID}/session`;

function nodeEnv(redis: TestRedis, node: string): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    PLENARY_SECRET: 'multinode-test-secret-0123456789abcdef',
    PLENARY_ADMIN_KEY: 'multinode-test-admin-key',
    PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), `plenary-${node}-`)),
    PLENARY_NODE_ID: node,
    // small, so that compactions on one node trim entries the other has not read yet
    PLENARY_COMPACT_EVERY: '40',
  };
}

async function view(node: PlenaryChild, token: string): Promise<SessionView> {
  const res = await fetch(`${node.url}/api/sessions/${SID}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /api/sessions/${SID} on ${node.url}: ${res.status}`);
  return (await res.json()) as SessionView;
}

/** The words like `a12` a text holds. */
const words = (text: string, tag: string) => new Set(text.match(new RegExp(`\\b${tag}\\d+\\b`, 'g')) ?? []);

/** Records the Yjs connections the servers closed, for a failure message. */
function closesOf(clients: Record<string, YClient>): (e: Error) => never {
  const closes: string[] = [];
  for (const [name, c] of Object.entries(clients)) {
    c.provider.on('connection-close', (e: { code: number; reason: string } | null) => closes.push(`${name}: ${e?.code} ${e?.reason}`));
  }
  return (e) => {
    throw new Error(`${e.message}; connections closed: ${closes.join('; ') || 'none'}`);
  };
}

/** A TCP proxy in front of the nodes, like a load balancer: new connections go to `target()`. */
async function tcpProxy(target: () => number): Promise<{ url: string; wsUrl: string; close(): void }> {
  const open = new Set<TcpSocket>();
  const server = createServer((client) => {
    const upstream = tcpConnect(target(), '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        open.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    close: () => {
      server.close();
      for (const s of open) s.destroy();
    },
  };
}

describe('several nodes on one Redis', () => {
  let redis: TestRedis;
  let a: PlenaryChild;
  let b: PlenaryChild;
  const cleanup: (() => void)[] = [];
  /** closed after the test: a Socket.IO or y-websocket client */
  const track = <T extends { close(): unknown } | { provider: unknown; destroy(): void }>(x: T): T => {
    cleanup.push(() => ('provider' in x ? x.destroy() : void x.close()));
    return x;
  };

  beforeAll(async () => {
    redis = await startRedis();
    // one after the other: the first creates the demo sitting, the second finds it
    a = await spawnPlenary(nodeEnv(redis, 'node-a'));
    b = await spawnPlenary(nodeEnv(redis, 'node-b'));
  }, 60_000);
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
  });

  it('[N1] each node names itself in /healthz and the second node did not create another sitting', async () => {
    expect(await (await fetch(`${a.url}/healthz`)).json()).toMatchObject({ ok: true, node: 'node-a', store: 'redis' });
    expect(await (await fetch(`${b.url}/healthz`)).json()).toMatchObject({ ok: true, node: 'node-b', store: 'redis' });
    const r = new Redis(redis.url);
    try {
      expect(await r.hkeys('plenary:sittings')).toEqual([SID]);
    } finally {
      r.disconnect();
    }
    const state = await view(b, a.tokens.observer!);
    expect(state.delegations).toHaveLength(KABUL_PROCESS.delegations.length);
    expect(state.agenda).toHaveLength(KABUL_PROCESS.agenda!.length);
  });

  it('[N1] clients on node A and node B converge on the communiqué, through compactions on both nodes, and see each other’s carets', async () => {
    const pk = track(await yClient(a, COMMUNIQUE, a.tokens.pk!));
    const cn = track(await yClient(b, COMMUNIQUE, a.tokens.cn!));
    const observer = track(await yClient(b, COMMUNIQUE, a.tokens.observer!));
    const explain = closesOf({ pk, cn, observer });
    for (let i = 0; i < 150; i++) {
      typeInto(pk.doc, ` a${i}`, 1);
      typeInto(cn.doc, ` b${i}`, 2);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => words(observer.text(), 'a').size === 150 && words(observer.text(), 'b').size === 150, 10_000, 'the observer on B did not get both').catch(explain);
    await waitFor(() => pk.text() === cn.text() && cn.text() === observer.text(), 10_000, 'the clients did not converge').catch(explain);
    // fresh clients load snapshot + log on either node
    for (const node of [a, b]) {
      const fresh = await yClient(node, COMMUNIQUE, a.tokens.observer!);
      await waitFor(() => fresh.text() === observer.text(), 5000, `a fresh client on ${node.url} differs`);
      fresh.destroy();
    }
    const r = new Redis(redis.url);
    try {
      // compacted: the log is shorter than what was typed, and both nodes wrote to it
      expect(await r.hexists(`plenary:doc:${COMMUNIQUE}:snap`, 'upto')).toBe(1);
      const entries = await r.xrange(`plenary:doc:${COMMUNIQUE}:log`, '-', '+');
      expect(entries.length).toBeLessThan(300);
    } finally {
      r.disconnect();
    }

    pk.provider.awareness.setLocalStateField('cursor', caretAt(1).cursor);
    await waitFor(
      () => [...cn.provider.awareness.getStates().values()].some((s) => (s.user as { delegation?: string } | undefined)?.delegation === 'pk' && s.cursor),
      5000,
      'the caret of Pakistan (node A) did not reach China (node B)',
    );
  });

  it('[N1] a command on node A reaches the session doc of a client on node B', async () => {
    const chair = track(await ioClient(a, a.tokens.chair!));
    const session = track(await yClient(b, SESSION, a.tokens.observer!));
    expect(await cmd(chair, 'session.setState', { state: 'open' })).toEqual({ ok: true });
    await waitFor(() => session.doc.getMap('meta').get('state') === 'open', 5000);
    expect((await view(b, a.tokens.observer!)).meta.state).toBe('open');
  });

  it('[N3] presence and attendance count the connections of every node', async () => {
    const observer = track(await ioClient(b, a.tokens.observer!));
    const pkOnA = await ioClient(a, a.tokens.pk!);
    const pkOnB = await ioClient(b, a.tokens.pk!);
    const inOnA = track(await ioClient(a, a.tokens.in!));
    const entry = (s: TestSocket, key: string) => s.presence.find((p: PresenceEntry) => p.key === key);
    await waitFor(() => entry(observer, 'delegate:pk')?.connections === 2 && entry(observer, 'delegate:in')?.connections === 1, 5000);
    await waitFor(() => entry(inOnA, 'delegate:pk')?.connections === 2 && entry(inOnA, 'observer') !== undefined, 5000);
    await waitFor(async () => (await view(a, a.tokens.observer!)).attendance.pk?.connected === true, 5000);

    pkOnA.close();
    await waitFor(() => entry(observer, 'delegate:pk')?.connections === 1 && entry(inOnA, 'delegate:pk')?.connections === 1, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect((await view(b, a.tokens.observer!)).attendance.pk?.connected).toBe(true); // still open on node B
    pkOnB.close();
    await waitFor(() => entry(observer, 'delegate:pk') === undefined && entry(inOnA, 'delegate:pk') === undefined, 5000);
    await waitFor(async () => (await view(a, a.tokens.observer!)).attendance.pk?.connected === false, 5000);
  });

  it('[N4] commands racing on both nodes keep one open item, one speaker, a delegation once on the list, and apply once (30 rounds)', async () => {
    const chairA = track(await ioClient(a, a.tokens.chair!));
    const chairB = track(await ioClient(b, a.tokens.chair!));
    const pkA = track(await ioClient(a, a.tokens.pk!));
    const pkB = track(await ioClient(b, a.tokens.pk!));
    const cnB = track(await ioClient(b, a.tokens.cn!));
    const afA = track(await ioClient(a, a.tokens.af!));
    const ok = (ack: Ack) => {
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      return ack.ok ? (ack.result as { id: string } | undefined) : undefined;
    };

    for (let round = 0; round < 30; round++) {
      // the same command id sent to both nodes at once is applied once, and both get its ack
      const id = `race-add-${round}-${Date.now()}`;
      const [addA, addB] = await Promise.all([cmd(chairA, 'agenda.add', { title: `Round ${round} A` }, id), cmd(chairB, 'agenda.add', { title: `Round ${round} A` }, id)]);
      expect(addA).toEqual(addB);
      const first = ok(addA)!.id;
      const second = ok(await cmd(chairB, 'agenda.add', { title: `Round ${round} B` }))!.id;

      const opened = await Promise.all([cmd(chairA, 'agenda.open', { itemId: first }), cmd(chairB, 'agenda.open', { itemId: second })]);
      opened.forEach(ok);
      const open = (await view(b, a.tokens.observer!)).agenda.filter((i) => i.state === 'open');
      expect(open, `round ${round}: open items`).toHaveLength(1);
      const item = open[0]!.id;

      const requests = await Promise.all([
        cmd(pkA, 'speakers.request', { itemId: item }),
        cmd(pkB, 'speakers.request', { itemId: item }),
        cmd(cnB, 'speakers.request', { itemId: item }),
        cmd(afA, 'speakers.request', { itemId: item }),
      ]);
      expect(requests.filter((r) => r.ok), `round ${round}: requests ${JSON.stringify(requests)}`).toHaveLength(3);
      const refused = requests.find((r) => !r.ok);
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      // two "next speaker" at once: the first on the list speaks, then the second; nobody is skipped
      (await Promise.all([cmd(chairA, 'speakers.next', { itemId: item }), cmd(chairB, 'speakers.next', { itemId: item })])).forEach(ok);

      // both nodes end with the same state, and it keeps every rule
      let views: SessionView[] = [];
      await waitFor(async () => {
        views = await Promise.all([view(a, a.tokens.observer!), view(b, a.tokens.observer!)]);
        return JSON.stringify(views[0]) === JSON.stringify(views[1]);
      }, 5000, `round ${round}: the nodes did not converge`);
      const state = views[0]!;
      expect(state.agenda.filter((i) => i.title === `Round ${round} A`), `round ${round}: added once`).toHaveLength(1);
      expect(state.agenda.filter((i) => i.state === 'open')).toHaveLength(1);
      const current = state.agenda.find((i) => i.id === item) as AgendaItemView;
      const queue = (current.queue ?? []).map((e) => e.delegation);
      expect(new Set(queue).size, `round ${round}: a delegation twice on the list: ${queue.join(',')}`).toBe(queue.length);
      expect(current.floor, `round ${round}: nobody has the floor`).toBeTruthy();
      expect(queue).not.toContain(current.floor!.delegation);
      // nobody who asked was lost: each is on the list, has the floor, or has spoken
      const heard = new Set([...queue, current.floor!.delegation, ...Object.keys(current.spokenMs ?? {})]);
      expect([...heard].sort(), `round ${round}`).toEqual(['af', 'cn', 'pk']);
    }
  }, 120_000);

  it('[N5] Redis restarted while clients on both nodes type: service resumes and nothing is lost', async () => {
    const pk = track(await yClient(a, COMMUNIQUE, a.tokens.pk!));
    const cn = track(await yClient(b, COMMUNIQUE, a.tokens.cn!));
    const explain = closesOf({ pk, cn });
    let i = 0;
    const typing = setInterval(() => {
      typeInto(pk.doc, ` r${i}`, 1);
      typeInto(cn.doc, ` s${i}`, 2);
      i++;
    }, 10);
    try {
      await waitFor(() => words(cn.text(), 'r').size >= 20, 10_000, 'China (node B) did not see Pakistan typing on node A').catch(explain);
      await redis.kill();
      await new Promise((r) => setTimeout(r, 1000));
      await redis.restart();
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      clearInterval(typing);
    }
    const typed = i;
    const all = (text: string) => words(text, 'r').size === typed && words(text, 's').size === typed;
    await waitFor(() => all(pk.text()) && all(cn.text()), 30_000, 'the clients did not get everything typed across the restart').catch(explain);
    for (const node of [a, b]) {
      const fresh = await yClient(node, COMMUNIQUE, a.tokens.observer!);
      await waitFor(() => all(fresh.text()), 10_000, `the store of ${node.url} misses what was typed`);
      fresh.destroy();
    }
    // commands work again on both nodes
    const chairB = track(await ioClient(b, a.tokens.chair!));
    // the first try may find a room still reloading (UNAVAILABLE); a retry of an applied one is a CONFLICT
    await waitFor(async () => {
      const ack = await cmd(chairB, 'session.setState', { state: 'closed' });
      return ack.ok || ack.error.code === 'CONFLICT';
    }, 10_000);
    expect((await view(a, a.tokens.observer!)).meta.state).toBe('closed');
    const chairA = track(await ioClient(a, a.tokens.chair!));
    expect(await cmd(chairA, 'session.setState', { state: 'open' })).toEqual({ ok: true });
  }, 90_000);

  it('[N2][N3][N5] kill -9 of node A: its clients reconnect to B and lose nothing; B drops A’s connections within 15 s', async () => {
    const portOf = (n: PlenaryChild) => Number(new URL(n.url).port);
    let target = portOf(a);
    const proxy = await tcpProxy(() => target);
    cleanup.push(() => proxy.close());
    const pk = track(await yClient(proxy, COMMUNIQUE, a.tokens.pk!));
    const cn = track(await yClient(b, COMMUNIQUE, a.tokens.cn!));
    const pkSocket = io(proxy.url, { auth: { token: a.tokens.pk! }, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 }) as Socket<
      ServerToClientEvents,
      ClientToServerEvents
    >;
    track(pkSocket);
    const pkPresence: PresenceEntry[][] = [];
    pkSocket.on('presence', (p) => pkPresence.push(p));
    await new Promise<void>((resolve) => pkSocket.once('connect', () => resolve()));
    // a second delegation on A that does not come back
    const un = await ioClient(a, a.tokens.un!);
    const observer = track(await ioClient(b, a.tokens.observer!));
    const entry = (key: string) => observer.presence.find((p) => p.key === key);
    await waitFor(() => entry('delegate:un') !== undefined && entry('delegate:pk') !== undefined && pkPresence.length > 0, 5000);
    await waitFor(async () => (await view(b, a.tokens.observer!)).attendance.un?.connected === true, 5000);

    let i = 0;
    const typing = setInterval(() => typeInto(pk.doc, ` k${i++}`, 1), 5);
    await waitFor(() => words(cn.text(), 'k').size >= 30, 5000);
    await a.kill9();
    const killedAt = Date.now();
    target = portOf(b);
    // what B's client had received from A when A died
    const received = words(cn.text(), 'k');
    await new Promise((r) => setTimeout(r, 300));
    clearInterval(typing);
    const typed = i;
    un.close();

    // Socket.IO: pk's client comes back through the proxy on B with its session recovered
    await waitFor(() => pkSocket.connected, 10_000, 'the Socket.IO client did not reconnect');
    expect(pkSocket.recovered, 'connection state recovered on node B').toBe(true);
    // Yjs: everything anyone had received is on B, and what pk typed while A died arrives too
    await waitFor(() => words(cn.text(), 'k').size === typed && pk.text() === cn.text(), 15_000, 'pk’s edits did not reach B after the failover');
    const fresh = await yClient(b, COMMUNIQUE, a.tokens.observer!);
    const stored = words(fresh.text(), 'k');
    fresh.destroy();
    expect([...received].filter((w) => !stored.has(w))).toEqual([]);
    expect(stored.size).toBe(typed);

    // presence: A's connections leave B's list within 15 s of the kill; pk is there once, on B
    await waitFor(() => entry('delegate:un') === undefined && entry('delegate:pk')?.connections === 1, 15_000, 'A’s connections are still listed');
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    await waitFor(() => pkPresence.at(-1)?.find((p) => p.key === 'delegate:un') === undefined, 3000);
    await waitFor(async () => (await view(b, a.tokens.observer!)).attendance.un?.connected === false, 5000);
    expect((await view(b, a.tokens.observer!)).attendance.pk?.connected).toBe(true);
    // and B still takes commands for the sitting
    const chair = track(await ioClient(b, a.tokens.chair!));
    expect(await cmd(chair, 'session.setState', { state: 'closed' })).toEqual({ ok: true });
  }, 60_000);
});

describe('two nodes starting at once', () => {
  let redis: TestRedis;
  const nodes: PlenaryChild[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const n of nodes) await n.stop();
    await redis?.stop();
  });

  it('[N4] create the demo sitting once', async () => {
    nodes.push(...(await Promise.all([spawnPlenary(nodeEnv(redis, 'twin-a')), spawnPlenary(nodeEnv(redis, 'twin-b'))])));
    const [x, y] = nodes as [PlenaryChild, PlenaryChild];
    const state = await view(y, x.tokens.observer!);
    expect(state.delegations).toHaveLength(KABUL_PROCESS.delegations.length);
    expect(state.agenda.map((i) => i.title)).toEqual(KABUL_PROCESS.agenda!.map((i) => i.title));
    const c = await yClient(x, COMMUNIQUE, y.tokens.observer!);
    const paragraphs = c.doc.getXmlFragment('body').length;
    c.destroy();
    expect(paragraphs).toBe(1 + KABUL_PROCESS.communique!.preambular.length + KABUL_PROCESS.communique!.operative.length);
  }, 60_000);
});
