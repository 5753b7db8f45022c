/**
 * `npm run soak -- [--minutes 30] [--clients 1000] [--sittings 4] [--max-growth 10]`: the soak run
 * of test/reliability/soak.ts. Prints the server's memory along the way and a summary; exits with 1
 * when memory grew over the limit, docs with no clients stayed loaded, or honest clients were refused.
 */
import { parseArgs } from 'node:util';
import { formatSoak, runSoak } from './soak';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    clients: { type: 'string', default: '1000' },
    sittings: { type: 'string', default: '4' },
    'max-growth': { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string' },
  },
});

const report = await runSoak({
  seconds: Math.round(Number(values.minutes) * 60),
  clients: Number(values.clients),
  sittings: Number(values.sittings),
  maxGrowthPct: Number(values['max-growth']),
  ...(values['warmup-seconds'] ? { warmupSeconds: Number(values['warmup-seconds']) } : {}),
  log: (line) => console.log(line),
});
console.log(formatSoak(report));
process.exit(report.problems.length > 0 ? 1 : 0);
