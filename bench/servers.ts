/**
 * Servers under test, each in its own child process so that its CPU and memory are its own:
 * Plenary (`bench/plenaryServer.ts`) and the stock `@y/websocket-server` (its own `server.js`,
 * unmodified). CPU comes from `/proc/<pid>/task/*\/schedstat` (nanoseconds, every thread),
 * falling back to `/proc/<pid>/stat` (clock ticks); memory is `VmRSS` from `/proc/<pid>/status`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './generator';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export type TargetKind = 'plenary' | 'stock';
export const TARGET_LABEL: Record<TargetKind, string> = { plenary: 'Plenary', stock: 'stock y-websocket-server 0.1.1' };

export interface ProcUsage {
  /** CPU time of all threads so far, ms */
  cpuMs: number;
  rssBytes: number;
}

export interface ServerUnderTest {
  kind: TargetKind;
  pid: number;
  /** ws://127.0.0.1:<port>/yjs/<sitting>/communique (the stock server takes the path as doc name) */
  docUrl: string;
  /** a read-only participant (Plenary: observer invite) */
  observerToken: string;
  /** participants who may write the communiqué (Plenary: chair and delegates) */
  writerTokens: string[];
  /** what the server printed at start, e.g. seeding time */
  info: Record<string, unknown>;
  usage(): ProcUsage;
  stop(): Promise<void>;
  /** the tail of its stdout and stderr */
  output(): string;
}

export interface StartOptions {
  /** a history file for the communiqué (Plenary: written into its store before it starts) */
  seedFile?: string;
  /** reuse a data dir from an earlier start (Plenary only) */
  dataDir?: string;
  keepData?: boolean;
  /** extra node flags, e.g. --cpu-prof */
  nodeArgs?: string[];
  /** Plenary as one node of several on one Redis; `join`: the sitting was created by another node */
  cluster?: { redisUrl: string; nodeId: string; secret: string; join: boolean };
}

const CLK_TCK = 100;

function readUsage(pid: number): ProcUsage {
  let cpuMs = NaN;
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    if (ns > 0) cpuMs = ns / 1e6;
  } catch {
    // no schedstat: fall back to clock ticks
  }
  if (!Number.isFinite(cpuMs)) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  }
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs, rssBytes: rss ? Number(rss[1]) * 1024 : NaN };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a child, keeps the tail of its output, stops it by its pid. */
class Child {
  private out = '';
  readonly exited: Promise<void>;

  constructor(readonly proc: ChildProcess) {
    const keep = (d: Buffer) => {
      this.out += d.toString();
      if (this.out.length > 64_000) this.out = this.out.slice(-32_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
  }

  get output(): string {
    return this.out;
  }

  async waitFor(re: RegExp, timeoutMs: number, what: string): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(this.out);
      if (m) return m;
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) throw new Error(`${what} exited: ${this.out.slice(-2000)}`);
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`${what} did not start within ${timeoutMs} ms: ${this.out.slice(-2000)}`);
      }
      await sleep(20);
    }
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill('SIGTERM');
    const killed = await Promise.race([this.exited.then(() => true), sleep(8000).then(() => false)]);
    if (!killed) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
  }
}

export async function startPlenary(opts: StartOptions = {}): Promise<ServerUnderTest> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'plenary-bench-'));
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', 'bench/plenaryServer.ts', '--data', dataDir];
  if (opts.seedFile) args.push('--seed', opts.seedFile);
  if (opts.dataDir || opts.cluster?.join) args.push('--reuse');
  if (opts.cluster) args.push('--redis', opts.cluster.redisUrl, '--node', opts.cluster.nodeId, '--secret', opts.cluster.secret);
  const child = new Child(spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  const m = await child.waitFor(/^(\{"ready":true.*\})$/m, 180_000, 'Plenary');
  const ready = JSON.parse(m[1]!) as {
    pid: number;
    port: number;
    sid: string;
    tokens: { chair: string; observer: string; delegates: string[] };
    seed: unknown;
    variants: string[];
  };
  const pid = child.proc.pid!;
  return {
    kind: 'plenary',
    pid,
    docUrl: `ws://127.0.0.1:${ready.port}/yjs/${ready.sid}/communique`,
    observerToken: ready.tokens.observer,
    writerTokens: [ready.tokens.chair, ...ready.tokens.delegates],
    info: { seed: ready.seed, dataDir, variants: ready.variants },
    usage: () => readUsage(pid),
    stop: async () => {
      await child.stop();
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => child.output,
  };
}

const require = createRequire(import.meta.url);

/** The stock server's own entry point (`src/server.js`), run unmodified. */
export function stockServerScript(): string {
  const pkg = require.resolve('@y/websocket-server/package.json');
  return join(dirname(pkg), 'src', 'server.js');
}

export async function startStock(opts: StartOptions = {}): Promise<ServerUnderTest> {
  const port = await freePort();
  const args = [...(opts.nodeArgs ?? []), '--import', './bench/exitOnSignal.mjs', stockServerScript()];
  // no YPERSISTENCE: the stock server keeps docs in memory only
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  const child = new Child(spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env }));
  await child.waitFor(/running at/, 30_000, 'the stock server');
  const pid = child.proc.pid!;
  return {
    kind: 'stock',
    pid,
    docUrl: `ws://127.0.0.1:${port}/yjs/bench-sitting/communique`,
    // the stock server ignores tokens; clients send one anyway, like Plenary's
    observerToken: 'unused',
    writerTokens: ['unused'],
    info: {},
    usage: () => readUsage(pid),
    stop: () => child.stop(),
    output: () => child.output,
  };
}

export function startTarget(kind: TargetKind, opts: StartOptions = {}): Promise<ServerUnderTest> {
  return kind === 'plenary' ? startPlenary(opts) : startStock(opts);
}

export function withToken(s: ServerUnderTest, token: string): string {
  return `${s.docUrl}?token=${encodeURIComponent(token)}`;
}

/** node flags writing a CPU profile per thread into <dir>/<label>/ when the process exits. */
export function profileArgs(dir: string, label: string): string[] {
  const out = join(dir, label);
  mkdirSync(out, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', out];
}
