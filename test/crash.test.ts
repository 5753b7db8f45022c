import { describe, expect, it } from 'vitest';
import { formatSummary, runCrashLoop } from './reliability/crashLoop';

// a short run of `npm run crashloop`: a few rounds per store, with random kill moments
const ROUNDS = 3;

describe('kill -9 while clients type and send commands (the crash loop)', () => {
  it('[W4][Q1][C4] SQLite: nothing any client had received and no acked command is lost; each command applies once; clients converge', async () => {
    const summary = await runCrashLoop({ store: 'sqlite', rounds: ROUNDS });
    expect(summary.problems, formatSummary(summary)).toEqual([]);
    expect(summary.serverKills).toBe(ROUNDS);
    expect(summary.wordsCheckedAtKills).toBeGreaterThan(0);
    expect(summary.commandsAcked).toBeGreaterThan(0);
  }, 120_000);

  it('[W4][Q1][Q2][N5] Redis (AOF): the same, and kill -9 of redis-server itself loses nothing acknowledged', async () => {
    const summary = await runCrashLoop({ store: 'redis', rounds: ROUNDS, redisKillEvery: 3 });
    expect(summary.problems, formatSummary(summary)).toEqual([]);
    expect(summary.serverKills).toBe(2);
    expect(summary.redisKills).toBe(1);
  }, 120_000);
});
