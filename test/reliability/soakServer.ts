/**
 * Plenary for the soak run, in its own process: `node --expose-gc --import tsx
 * test/reliability/soakServer.ts --data <dir> [--sittings 4] [--unload-ms 2000]`. Starts the server
 * on a free port with SQLite in `dir`, creates the sittings and prints one line of JSON
 * `{ready, url, sittings:[{sid, chair, observer, delegates}]}`. Asked `memory` over IPC, it
 * collects garbage and answers with `process.memoryUsage()`. SIGTERM closes it.
 */
import { parseArgs } from 'node:util';
import { configFromEnv } from '../../server/src/config';
import { startServer } from '../../server/src/server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    sittings: { type: 'string', default: '4' },
    'unload-ms': { type: 'string', default: '2000' },
  },
});
if (!values.data) throw new Error('--data <dir> is required');

// every client of the soak run comes from 127.0.0.1: no per-address share (K13, K14)
const server = await startServer(
  { ...configFromEnv(process.env), port: 0, host: '127.0.0.1', dataDir: values.data, demo: false, unloadAfterMs: Number(values['unload-ms']), nodeId: 'soak', preAuthPerAddress: 0, maxConnectionsPerAddress: 0 },
  (m) => process.stderr.write(`${m}\n`),
);

const sittings = [];
for (let i = 0; i < Number(values.sittings); i++) {
  const { links } = await server.sittings.create({
    sessionId: `soak-${i}`,
    title: `Soak sitting ${i}`,
    venue: 'Kabul',
    date: '2017-06-06',
    host: 'd0',
    delegations: Array.from({ length: 10 }, (_, k) => ({ id: `d${k}`, name: `Delegation ${k}` })),
    agenda: [{ title: 'General debate', durationMin: 60 }],
    communique: {
      title: 'Communiqué',
      preambular: ['Recognizing that a stable Afghanistan is needed,', 'Welcoming the Kabul Process,', 'Noting the concept note,'],
      operative: ['Decides to meet again;', 'Calls for regional cooperation;', 'Requests a report;'],
    },
  });
  sittings.push({ sid: `soak-${i}`, chair: links.chair.token, observer: links.observer.token, delegates: links.delegates.map((d) => d.token) });
}
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url, sittings })}\n`);

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (msg) => {
  if (msg !== 'memory') return;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.send?.({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, gc: Boolean(gc) });
});
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
