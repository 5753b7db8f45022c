import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Ack, CreateSessionResponse, SessionView } from '@plenary/shared';
import { loseWritesSinceSave, saveNow } from './attacks/redis';
import { spawnPlenary, type PlenaryChild } from './helpers/child';
import { cmd, ioClient, SMALL_SITTING, typeInto, yClient, type YClient } from './helpers/plenary';
import { startRedis, type TestRedis } from './helpers/redisServer';
import { formatFsyncCost, measureFsyncCost } from './reliability/fsyncCost';
import { waitFor } from './helpers/wait';

const SID = 'kabul-process-2017';
const COMMUNIQUE = `${SID}/communique`;
const SECRET = 'redis-incident-test-secret-0123456789abcdef';
const ADMIN_KEY = 'redis-incident-admin-key';

function nodeEnv(redis: TestRedis, node: string): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    PLENARY_SECRET: SECRET,
    PLENARY_ADMIN_KEY: ADMIN_KEY,
    PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), `plenary-${node}-`)),
    PLENARY_NODE_ID: node,
  };
}

async function view(node: PlenaryChild, token: string, sid = SID): Promise<SessionView> {
  const res = await fetch(`${node.url}/api/sessions/${sid}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /api/sessions/${sid} on ${node.url}: ${res.status}`);
  return (await res.json()) as SessionView;
}

async function createSitting(node: PlenaryChild): Promise<CreateSessionResponse> {
  const res = await fetch(`${node.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify(SMALL_SITTING),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions on ${node.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateSessionResponse;
}

const words = (text: string, tag: string) => new Set(text.match(new RegExp(`\\b${tag}\\d+\\b`, 'g')) ?? []);

async function metric(node: PlenaryChild, name: string): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

/** Asks `/healthz` again and again until stopped; resolves to the slowest answer, in ms. */
function probeHealth(node: PlenaryChild): { stop(): Promise<number> } {
  let running = true;
  const loop = (async () => {
    let slowest = 0;
    while (running) {
      const start = performance.now();
      const res = await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
      await res.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    return slowest;
  })();
  return {
    stop: async () => {
      running = false;
      return loop;
    },
  };
}

describe('[N6] Redis loses writes it had acknowledged while a node keeps running', () => {
  const redises: TestRedis[] = [];
  const nodes: PlenaryChild[] = [];
  const cleanup: (() => void)[] = [];
  const track = <T extends { close(): unknown } | YClient>(x: T): T => {
    cleanup.push(() => ('provider' in x ? x.destroy() : void x.close()));
    return x;
  };
  const ownRedis = async (opts: Parameters<typeof startRedis>[0]) => {
    const redis = await startRedis(opts);
    redises.push(redis);
    return redis;
  };
  const spawn = async (redis: TestRedis, name: string) => {
    const node = await spawnPlenary(nodeEnv(redis, name));
    nodes.push(node);
    return node;
  };
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });
  afterAll(async () => {
    for (const n of nodes) await n.kill9();
    for (const r of redises) await r.stop();
  });

  it('[N6][C4] the node re-stores its state: a fresh node holds every edit and command acked before and after the incident, also once that node is killed', async () => {
    // RDB only: what Redis acknowledges after SAVE is lost when it is killed
    const redis = await ownRedis({ appendonly: false });
    const a = await spawn(redis, 'node-a');
    const { tokens } = a;
    const pk = track(await yClient(a, COMMUNIQUE, tokens.pk!));
    const reader = track(await yClient(a, COMMUNIQUE, tokens.observer!));
    const chair = track(await ioClient(a, tokens.chair!));
    const type = async (tag: string) => {
      for (let i = 0; i < 5; i++) typeInto(pk.doc, ` ${tag}${i}`, 1);
      // relayed to another client: stored and acknowledged (W1)
      await waitFor(() => words(reader.text(), tag).size === 5, 10_000, `the reader on A did not get the words ${tag}*`);
    };
    const addItem = async (title: string, id: string): Promise<Ack> => {
      let ack: Ack | undefined;
      // right after the restart the first try may find Redis still reconnecting
      await waitFor(async () => (ack = await cmd(chair, 'agenda.add', { title }, id)).ok, 15_000, `agenda.add "${title}" was not acked`);
      return ack!;
    };

    await type('sv');
    await addItem('Saved item', 'incident-saved-0001');
    await saveNow(redis);

    // acknowledged, then lost by Redis
    await type('lo');
    const lostAck = await addItem('Lost item', 'incident-lost-0001');
    const created = await createSitting(a);
    const health = probeHealth(a);
    await loseWritesSinceSave(redis);
    const back = performance.now();
    const restored = waitFor(async () => (await metric(a, 'plenary_redis_lost_writes_total')) >= 4, 15_000, 'node A did not store its docs again').then(
      () => performance.now() - back,
    );

    // the node that kept running goes on: edits and commands after the incident, acked
    await type('af');
    await addItem('After item', 'incident-after-0001');

    const holdsAll = async (node: PlenaryChild, label: string) => {
      const fresh = await yClient(node, COMMUNIQUE, tokens.observer!);
      try {
        await waitFor(
          () => ['sv', 'lo', 'af'].every((tag) => words(fresh.text(), tag).size === 5),
          15_000,
          `${label}: the communiqué misses words (has ${[...words(fresh.text(), 'sv'), ...words(fresh.text(), 'lo'), ...words(fresh.text(), 'af')].join(' ')})`,
        );
      } finally {
        fresh.destroy();
      }
      await waitFor(
        async () => {
          const titles = (await view(node, tokens.observer!)).agenda.map((i) => i.title);
          return ['Saved item', 'Lost item', 'After item'].every((t) => titles.filter((x) => x === t).length === 1);
        },
        15_000,
        `${label}: the agenda misses an acked item`,
      );
      // the sitting created after SAVE: registered again, its links work
      expect((await view(node, created.links.chair.token, created.sessionId)).meta.title, `${label}: the sitting created before the loss`).toBe(SMALL_SITTING.title);
    };

    // a node that loads the sitting fresh holds everything node A acknowledged
    const b = await spawn(redis, 'node-b');
    await holdsAll(b, 'fresh node B');
    const slowest = await health.stop();
    console.log(`node A stored the 4 docs of both sittings again ${Math.round(await restored)} ms after redis-server was back; /healthz answered in max ${Math.round(slowest)} ms`);
    expect(slowest, '/healthz on node A during the incident').toBeLessThan(1000);
    expect(a.output()).toMatch(/Redis lost writes of kabul-process-2017\/communique/);
    expect(a.output()).toMatch(/Redis lost writes of kabul-process-2017\/session/);

    // a retry of the command whose ack Redis lost, on the other node: the first ack, applied once (C4)
    const chairB = track(await ioClient(b, tokens.chair!));
    expect(await cmd(chairB, 'agenda.add', { title: 'Lost item' }, 'incident-lost-0001')).toEqual(lostAck);

    // node A dies: what it re-stored is in Redis, not only in its memory
    await a.kill9();
    await b.kill9();
    const c = await spawn(redis, 'node-c');
    await holdsAll(c, 'fresh node C after A was killed');
  }, 150_000);

  it('[N6] clients on another running node see, live, what is typed and decided on the node that kept the lost writes', async () => {
    const redis = await ownRedis({ appendonly: false });
    const a = await spawn(redis, 'node-a');
    const b = await spawn(redis, 'node-b');
    const pk = track(await yClient(a, COMMUNIQUE, a.tokens.pk!));
    const reader = track(await yClient(a, COMMUNIQUE, a.tokens.observer!));
    const chair = track(await ioClient(a, a.tokens.chair!));
    const type = async (tag: string, on: YClient) => {
      for (let i = 0; i < 5; i++) typeInto(pk.doc, ` ${tag}${i}`, 1);
      await waitFor(() => words(on.text(), tag).size === 5, 15_000, `the words ${tag}* did not arrive (has ${on.text().slice(0, 400)})`);
    };
    const addItem = (title: string) => waitFor(async () => (await cmd(chair, 'agenda.add', { title })).ok, 15_000, `agenda.add "${title}" was not acked`);
    await type('sv', reader);
    await addItem('Saved item');
    await saveNow(redis);
    await type('lo', reader);
    await addItem('Lost item');
    await loseWritesSinceSave(redis);
    // node B opens the sitting after the incident, from what Redis holds
    const onB = track(await yClient(b, COMMUNIQUE, a.tokens.observer!));
    await type('af', onB);
    await addItem('After item');
    await waitFor(
      async () => (await view(b, a.tokens.observer!)).agenda.some((i) => i.title === 'After item'),
      15_000,
      'node B does not show the item added on A after the incident',
    );
  }, 90_000);

  it('[N6] a Redis restart that lost nothing (AOF always) stores nothing again', async () => {
    const redis = await ownRedis({ appendfsync: 'always' });
    const a = await spawn(redis, 'node-a');
    const pk = track(await yClient(a, COMMUNIQUE, a.tokens.pk!));
    const reader = track(await yClient(a, COMMUNIQUE, a.tokens.observer!));
    const chair = track(await ioClient(a, a.tokens.chair!));
    for (let i = 0; i < 5; i++) typeInto(pk.doc, ` kept${i}`, 1);
    await waitFor(() => words(reader.text(), 'kept').size === 5, 10_000);
    expect(await cmd(chair, 'agenda.add', { title: 'Kept item' })).toMatchObject({ ok: true });
    await redis.kill();
    await redis.restart();
    // service resumes on the node: an edit after the restart is stored and relayed
    typeInto(pk.doc, ' resumed0', 1);
    await waitFor(() => words(reader.text(), 'resumed').size === 1, 15_000, 'an edit after the restart was not relayed');
    await waitFor(async () => (await cmd(chair, 'agenda.add', { title: 'Resumed item' })).ok, 15_000);
    expect(await metric(a, 'plenary_redis_lost_writes_total')).toBe(0);
    // the node did check: Redis came back as another process
    expect(a.output()).toMatch(/Redis restarted; checking/);
    expect(a.output()).not.toMatch(/Redis lost writes/);
  }, 60_000);
});

describe('the cost of appendfsync always (npm run measure:fsync)', () => {
  it('[W4] the compose file runs Redis with AOF fsynced before each answer', () => {
    const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
    expect(compose).toMatch(/command: \[[^\]]*"--appendonly", "yes", "--appendfsync", "always"/);
  });

  it('[W4] runs briefly: with appendfsync always, edits and commands are acknowledged', async () => {
    const r = await measureFsyncCost({ appendfsync: 'always', seconds: 1, writers: 2, senders: 1 });
    expect(r.failures, formatFsyncCost(r)).toBe(0);
    expect(r.edit.count).toBeGreaterThan(0);
    expect(r.command.count).toBeGreaterThan(0);
  }, 60_000);
});
