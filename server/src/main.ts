import { configFromEnv } from './config';
import { DEMO_SESSION_ID, KABUL_PROCESS } from './demo/kabul';
import { startServer } from './server';

const config = configFromEnv();
const server = await startServer(config);

const sittings = await server.store.listSittings();
if (config.demo && sittings.length === 0) await server.sittings.create(KABUL_PROCESS);

const lines = [`Plenary is running at ${server.url}  (store: ${server.store.kind}, data: ${config.redisUrl ?? config.dataDir})`];
if (server.adminKeyGenerated) {
  lines.push('', `Admin key (printed once; kept in ${config.dataDir}/admin-key): ${server.adminKey}`);
}
const demo = (await server.store.getSitting(DEMO_SESSION_ID)) ? DEMO_SESSION_ID : null;
if (demo) {
  const { links } = await server.sittings.links(demo);
  const pick = ['af', 'pk', 'cn', 'in', 'ir', 'us', 'un'];
  lines.push('', `Demo sitting "${KABUL_PROCESS.title}" — open each link in its own browser tab:`);
  lines.push(`  chair     ${links.chair.url}`);
  lines.push(`  observer  ${links.observer.url}`);
  for (const d of links.delegates.filter((l) => pick.includes(l.delegation))) lines.push(`  delegate ${d.delegation.padEnd(3)} ${d.url}`);
  lines.push(`  (${links.delegates.length} delegations in all; POST /api/sessions with the admin key mints links for new sittings)`);
}
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
