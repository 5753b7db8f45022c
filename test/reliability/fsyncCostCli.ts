/**
 * `npm run measure:fsync -- [--seconds 10] [--writers 8] [--senders 4] [--rounds 1]`: Plenary's
 * write path on a redis-server with `appendfsync always`, then `everysec`, each round; prints the
 * acknowledged edits and commands per second of each (test/reliability/fsyncCost.ts).
 */
import { parseArgs } from 'node:util';
import { formatFsyncCost, measureFsyncCost } from './fsyncCost';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    writers: { type: 'string', default: '8' },
    senders: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '1' },
  },
});

for (let round = 0; round < Number(values.rounds); round++) {
  for (const appendfsync of ['always', 'everysec'] as const) {
    const r = await measureFsyncCost({ appendfsync, seconds: Number(values.seconds), writers: Number(values.writers), senders: Number(values.senders) });
    console.log(formatFsyncCost(r));
  }
}
process.exit(0);
