import { describe, expect, it } from 'vitest';
import { SCENARIOS, type BenchOptions, type RunResult } from '../bench/scenarios';

/** The benchmark's own scenarios at a toy scale: a second of writing to a few clients. */
const options: BenchOptions = {
  quick: true,
  seconds: 1,
  warmup: 0.2,
  fanoutObservers: [8],
  fanoutRate: 20,
  probes: 1,
  writers: 2,
  writerRate: 20,
  writerObservers: 8,
  joins: 10,
  joinConcurrency: 0,
  connectConcurrency: 10,
  history: 100,
  crossnodeObservers: 5,
  drainMs: 3000,
  targets: ['plenary'],
  nodeArgs: () => [],
};

async function runCase(scenario: string): Promise<RunResult> {
  const c = SCENARIOS.find((s) => s.id === scenario)!.cases(options)[0]!;
  return c.run('plenary', options);
}

function expectEverythingDelivered(r: RunResult): void {
  expect(r.error).toBeUndefined();
  expect(r.metrics.insertsMeasured).toBeGreaterThan(0);
  expect(r.metrics.lost).toBe(0);
  expect(r.metrics.deliveredPct).toBe(100);
  expect(r.metrics.latencyP99Ms).toBeGreaterThan(0);
  expect(r.metrics.framesPerInsert).toBeGreaterThan(0);
  expect(r.metrics.serverCpuUsPerUpdatePerObserver).toBeGreaterThan(0);
}

describe('benchmark smoke run (npm run bench at a toy scale)', () => {
  it('[W6] two writers reach every observer and probe of a Plenary server, through the generator', async () => {
    expectEverythingDelivered(await runCase('writers'));
  }, 90_000);

  it('[W6][N1] a writer on one node reaches observers on another node over Redis', async () => {
    const r = await runCase('crossnode');
    expectEverythingDelivered(r);
    expect(r.metrics.localLatencyP99Ms).toBeGreaterThan(0);
  }, 90_000);
});
