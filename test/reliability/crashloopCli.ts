/**
 * `npm run crashloop -- [--rounds 50] [--store sqlite|redis] [--seed N] [--redis-kill-every 3]
 * [--appendfsync always|everysec]`: the crash loop of test/reliability/crashLoop.ts, on each store
 * asked for (both by default); prints a summary per store and exits with 1 when anything was lost.
 */
import { parseArgs } from 'node:util';
import { formatSummary, runCrashLoop } from './crashLoop';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '50' },
    store: { type: 'string' },
    seed: { type: 'string' },
    'redis-kill-every': { type: 'string', default: '3' },
    appendfsync: { type: 'string', default: 'always' },
    quiet: { type: 'boolean', default: false },
  },
});

const stores = values.store ? [values.store] : ['sqlite', 'redis'];
if (!stores.every((s) => s === 'sqlite' || s === 'redis')) throw new Error('--store is sqlite or redis');
if (values.appendfsync !== 'always' && values.appendfsync !== 'everysec') throw new Error('--appendfsync is always or everysec');

let failed = false;
for (const store of stores as ('sqlite' | 'redis')[]) {
  const summary = await runCrashLoop({
    store,
    rounds: Number(values.rounds),
    redisKillEvery: Number(values['redis-kill-every']),
    appendfsync: values.appendfsync,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    log: values.quiet ? () => {} : (line) => console.log(line),
  });
  console.log(formatSummary(summary));
  failed ||= summary.problems.length > 0;
}
process.exit(failed ? 1 : 0);
