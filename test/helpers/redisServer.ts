import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, waitFor } from './wait';

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  process: ChildProcess;
  /** kill -9 */
  kill(): Promise<void>;
  /** start again on the same port and dir (AOF replays) */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function requireRedisServer(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('redis-server was not found on PATH. Install it with `apt-get install -y redis-server` (Debian/Ubuntu).');
  }
}

/** A private redis-server on a free port in a temp dir, with AOF on, stopped by its pid. */
export async function startRedis(opts: { appendonly?: boolean; appendfsync?: 'always' | 'everysec' } = {}): Promise<TestRedis> {
  requireRedisServer();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'plenary-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', opts.appendonly === false ? 'no' : 'yes', '--appendfsync', opts.appendfsync ?? 'always'];
  let proc: ChildProcess;
  const launch = async () => {
    proc = spawn('redis-server', args, { stdio: 'ignore' });
    await waitFor(async () => {
      const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on('error', () => {});
      try {
        await r.connect();
        return (await r.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        r.disconnect();
      }
    }, 10_000, `redis-server on port ${port} did not start`);
  };
  const killProc = async (signal: NodeJS.Signals) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill(signal);
    await exited;
  };
  await launch();
  const handle: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    get process() {
      return proc;
    },
    kill: () => killProc('SIGKILL'),
    restart: launch,
    stop: async () => {
      await killProc('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
