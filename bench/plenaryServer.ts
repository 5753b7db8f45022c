/**
 * Plenary as a server under test, in its own process: `node --import tsx bench/plenaryServer.ts
 * --data <dir> [--seed <history file>] [--reuse] [--redis <url> --node <id> --secret <s>]`. Starts the server on a free port with SQLite in `dir`,
 * creates a sitting, optionally seeds the communiqué's log with a recorded history (written
 * straight into the store, then the server is restarted so that the doc is cold), and prints one
 * line of JSON: `{ready, port, url, sid, tokens, seed}`. SIGTERM closes it.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { configFromEnv, type Config } from '../server/src/config';
import { startServer, type PlenaryServer } from '../server/src/server';
import { SqliteStore } from '../server/src/store/SqliteStore';
import { decodeHistory } from './history';
import { applyVariants } from './variants';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    seed: { type: 'string' },
    delegations: { type: 'string', default: '10' },
    /** the data dir already holds the bench sitting (a restart): mint fresh links only */
    reuse: { type: 'boolean', default: false },
    /** one node of several: Redis as the store and bus (the sitting is created by the first node, `--reuse` on the others) */
    redis: { type: 'string' },
    node: { type: 'string', default: 'bench' },
    /** the secret every node signs and checks invite tokens with */
    secret: { type: 'string' },
  },
});
if (!values.data) throw new Error('--data <dir> is required');

export const BENCH_SID = 'bench-sitting';
// experimental relay variants (bench/variants.ts), only when asked for
const variants = applyVariants(process.env.PLENARY_BENCH_VARIANT);
const log = (m: string) => process.stderr.write(`${m}\n`);
const config: Config = {
  ...configFromEnv({}),
  port: 0,
  host: '127.0.0.1',
  dataDir: values.data,
  demo: false,
  nodeId: values.node!,
  // every client of a bench comes from 127.0.0.1: no per-address share (K13, K14)
  preAuthPerAddress: 0,
  maxConnectionsPerAddress: 0,
  ...(values.redis ? { redisUrl: values.redis } : {}),
  ...(values.secret ? { secret: values.secret } : {}),
};

let server: PlenaryServer = await startServer(config, log);
const delegationCount = Number(values.delegations);
const links = values.reuse
  ? await server.sittings.links(BENCH_SID)
  : await server.sittings.create({
      sessionId: BENCH_SID,
      title: 'Benchmark sitting',
      venue: 'Kabul',
      date: '2017-06-06',
      host: 'd0',
      delegations: Array.from({ length: delegationCount }, (_, i) => ({ id: `d${i}`, name: `Delegation ${i}` })),
      communique: { title: 'Communiqué', preambular: ['Recognizing that a stable Afghanistan is needed,'], operative: ['Decides to meet again;'] },
    });

let seed: { updates: number; ms: number } | null = null;
if (values.seed) {
  // the history goes straight into the log, as if it had been typed over months; the server is
  // restarted so that the first connection loads it cold (and compacts it, W2)
  await server.close();
  const t0 = performance.now();
  const updates = decodeHistory(readFileSync(values.seed));
  const store = new SqliteStore(config.dataDir);
  const name = `${BENCH_SID}/communique`;
  const BATCH = 1000;
  for (let i = 0; i < updates.length; i += BATCH) {
    const at = Date.now();
    await store.append(name, { updates: updates.slice(i, i + BATCH).map((update) => ({ update, actor: 'delegate:d0', at })), commands: [] });
  }
  await store.close();
  seed = { updates: updates.length, ms: performance.now() - t0 };
  server = await startServer(config, log);
}

process.stdout.write(
  `${JSON.stringify({
    ready: true,
    pid: process.pid,
    port: server.port,
    url: server.url,
    sid: BENCH_SID,
    tokens: {
      chair: links.links.chair.token,
      observer: links.links.observer.token,
      delegates: links.links.delegates.map((d) => d.token),
    },
    seed,
    variants,
  })}\n`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    const force = setTimeout(() => process.exit(0), 5000);
    void server.close().finally(() => {
      clearTimeout(force);
      process.exit(0);
    });
  });
}
