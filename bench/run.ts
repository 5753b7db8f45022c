/**
 * `npm run bench [-- flags]`: runs the scenarios against Plenary and the stock y-websocket server,
 * alternating, each case on fresh server processes; writes bench/results/<timestamp>.json and .md
 * and, for a full run, the results block of docs/PERFORMANCE.md. `--help` lists the flags.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkTargets, combineRuns, machine, markdown, type BenchRun, type CaseOutcome } from './report';
import { socketWriteFloor, type Floor } from './calibrate';
import { machineBusyMs, sleep } from './generator';
import { cleanupHistory, SCENARIOS, type BenchOptions, type RunResult } from './scenarios';
import { profileArgs, ROOT, TARGET_LABEL, type TargetKind } from './servers';

const HELP = `npm run bench -- [flags]

  --quick                    small smoke run (about a minute): 100 observers, 3 s, 5 writers, 200 joins, 5,000-update history
  --scenario <list>          fanout,writers,joinstorm,coldload,crossnode (default: all)
  --observers <list>         fan-out sizes (default 500,1000,2000)
  --seconds <n>              measured seconds per fan-out / writers case (default 20)
  --warmup <n>               unmeasured seconds of writing first (default 2)
  --rate <n>                 fan-out writer's inserts per second (default 10)
  --probes <n>               probe receivers (real Y.Docs) per case (default 5)
  --writers <n>              many-writers: writers (default 50)
  --writer-rate <n>          many-writers: inserts per second per writer (default 5)
  --writer-observers <n>     many-writers: observers (default 1000)
  --joins <n>                join storm: observers joining (default 2000)
  --join-concurrency <n>     join storm: connections opened at a time, 0 = all at once (default 0)
  --connect-concurrency <n>  observers set up at a time while preparing a case (default 200)
  --history <n>              cold load: updates in the communiqué's history (default 100000)
  --crossnode-observers <n>  cross-node: observers on the second node (default 1000)
  --drain-ms <n>             wait for stragglers after the last insert (default 5000)
  --targets <list>           plenary,stock (default both)
  --repeat <n>               run every case n times per server, alternating; figures are medians (default 2, quick 1)
  --wait-quiet <s>           before each server run, wait up to this long for other processes to go quiet (default 20, quick 0)
  --no-calibrate             skip measuring this machine's cost of one WebSocket send (the fan-out floor)
  --plenary-variant <list>   try a change in Plenary's process without changing server/ (bench/variants.ts):
                             coalesce:<ms> (the relay's merge window), traceload (results are marked as a variant;
                             docs are not updated)
  --cpu-prof                 run the servers with --cpu-prof (profiles in .tmp/bench-profiles/<server>-<case>/;
                             summarise one with node --import tsx bench/profileSummary.ts <file>)
  --docs / --no-docs         update docs/PERFORMANCE.md (default: on for a full run, off with --quick or a subset)
  --out <dir>                where results go (default bench/results)
  --from <file.json>         measure nothing: render a saved run again (its .md, and docs/PERFORMANCE.md
                             if it was a full run), e.g. after the targets' rules changed
`;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', multiple: true },
    observers: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    rate: { type: 'string' },
    probes: { type: 'string' },
    writers: { type: 'string' },
    'writer-rate': { type: 'string' },
    'writer-observers': { type: 'string' },
    joins: { type: 'string' },
    'join-concurrency': { type: 'string' },
    'connect-concurrency': { type: 'string' },
    history: { type: 'string' },
    'crossnode-observers': { type: 'string' },
    'drain-ms': { type: 'string' },
    targets: { type: 'string' },
    repeat: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'wait-quiet': { type: 'string' },
    'plenary-variant': { type: 'string' },
    'no-calibrate': { type: 'boolean', default: false },
    docs: { type: 'boolean' },
    'no-docs': { type: 'boolean' },
    out: { type: 'string' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (values.from) {
  const run = JSON.parse(readFileSync(values.from, 'utf8')) as BenchRun;
  run.targets = checkTargets(run.cases, run.quick);
  const md = markdown(run);
  writeFileSync(`${values.from.replace(/\.json$/, '')}.md`, `# Benchmark results\n\n${md}`);
  writeFileSync(values.from, `${JSON.stringify(run, null, 2)}\n`);
  if (values.docs ?? run.command === 'npm run bench') updatePerformanceDoc(md);
  process.stdout.write(`\n${md}`);
  process.exit(0);
}

function num(v: string | undefined, fallback: number, name: string, min = 0): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${v}"`);
  return n;
}
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const quick = values.quick;
const outDir = values.out ?? join(ROOT, 'bench', 'results');
// .tmp/ is git-ignored
const profileDir = join(ROOT, '.tmp', 'bench-profiles');
const targets = (values.targets ? list(values.targets) : ['plenary', 'stock']) as TargetKind[];
for (const t of targets) if (t !== 'plenary' && t !== 'stock') throw new Error(`unknown target "${t}" (plenary, stock)`);

const options: BenchOptions = {
  quick,
  seconds: num(values.seconds, quick ? 3 : 20, 'seconds', 0.5),
  warmup: num(values.warmup, quick ? 0.5 : 2, 'warmup'),
  fanoutObservers: values.observers ? list(values.observers).map((s) => num(s, 0, 'observers', 1)) : quick ? [100] : [500, 1000, 2000],
  fanoutRate: num(values.rate, 10, 'rate', 0.1),
  probes: num(values.probes, quick ? 2 : 5, 'probes', 1),
  writers: num(values.writers, quick ? 5 : 50, 'writers', 1),
  writerRate: num(values['writer-rate'], 5, 'writer-rate', 0.1),
  writerObservers: num(values['writer-observers'], quick ? 100 : 1000, 'writer-observers', 1),
  joins: num(values.joins, quick ? 200 : 2000, 'joins', 1),
  joinConcurrency: num(values['join-concurrency'], 0, 'join-concurrency'),
  connectConcurrency: num(values['connect-concurrency'], 200, 'connect-concurrency', 1),
  history: num(values.history, quick ? 5000 : 100_000, 'history', 10),
  crossnodeObservers: num(values['crossnode-observers'], quick ? 100 : 1000, 'crossnode-observers', 1),
  drainMs: num(values['drain-ms'], quick ? 2000 : 5000, 'drain-ms'),
  targets,
  nodeArgs: (kind, caseId) => (values['cpu-prof'] ? profileArgs(profileDir, `${kind}-${caseId}`) : []),
};

const known = SCENARIOS.map((s) => s.id);
const chosen = values.scenario ? values.scenario.flatMap(list) : known;
for (const id of chosen) if (!known.includes(id)) throw new Error(`unknown scenario "${id}" (${known.join(', ')})`);
const variant = values['plenary-variant'] ?? '';
if (variant) process.env.PLENARY_BENCH_VARIANT = variant;
else delete process.env.PLENARY_BENCH_VARIANT;
const fullSet = !values.scenario && !quick && targets.length === 2 && !variant;
const writeDocs = values['no-docs'] ? false : (values.docs ?? fullSet);

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const started = new Date();
const t0 = performance.now();
const cases: CaseOutcome[] = [];
let index = 0;
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  log('interrupted: finishing the current run, then writing what was measured (Ctrl-C again to quit)');
});

log(`Plenary benchmark: ${chosen.join(', ')}${quick ? ' (quick)' : ''}; targets ${targets.join(' and ')}`);
const repeat = Math.max(1, Math.round(num(values.repeat, quick ? 1 : 2, 'repeat', 1)));
const waitQuietSec = num(values['wait-quiet'], quick ? 0 : 20, 'wait-quiet');

/** CPU the rest of the machine uses, % of one core, over `ms`. */
async function otherLoad(ms: number): Promise<number> {
  const b0 = machineBusyMs();
  const c0 = process.cpuUsage();
  await sleep(ms);
  const mine = process.cpuUsage(c0);
  return Math.max(0, ((machineBusyMs() - b0 - (mine.user + mine.system) / 1000) / ms) * 100);
}

/** Waits (up to --wait-quiet seconds) until other processes use less than a quarter of a core. */
async function waitQuiet(): Promise<void> {
  if (waitQuietSec <= 0) return;
  const deadline = performance.now() + waitQuietSec * 1000;
  for (;;) {
    const other = await otherLoad(1000);
    if (other < 25) return;
    if (performance.now() > deadline) {
      log(`  the machine is busy (other processes: ${other.toFixed(0)} % of a core); running anyway`);
      return;
    }
  }
}

let floor: Floor | null = null;
if (!values['no-calibrate']) {
  const n = Math.min(2000, Math.max(200, ...options.fanoutObservers));
  floor = await socketWriteFloor(n, quick ? 5 : 9);
  log(`- this machine's fan-out floor: ${floor.wsSendUs.toFixed(1)} µs CPU per ws.send, ${floor.rawWriteUs.toFixed(1)} µs per raw socket write (${n} connections, ${floor.bytes} B)`);
}
for (const scenario of SCENARIOS.filter((s) => chosen.includes(s.id))) {
  const reason = scenario.notRun?.(options) ?? null;
  if (reason) {
    log(`- ${scenario.title}: ${reason}`);
    cases.push({ id: scenario.id, scenario: scenario.id, title: scenario.title.toLowerCase(), params: {}, order: [], runs: {}, repeats: {}, notRun: reason });
    continue;
  }
  for (const c of scenario.cases(options)) {
    if (interrupted) break;
    const outcome: CaseOutcome = { id: c.id, scenario: c.scenario, title: c.title, params: c.params, order: [], runs: {}, repeats: {} };
    cases.push(outcome);
    for (let r = 0; r < repeat && !interrupted; r++) {
      // alternate which server goes first, so neither always runs on a cooler (or hotter) machine
      const alternated = index++ % 2 === 0 ? targets : [...targets].reverse();
      const order = c.only ? alternated.filter((k) => c.only!.includes(k)) : alternated;
      outcome.order.push(...order);
      for (const kind of order) {
        if (interrupted) break;
        await waitQuiet();
        const t = performance.now();
        log(`- ${c.title} — ${TARGET_LABEL[kind]}${repeat > 1 ? ` (run ${r + 1} of ${repeat})` : ''} …`);
        let result: RunResult;
        try {
          result = await c.run(kind, options);
        } catch (err) {
          result = { metrics: {}, notes: [], warnings: [], error: err instanceof Error ? err.message : String(err) };
        }
        (outcome.repeats[kind] ??= []).push(result);
        const head = result.error
          ? `FAILED: ${result.error.slice(0, 500)}`
          : Object.entries(result.metrics)
              .filter(([k]) => /latencyP99Ms|allSyncedMs|serverLoadMs|CpuUsPer|lost|memPerObserver/.test(k))
              .map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`)
              .join(' ');
        log(`  ${((performance.now() - t) / 1000).toFixed(1)} s: ${head}`);
        for (const w of result.warnings) log(`  ⚠ ${w}`);
      }
    }
    for (const kind of targets) {
      const runs = outcome.repeats[kind];
      if (runs && runs.length > 0) outcome.runs[kind] = combineRuns(runs);
    }
  }
}

const run: BenchRun = {
  startedAt: started.toISOString(),
  durationSec: (performance.now() - t0) / 1000,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  quick,
  repeat,
  variant: variant || null,
  machine: machine(),
  floor,
  options: { ...options, nodeArgs: values['cpu-prof'] ? ['--cpu-prof'] : [] },
  cases,
  targets: checkTargets(cases, quick),
};

mkdirSync(outDir, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
const base = join(outDir, `${stamp}${quick ? '-quick' : ''}${variant ? `-variant-${variant.replace(/[^a-z0-9]+/gi, '-')}` : ''}`);
const md = markdown(run);
writeFileSync(`${base}.json`, `${JSON.stringify(run, null, 2)}\n`);
writeFileSync(`${base}.md`, `# Benchmark results\n\n${md}`);
log(`\nwrote ${base}.json and ${base}.md`);

if (writeDocs) updatePerformanceDoc(md);

process.stdout.write(`\n${md}`);
cleanupHistory();
process.exit(cases.some((c) => Object.values(c.repeats).some((rs) => rs?.some((r) => r.error))) ? 1 : 0);

/** Puts a run's Markdown between the results markers of docs/PERFORMANCE.md. */
function updatePerformanceDoc(md: string): void {
  const doc = join(ROOT, 'docs', 'PERFORMANCE.md');
  const BEGIN = '<!-- bench:results:begin -->';
  const END = '<!-- bench:results:end -->';
  if (!existsSync(doc)) return void process.stderr.write(`${doc} does not exist: not updated\n`);
  const text = readFileSync(doc, 'utf8');
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a === -1 || b <= a) return void process.stderr.write(`${doc} has no ${BEGIN} … ${END} block: not updated\n`);
  writeFileSync(doc, `${text.slice(0, a + BEGIN.length)}\n${md}\n${text.slice(b)}`);
  process.stderr.write(`updated ${doc}\n`);
}
