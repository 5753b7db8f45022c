import { describe, expect, it } from 'vitest';
import { runCampaign } from './fuzz/campaign';
import { freshSeed } from './fuzz/random';

describe('fuzzing', () => {
  it('[K7] a short seeded campaign: the server survives hostile frames and emits, honest clients keep working and converge, nothing stored is corrupted', async () => {
    const seed = Number(process.env.PLENARY_FUZZ_SEED ?? freshSeed());
    const report = await runCampaign({ frames: 4000, actions: 400, seed });
    // the seed is in the message: `PLENARY_FUZZ_SEED=<seed>` or `npm run fuzz -- --seed <seed>` replays it
    expect({ seed, findings: report.findings }).toEqual({ seed, findings: [] });
    expect(report.frames).toBe(4000);
    expect(report.honestEdits).toBeGreaterThan(0);
    // an outsider's malformed paths and unauthenticated connections are mixed in (test/attacks/access.ts)
    expect(report.outsiderRequests).toBe(40);
    expect(report.closes[1007]).toBeGreaterThan(0);
  }, 120_000);
});
