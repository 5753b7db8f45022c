import { describe, expect, it } from 'vitest';
import { formatSoak, runSoak } from './reliability/soak';

describe('the soak run, very short (`npm run soak` runs it for real)', () => {
  it('[Q4][Q5] a small crowd comes and goes; memory is measured; docs with no clients are unloaded', async () => {
    // a few seconds cannot show a leak; the limit here only catches a run gone wrong
    const report = await runSoak({ seconds: 8, clients: 40, sittings: 3, warmupSeconds: 2, maxGrowthPct: 50, unloadMs: 500, fillFeeds: false });
    expect(report.problems, formatSoak(report)).toEqual([]);
    expect(report.start.heapUsed).toBeGreaterThan(0);
    expect(report.wordsTyped).toBeGreaterThan(0);
    expect(report.commandsAcked).toBeGreaterThan(0);
    expect(report.docsLoaded.afterOneSittingLeft).toBe(report.docsLoaded.before - 2);
    expect(report.docsLoaded.afterAllLeft).toBe(0);
  }, 90_000);
});
