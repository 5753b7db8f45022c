/**
 * `npm run fuzz -- [--frames 1000000] [--actions N] [--seed N] [--connections 4]`: a fuzzing
 * campaign (test/fuzz/campaign.ts) against a real server. Prints the seed first, so that a campaign
 * that finds something can be run again exactly; exits with 1 when an invariant broke.
 */
import { parseArgs } from 'node:util';
import { runCampaign } from './campaign';
import { freshSeed } from './random';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    actions: { type: 'string' },
    seed: { type: 'string' },
    connections: { type: 'string', default: '4' },
  },
});
const int = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
  return n;
};
const frames = int(values.frames, 'frames')!;
const seed = int(values.seed, 'seed') ?? freshSeed();
const actions = int(values.actions, 'actions') ?? Math.ceil(frames / 10);
console.log(`fuzz: seed ${seed} (rerun with --seed ${seed}), ${frames} frames, ${actions} Socket.IO emits`);
const report = await runCampaign({ frames, actions, seed, connections: int(values.connections, 'connections')!, log: (m) => console.log(`fuzz: ${m}`) });
console.log(JSON.stringify({ ...report, findings: undefined }, null, 2));
console.log(`fuzz: ${report.framesPerSec} frames/s, ${report.actionsPerSec} Socket.IO emits/s, seed ${seed}`);
if (report.findings.length > 0) {
  console.log(`fuzz: ${report.findings.length} finding(s):\n- ${report.findings.join('\n- ')}`);
  process.exit(1);
}
console.log('fuzz: no finding');
process.exit(0);
