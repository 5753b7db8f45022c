/** The outcome of a run: targets checked, a Markdown table with Plenary / stock ratios, JSON. */
import { cpus, release, totalmem } from 'node:os';
import type { Floor } from './calibrate';
import type { RunResult } from './scenarios';
import type { TargetKind } from './servers';
import { fmt, median, ratio } from './stats';

export interface CaseOutcome {
  id: string;
  scenario: string;
  title: string;
  params: Record<string, number | string>;
  /** the order the servers ran in (alternating from run to run) */
  order: TargetKind[];
  /** per server: the median of its repeats (see `repeats`) */
  runs: Partial<Record<TargetKind, RunResult>>;
  /** per server: every run, in order */
  repeats: Partial<Record<TargetKind, RunResult[]>>;
  notRun?: string;
}

export interface TargetCheck {
  id: string;
  target: string;
  /** the measured figure, as text */
  figure: string;
  /** null: not measured at the target's scale in this run */
  met: boolean | null;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
}

export interface BenchRun {
  startedAt: string;
  durationSec: number;
  command: string;
  quick: boolean;
  /** runs per case and server; figures are medians */
  repeat: number;
  /** an experimental relay variant of Plenary (bench/variants.ts), or null */
  variant: string | null;
  machine: Machine;
  /** this machine's cost of one small WebSocket send (null: not measured) */
  floor: Floor | null;
  options: Record<string, unknown>;
  cases: CaseOutcome[];
  targets: TargetCheck[];
}

export function machine(): Machine {
  const c = cpus();
  return {
    cores: c.length,
    cpu: c[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `Linux ${release()}`,
    node: process.version,
  };
}

interface Row {
  key: string;
  label: string;
  digits?: number;
}

const BROADCAST_ROWS: Row[] = [
  { key: 'insertsMeasured', label: 'inserts measured (per receiver)' },
  { key: 'latencyP50Ms', label: 'latency p50, ms (probes)' },
  { key: 'latencyP90Ms', label: 'latency p90, ms (probes)' },
  { key: 'latencyP99Ms', label: 'latency p99, ms (probes)' },
  { key: 'latencyMaxMs', label: 'latency max, ms (probes)' },
  { key: 'observerLatencyP50Ms', label: 'latency p50, ms (all observers)' },
  { key: 'observerLatencyP99Ms', label: 'latency p99, ms (all observers)' },
  { key: 'observerLatencyMaxMs', label: 'latency max, ms (all observers)' },
  { key: 'deliveredPct', label: 'delivered, % of expected', digits: 5 },
  { key: 'lost', label: 'not delivered by the end of the drain (receiver × insert)' },
  { key: 'framesPerInsert', label: 'frames per insert per observer' },
  { key: 'serverCpuUsPerUpdatePerObserver', label: 'server CPU per update per observer, µs' },
  { key: 'serverCpuPct', label: 'server CPU, % of one core' },
  { key: 'memPerObserverKiB', label: 'server memory per idle observer, KiB' },
  { key: 'rssWithObserversMiB', label: 'server RSS with observers, MiB' },
  { key: 'rssPeakMiB', label: 'server RSS peak, MiB' },
  { key: 'observersConnectMs', label: 'time to connect the observers, ms' },
  { key: 'generatorLoopLagP99Ms', label: 'generator event-loop delay p99, ms' },
  { key: 'generatorCpuPct', label: 'generator CPU, % of one core' },
  { key: 'otherCpuPct', label: 'other processes\' CPU meanwhile, % of one core' },
];

const CROSSNODE_ROWS: Row[] = [
  BROADCAST_ROWS[0]!,
  { key: 'latencyP50Ms', label: 'latency p50, ms (probes on node B)' },
  { key: 'latencyP99Ms', label: 'latency p99, ms (probes on node B)' },
  { key: 'latencyMaxMs', label: 'latency max, ms (probes on node B)' },
  { key: 'localLatencyP50Ms', label: 'latency p50, ms (probes on node A, the writer\'s)' },
  { key: 'localLatencyP99Ms', label: 'latency p99, ms (probes on node A, the writer\'s)' },
  { key: 'crossNodeExtraP99Ms', label: 'p99 added by crossing nodes (B − A), ms' },
  ...BROADCAST_ROWS.filter((r) => /^(observerLatency|deliveredPct|lost|framesPerInsert|serverCpu|memPerObserver|generator|otherCpu)/.test(r.key)),
];

const ROWS: Record<string, Row[]> = {
  fanout: BROADCAST_ROWS,
  writers: BROADCAST_ROWS,
  crossnode: CROSSNODE_ROWS,
  joinstorm: [
    { key: 'synced', label: 'joined and synced' },
    { key: 'allSyncedMs', label: 'time until all synced, ms' },
    { key: 'syncP50Ms', label: 'time to sync p50, ms' },
    { key: 'syncP99Ms', label: 'time to sync p99, ms' },
    { key: 'joinRatePerSec', label: 'join rate, joins/s' },
    { key: 'refused503', label: 'upgrades refused with 503 (retried)' },
    { key: 'connectErrors', label: 'other failed attempts (retried)' },
    { key: 'serverCpuMsPerJoin', label: 'server CPU per join, ms' },
    { key: 'memPerObserverKiB', label: 'server memory per idle observer, KiB' },
    { key: 'rssAfterMiB', label: 'server RSS after, MiB' },
    { key: 'generatorLoopLagP99Ms', label: 'generator event-loop delay p99, ms' },
    { key: 'generatorCpuPct', label: 'generator CPU, % of one core' },
    { key: 'otherCpuPct', label: 'other processes\' CPU meanwhile, % of one core' },
  ],
  coldload: [
    { key: 'historyUpdates', label: 'updates in the history' },
    { key: 'coldSyncMs', label: 'first client: time until synced, ms' },
    { key: 'warmSyncMs', label: 'second client: time until synced, ms' },
    { key: 'serverLoadMs', label: 'load on the server (first − second), ms' },
    { key: 'coldServerCpuMs', label: 'server CPU for the first client, ms' },
    { key: 'logColdSyncMs', label: 'from a log never compacted: first client synced, ms' },
    { key: 'logServerLoadMs', label: 'from a log never compacted: load on the server, ms' },
    { key: 'syncBytes', label: 'sync step 2 size, bytes' },
    { key: 'rssLoadDeltaMiB', label: 'server RSS growth for the load, MiB' },
    { key: 'seedMs', label: 'seeding the store directly, ms' },
    { key: 'ingestMs', label: 'taking the history through a client, ms' },
    { key: 'verified', label: 'synced doc holds the whole history (1 = yes)' },
  ],
};

/** Several runs of one case on one server → one: the median of each figure; notes and warnings of all. */
export function combineRuns(runs: RunResult[]): RunResult {
  if (runs.length === 1) return runs[0]!;
  const ok = runs.filter((r) => !r.error);
  const keys = [...new Set(ok.flatMap((r) => Object.keys(r.metrics)))];
  const metrics: Record<string, number | null> = {};
  for (const k of keys) {
    const vs = ok.map((r) => r.metrics[k]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    metrics[k] = vs.length > 0 ? median(vs) : null;
  }
  const errors = runs.filter((r) => r.error).map((r) => r.error!);
  return {
    metrics,
    notes: [...new Set(runs.flatMap((r) => r.notes))],
    warnings: [...new Set(runs.flatMap((r) => r.warnings))],
    ...(errors.length > 0 ? { error: `${errors.length} of ${runs.length} runs failed: ${errors[0]}` } : {}),
  };
}

/** The figure that best sums a case up, shown run by run so that the spread is visible. */
const HEADLINE: Record<string, { key: string; label: string }> = {
  fanout: { key: 'latencyP99Ms', label: 'latency p99, ms' },
  writers: { key: 'latencyP99Ms', label: 'latency p99, ms' },
  joinstorm: { key: 'allSyncedMs', label: 'all synced, ms' },
  coldload: { key: 'serverLoadMs', label: 'load on the server, ms' },
  crossnode: { key: 'latencyP99Ms', label: 'latency p99 on node B, ms' },
};

const get = (c: CaseOutcome | undefined, kind: TargetKind, key: string): number | null => {
  const v = c?.runs[kind]?.metrics[key];
  return v === undefined ? null : v;
};

/** The issue's targets, checked against this run's figures for Plenary. */
export function checkTargets(cases: CaseOutcome[], quick = false): TargetCheck[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const fanouts = cases.filter((c) => c.scenario === 'fanout' && !c.notRun);
  const largest = fanouts.reduce<CaseOutcome | undefined>((a, c) => (!a || Number(c.params.observers) > Number(a.params.observers) ? c : a), undefined);
  const atScale = (c: CaseOutcome | undefined, key: string, n: number) => c !== undefined && Number(c.params[key]) >= n;
  const checks: TargetCheck[] = [];
  const check = (id: string, target: string, value: number | null, limit: number, unit: string, scaled: boolean, scaleNote: string) => {
    const figure = value === null ? 'not measured' : `${fmt(value)} ${unit}${scaled ? '' : ` (${scaleNote})`}`;
    checks.push({ id, target, figure, met: value === null || !scaled ? null : value <= limit });
  };

  const f2000 = byId.get('fanout-2000') ?? largest;
  const fScaled = atScale(f2000, 'observers', 2000);
  const fNote = f2000 ? `at ${f2000.params.observers} observers, not 2,000` : '';
  check('fanout-p99', '1 writer → 2,000 observers: p99 ≤ 40 ms', get(f2000, 'plenary', 'latencyP99Ms'), 40, 'ms', fScaled, fNote);
  check('fanout-cpu', '1 writer → 2,000 observers: ≤ 8 µs server CPU per update per observer', get(f2000, 'plenary', 'serverCpuUsPerUpdatePerObserver'), 8, 'µs', fScaled, fNote);

  const ratios = fanouts.map((c) => ({ n: c.params.observers, r: ratio(get(c, 'plenary', 'latencyP99Ms'), get(c, 'stock', 'latencyP99Ms')) }));
  const measured = ratios.filter((x) => x.r !== null);
  checks.push({
    id: 'fanout-ratio',
    target: 'latency ratio Plenary / stock ≤ 1.0 in every fan-out scenario (p99)',
    figure: measured.length === 0 ? 'not measured' : measured.map((x) => `${x.n}: ${fmt(x.r)}`).join(', '),
    met: quick || measured.length === 0 || measured.length < ratios.length ? null : measured.every((x) => x.r! <= 1),
  });

  const join = cases.find((c) => c.scenario === 'joinstorm' && !c.notRun);
  const joinMs = get(join, 'plenary', 'allSyncedMs');
  check('join', '2,000 joins all synced within 2 s', joinMs, 2000, 'ms', atScale(join, 'joins', 2000), join ? `${join.params.joins} joins` : '');

  const mem = get(f2000, 'plenary', 'memPerObserverKiB');
  check('memory', '≤ 10 KB server memory per idle observer', mem === null ? null : (mem * 1024) / 1000, 10, 'KB', fScaled, fNote);

  const w = byId.get('writers');
  const wScaled = atScale(w, 'writers', 50) && atScale(w, 'observers', 1000);
  const wp99 = get(w, 'plenary', 'latencyP99Ms');
  const lost = get(w, 'plenary', 'lost');
  checks.push({
    id: 'writers',
    target: '50 × 5 writers with 1,000 observers: p99 ≤ 100 ms and nothing lost',
    figure: wp99 === null ? 'not measured' : `p99 ${fmt(wp99)} ms, lost ${fmt(lost)}${wScaled ? '' : ` (at ${w?.params.writers} writers, ${w?.params.observers} observers)`}`,
    met: wp99 === null || !wScaled ? null : wp99 <= 100 && lost === 0,
  });

  const cold = byId.get('coldload');
  // the first client's whole time until synced: the first − second difference is too noisy to hold a target
  check('cold', 'cold load ≤ 50 ms (100,000-update history as stored: first client until synced)', get(cold, 'plenary', 'coldSyncMs'), 50, 'ms', atScale(cold, 'history', 100_000), cold ? `${cold.params.history} updates` : '');

  // single-node: the fan-out case with as many observers, in the same run; node A's own probes are
  // shown beside it, but they are not a like-for-like reference (node A fans out to 5 receivers)
  const cross = cases.find((c) => c.scenario === 'crossnode' && !c.notRun);
  const crossP99 = get(cross, 'plenary', 'latencyP99Ms');
  const single = cases.find((c) => c.scenario === 'fanout' && !c.notRun && c.params.observers === cross?.params.observers);
  const singleP99 = get(single, 'plenary', 'latencyP99Ms');
  const localP99 = get(cross, 'plenary', 'localLatencyP99Ms');
  const xScaled = !quick && atScale(cross, 'observers', 1000);
  checks.push({
    id: 'crossnode',
    target: 'cross-node p99 ≤ single-node p99 + 10 ms',
    figure:
      crossP99 === null || singleP99 === null
        ? (cases.find((c) => c.scenario === 'crossnode')?.notRun ?? 'not measured (needs the fan-out case with as many observers)')
        : `node B ${fmt(crossP99)} ms, single node ${fmt(singleP99)} ms (fan-out to ${Number(cross?.params.observers).toLocaleString('en-US')} observers)${localP99 === null ? '' : `; node A's own probes ${fmt(localP99)} ms`}${xScaled ? '' : ` (at ${cross?.params.observers} observers)`}`,
    met: crossP99 === null || singleP99 === null || !xScaled ? null : crossP99 <= singleP99 + 10,
  });
  return checks;
}

const mark = (met: boolean | null) => (met === null ? '—' : met ? 'met' : '**not met**');

export function markdown(run: BenchRun): string {
  const m = run.machine;
  const lines: string[] = [];
  lines.push(
    `Run ${run.startedAt} (${(run.durationSec / 60).toFixed(1)} min): \`${run.command}\`${run.quick ? ' — a quick smoke run, not at the targets\' scale' : ''}. ` +
      (run.repeat > 1 ? `Every case ran ${run.repeat} times per server, alternating which went first; figures are medians.` : 'Every case ran once per server.'),
  );
  if (run.variant) {
    lines.push('');
    lines.push(`**Experimental:** "Plenary" below is Plenary with the relay variant \`${run.variant}\` patched in at run time (bench/variants.ts), not the code in server/.`);
  }
  lines.push('');
  lines.push(`Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}. Servers under test and the load generator share the machine.`);
  if (run.floor) {
    lines.push('');
    lines.push(
      `Fan-out floor on this machine: one ${run.floor.bytes}-byte message to one of ${run.floor.connections.toLocaleString('en-US')} loopback connections costs the sender ` +
        `${fmt(run.floor.wsSendUs)} µs CPU with \`ws.send\` and ${fmt(run.floor.rawWriteUs)} µs as a prebuilt frame written to the raw socket (median; bare \`ws\` server, no Yjs).`,
    );
  }
  lines.push('');
  lines.push('### Targets (Plenary)');
  lines.push('');
  lines.push('| target | measured | |');
  lines.push('| --- | --- | --- |');
  for (const t of run.targets) lines.push(`| ${t.target} | ${t.figure} | ${mark(t.met)} |`);
  lines.push('');
  lines.push('### Results');
  lines.push('');
  lines.push('| scenario | figure | Plenary | stock | Plenary / stock |');
  lines.push('| --- | --- | ---: | ---: | ---: |');
  for (const c of run.cases) {
    if (c.notRun) {
      lines.push(`| ${c.title} | ${c.notRun} | | | |`);
      continue;
    }
    const errors = (['plenary', 'stock'] as const).filter((k) => c.runs[k]?.error);
    for (const k of errors) lines.push(`| ${c.title} | **failed** (${k}): ${oneLine(c.runs[k]!.error!)} | | | |`);
    let first = true;
    for (const row of ROWS[c.scenario] ?? []) {
      const p = get(c, 'plenary', row.key);
      const s = get(c, 'stock', row.key);
      if (p === null && s === null) continue;
      lines.push(`| ${first ? c.title : ''} | ${row.label} | ${fmt(p, row.digits)} | ${fmt(s, row.digits)} | ${fmt(ratio(p, s))} |`);
      first = false;
    }
  }
  if (run.repeat > 1) {
    lines.push('');
    lines.push('### Spread across runs');
    lines.push('');
    lines.push('| scenario | figure | Plenary, run by run | stock, run by run |');
    lines.push('| --- | --- | --- | --- |');
    for (const c of run.cases) {
      const h = HEADLINE[c.scenario];
      if (!h || c.notRun) continue;
      const each = (k: TargetKind) => (c.repeats[k] ?? []).map((r) => (r.error ? 'failed' : fmt(r.metrics[h.key] ?? null))).join(', ') || '—';
      lines.push(`| ${c.title} | ${h.label} | ${each('plenary')} | ${each('stock')} |`);
    }
  }
  const notes = run.cases.flatMap((c) =>
    (['plenary', 'stock'] as const).flatMap((k) => {
      const r = c.runs[k];
      if (!r) return [];
      return [...r.warnings.map((w) => `- ⚠ ${c.id}, ${k}: ${w}`), ...r.notes.map((n) => `- ${c.id}, ${k}: ${n}`)];
    }),
  );
  if (notes.length > 0) {
    lines.push('');
    lines.push('### Notes and warnings');
    lines.push('');
    lines.push(...[...new Set(notes)]);
  }
  lines.push('');
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 300);
}
